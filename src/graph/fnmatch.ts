/**
 * Unix shell-style wildcards, as Python's fnmatch (dbt's names, tags, sources) and pathlib's glob
 * (dbt's `path:`) understand them: `*`, `?`, `[seq]`, `[!seq]`; an unclosed `[` is literal.
 */

/** True when the pattern holds a wildcard, i.e. it may match more than its literal text. */
export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** A whole-string matcher for an fnmatch pattern, where `*` also crosses `/` and `.`. */
export function fnmatcher(pattern: string): (text: string) => boolean {
  const regexp = new RegExp(`^${translate(pattern, false)}$`, 's');
  return (text) => regexp.test(text);
}

/** A whole-string matcher for a glob over `/`-separated paths: `*` stays in a folder, `**` spans any. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regexp = new RegExp(`^${translate(pattern, true)}$`, 's');
  return (path) => regexp.test(path);
}

function translate(pattern: string, pathAware: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pathAware && pattern[i + 1] === '*') {
      // `models/**/x.sql` also matches `models/x.sql`, as in pathlib.
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') out += pathAware ? '[^/]*' : '.*';
    else if (char === '?') out += pathAware ? '[^/]' : '.';
    else if (char === '[') {
      const end = classEnd(pattern, i);
      if (end === -1) out += '\\[';
      else {
        out += characterClass(pattern.slice(i + 1, end));
        i = end;
      }
    } else out += escapeRegExp(char);
  }
  return out;
}

/** Index of the `]` closing the class opened at `open`; a `]` right after `[` or `[!` is literal. */
function classEnd(pattern: string, open: number): number {
  let j = open + 1;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  return pattern.indexOf(']', j);
}

/** `[!a-c]` → `[^a-c]`; backslashes, `]` and a leading `^` are literal in fnmatch, so escape them. */
function characterClass(body: string): string {
  const negated = body.startsWith('!');
  const chars = (negated ? body.slice(1) : body).replace(/[\\\]]/g, '\\$&').replace(/^\^/, '\\^');
  return `[${negated ? '^' : ''}${chars}]`;
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
