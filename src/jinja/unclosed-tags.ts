/**
 * Where a template's unclosed construct starts. nunjucks reports "expected endif, got end of file"
 * and "unexpected end of file" without a position (the end of the file has none), and an unclosed
 * comment at 1:1; the user must edit the line of the `{% if %}`, `{{` or `{#` that is never closed.
 */

/** An unclosed construct: where it starts, and what closes it. */
export interface Unclosed {
  line: number;
  column: number;
  /** `{% if %}`, `{{`, `{#`. */
  opener: string;
  /** `{% endif %}`, `}}`, `#}`. */
  closer: string;
}

/** Tags that take a body closed by `{% end<tag> %}` (nunjucks' block tags; `set` only without `=`). */
const BODY_TAGS = new Set(['if', 'for', 'asyncEach', 'asyncAll', 'macro', 'call', 'filter', 'block', 'raw', 'verbatim', 'set']);

interface Open {
  name: string;
  offset: number;
}

/** The innermost construct of `source` that is never closed, or undefined when all are. */
export function findUnclosed(source: string): Unclosed | undefined {
  const stack: Open[] = [];
  let at = 0;
  for (;;) {
    const start = source.indexOf('{', at);
    if (start < 0 || start + 1 >= source.length) break;
    const kind = source[start + 1];
    if (kind !== '{' && kind !== '%' && kind !== '#') {
      at = start + 1;
      continue;
    }
    const closer = kind === '{' ? '}}' : `${kind}}`;
    const end = source.indexOf(closer, start + 2);
    if (end < 0) return unclosedAt(source, start, kind === '{' ? '{{' : kind === '#' ? '{#' : '{%', closer);
    if (kind === '%') {
      const skipTo = tag(source.slice(start + 2, end), start, stack, source);
      if (skipTo === undefined) return unclosedAt(source, stack[stack.length - 1].offset, `{% ${stack[stack.length - 1].name} %}`, `{% end${stack[stack.length - 1].name} %}`);
      at = Math.max(end + 2, skipTo);
    } else at = end + 2;
  }
  const open = stack.pop();
  return open ? unclosedAt(source, open.offset, `{% ${open.name} %}`, `{% end${open.name} %}`) : undefined;
}

/** Updates the stack with one `{% … %}`; returns where scanning resumes (undefined: a raw block never closed). */
function tag(body: string, offset: number, stack: Open[], source: string): number | undefined {
  const name = /^-?\s*(\w+)/.exec(body)?.[1];
  if (!name) return offset;
  if (name === 'raw' || name === 'verbatim') {
    const close = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g');
    close.lastIndex = offset;
    const found = close.exec(source);
    if (!found) {
      stack.push({ name, offset });
      return undefined;
    }
    return found.index + found[0].length;
  }
  if (name.startsWith('end')) {
    const index = stack.map((open) => open.name).lastIndexOf(name.slice(3));
    if (index >= 0) stack.length = index;
  } else if (BODY_TAGS.has(name) && !(name === 'set' && body.includes('='))) {
    stack.push({ name, offset });
  }
  return offset;
}

function unclosedAt(source: string, offset: number, opener: string, closer: string): Unclosed {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), opener, closer };
}
