/**
 * Redshift's JSONPath subset: `$` then steps `['name']`, `["name"]`, `.name` or `[0]`.
 * Wildcards, slices, filters and recursive descent are not supported (Redshift refuses them too).
 */

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

/** A JSONPath expression that cannot be read; `offset` points into the expression. */
export class JsonPathError extends Error {
  override name = 'JsonPathError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses a JSONPath expression into its segments. */
export function parseJsonPath(expression: string): PathSegment[] {
  if (expression[0] !== '$') throw new JsonPathError('a JSONPath must start with $', 0);
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < expression.length) {
    const step = expression[i] === '.' ? dotStep(expression, i) : expression[i] === '[' ? bracketStep(expression, i) : undefined;
    if (step === undefined) throw new JsonPathError(`unexpected ${JSON.stringify(expression[i])}; expected . or [`, i);
    segments.push(step.segment);
    i = step.end;
  }
  if (segments.length === 0) throw new JsonPathError('the path $ selects the whole record; name an element', 0);
  return segments;
}

interface Step {
  segment: PathSegment;
  end: number;
}

function dotStep(expression: string, dot: number): Step {
  if (expression[dot + 1] === '.') throw new JsonPathError('recursive descent (..) is not supported', dot);
  if (expression[dot + 1] === '*') throw new JsonPathError('wildcards are not supported', dot + 1);
  const name = /^[^.[\]'"\s*]+/.exec(expression.slice(dot + 1));
  if (!name) throw new JsonPathError('expected a name after .', dot + 1);
  return { segment: name[0], end: dot + 1 + name[0].length };
}

function bracketStep(expression: string, open: number): Step {
  const first = expression[open + 1];
  const inner = first === "'" || first === '"' ? quotedName(expression, open + 1) : index(expression, open + 1);
  if (expression[inner.end] !== ']') throw new JsonPathError('expected ] to close the bracket', inner.end);
  return { segment: inner.segment, end: inner.end + 1 };
}

function quotedName(expression: string, quoteAt: number): Step {
  const quote = expression[quoteAt];
  let name = '';
  for (let i = quoteAt + 1; i < expression.length; i++) {
    const c = expression[i];
    if (c === quote) {
      if (name.length === 0) throw new JsonPathError('empty name in brackets', quoteAt);
      return { segment: name, end: i + 1 };
    }
    // A backslash escapes the next character, so names may hold either quote.
    if (c === '\\' && i + 1 < expression.length) i++;
    name += expression[i];
  }
  throw new JsonPathError(`unterminated name: missing closing ${quote}`, quoteAt);
}

function index(expression: string, at: number): Step {
  if (expression[at] === '*') throw new JsonPathError('wildcards are not supported', at);
  const digits = /^\d+/.exec(expression.slice(at));
  if (!digits) throw new JsonPathError('expected a quoted name or an array index in brackets', at);
  const value = Number(digits[0]);
  if (!Number.isSafeInteger(value)) throw new JsonPathError(`array index ${digits[0]} is too large`, at);
  return { segment: value, end: at + digits[0].length };
}

/** Renders segments back as a bracket-notation path, for messages. */
export function formatJsonPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((s) => (typeof s === 'number' ? `[${s}]` : `['${s.replace(/[\\']/g, '\\$&')}']`)).join('');
}
