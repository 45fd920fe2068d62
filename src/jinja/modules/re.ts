/**
 * `modules.re` as dbt packages use it: match, search, fullmatch, findall, sub, split, compile,
 * escape and the flags I, M, S, X. Python patterns run on JavaScript's engine after translating
 * what differs: `(?P<name>...)`, `(?P=name)`, `\A`, `\Z`; replacements `\1`, `\g<1>`, `\g<name>`.
 */
import { bindArgs } from '../python/call-args.js';

const FLAGS = { I: 2, IGNORECASE: 2, M: 8, MULTILINE: 8, S: 16, DOTALL: 16, X: 64, VERBOSE: 64, A: 256, ASCII: 256 };

function translate(pattern: string, flags: number): string {
  let source = pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\A/g, '(?<![\\s\\S])').replace(/\\Z/g, '(?![\\s\\S])');
  // Verbose patterns: whitespace and # comments outside classes are not part of the pattern.
  if (flags & FLAGS.X) source = source.replace(/\\.|\[(?:\\.|[^\]])*\]|#[^\n]*|\s+/g, (part) => (part.startsWith('\\') || part.startsWith('[') ? part : ''));
  return source;
}

function jsFlags(flags: number, extra: string): string {
  return `d${flags & FLAGS.I ? 'i' : ''}${flags & FLAGS.M ? 'm' : ''}${flags & FLAGS.S ? 's' : ''}${extra}`;
}

/** A match, with Python's accessors. */
export class Match {
  constructor(private readonly found: RegExpExecArray, readonly string: string) {}
  private index(group: unknown): number | string {
    return typeof group === 'number' || /^\d+$/.test(String(group)) ? Number(group) : String(group);
  }
  private groupValue(group: unknown): string | null {
    const key = this.index(group);
    const value = typeof key === 'number' ? this.found[key] : this.found.groups?.[key];
    return value === undefined ? null : value;
  }
  group(...groups: unknown[]): unknown {
    if (groups.length <= 1) return this.groupValue(groups[0] ?? 0);
    return groups.map((g) => this.groupValue(g));
  }
  groups(...args: unknown[]): unknown[] {
    const { default: fallback } = bindArgs('groups', args, [['default', null]]);
    return this.found.slice(1).map((value) => (value === undefined ? fallback : value));
  }
  groupdict(): Record<string, string | null> {
    return Object.fromEntries(Object.entries(this.found.groups ?? {}).map(([k, v]) => [k, v ?? null]));
  }
  span(group: unknown = 0): [number, number] {
    const key = this.index(group);
    const span = typeof key === 'number' ? this.found.indices?.[key] : this.found.indices?.groups?.[key];
    return span ? [span[0], span[1]] : [-1, -1];
  }
  start(group: unknown = 0): number { return this.span(group)[0]; }
  end(group: unknown = 0): number { return this.span(group)[1]; }
  __bool__(): boolean { return true; }
}

/** A compiled pattern. */
export class Pattern {
  constructor(readonly pattern: string, readonly flags: number) {}
  private regex(extra = ''): RegExp { return new RegExp(translate(this.pattern, this.flags), jsFlags(this.flags, extra)); }
  match(text: unknown): Match | null {
    const regex = this.regex('y');
    const found = regex.exec(String(text));
    return found ? new Match(found, String(text)) : null;
  }
  fullmatch(text: unknown): Match | null {
    const whole = new Pattern(`(?:${this.pattern})(?![\\s\\S])`, this.flags);
    return whole.match(text);
  }
  search(text: unknown): Match | null {
    const found = this.regex().exec(String(text));
    return found ? new Match(found, String(text)) : null;
  }
  findall(text: unknown): unknown[] {
    return [...String(text).matchAll(this.regex('g'))].map((m) => (m.length === 1 ? m[0] : m.length === 2 ? m[1] ?? '' : m.slice(1).map((g) => g ?? '')));
  }
  finditer(text: unknown): Match[] {
    return [...String(text).matchAll(this.regex('g'))].map((m) => new Match(m as RegExpExecArray, String(text)));
  }
  sub(repl: unknown, text: unknown, ...args: unknown[]): string {
    const { count } = bindArgs('sub', args, [['count', 0]]);
    let left = Number(count) || Infinity;
    return String(text).replace(this.regex('g'), (...parts: unknown[]) => {
      const match = parts[0] as string;
      if (left-- <= 0) return match;
      const named = typeof parts.at(-1) === 'object' ? (parts.at(-1) as Record<string, string>) : undefined;
      const found = Object.assign(parts.slice(0, named ? -3 : -2), { groups: named }) as unknown as RegExpExecArray;
      if (typeof repl === 'function') return String(repl(new Match(found, String(text))));
      return expandReplacement(String(repl), found);
    });
  }
  split(text: unknown, ...args: unknown[]): string[] {
    const { maxsplit } = bindArgs('split', args, [['maxsplit', 0]]);
    const out: string[] = [];
    let last = 0;
    let splits = 0;
    for (const m of String(text).matchAll(this.regex('g'))) {
      if (Number(maxsplit) > 0 && splits >= Number(maxsplit)) break;
      out.push(String(text).slice(last, m.index), ...m.slice(1));
      last = m.index! + m[0].length;
      splits++;
    }
    return [...out, String(text).slice(last)];
  }
}

function expandReplacement(template: string, found: RegExpExecArray): string {
  return template.replace(/\\g<(\w+)>|\\(\d+)|\\([nt\\])/g, (_all, named: string | undefined, numbered: string | undefined, escape: string | undefined) => {
    if (escape) return escape === 'n' ? '\n' : escape === 't' ? '\t' : '\\';
    const key = named ?? numbered!;
    return (/^\d+$/.test(key) ? found[Number(key)] : found.groups?.[key]) ?? '';
  });
}

/** The `modules.re` namespace. */
export function reModule(): Record<string, unknown> {
  const compile = (pattern: unknown, flags: unknown = 0) => (pattern instanceof Pattern ? pattern : new Pattern(String(pattern), Number(flags)));
  const withFlags = (args: unknown[], names: [string, unknown][]) => bindArgs('re', args, [...names, ['flags', 0]]);
  return {
    ...FLAGS,
    compile,
    escape: (text: unknown) => String(text).replace(/[.*+?^${}()|[\]\\\-#&~\s]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`)),
    match: (p: unknown, t: unknown, ...a: unknown[]) => compile(p, withFlags(a, []).flags).match(t),
    fullmatch: (p: unknown, t: unknown, ...a: unknown[]) => compile(p, withFlags(a, []).flags).fullmatch(t),
    search: (p: unknown, t: unknown, ...a: unknown[]) => compile(p, withFlags(a, []).flags).search(t),
    findall: (p: unknown, t: unknown, ...a: unknown[]) => compile(p, withFlags(a, []).flags).findall(t),
    finditer: (p: unknown, t: unknown, ...a: unknown[]) => compile(p, withFlags(a, []).flags).finditer(t),
    sub: (p: unknown, r: unknown, t: unknown, ...a: unknown[]) => { const { count, flags } = withFlags(a, [['count', 0]]); return compile(p, flags).sub(r, t, count); },
    split: (p: unknown, t: unknown, ...a: unknown[]) => { const { maxsplit, flags } = withFlags(a, [['maxsplit', 0]]); return compile(p, flags).split(t, maxsplit); },
  };
}
