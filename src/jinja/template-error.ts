import type { Diagnostic } from '../diagnostics.js';
import { TemplateErrors } from './error-codes.js';
import { SparkifyError } from '../diagnostics.js';

const HEADER = /^\(([^)]*)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?\s*\n\s*/;
/** Errors raised by our own functions (ref, var, ...) reach us wrapped as `Error: message`. */
const WRAPPED = /^(?:[A-Za-z]*Error): /;

/**
 * Turns a nunjucks error into a diagnostic with `file:line:col`.
 *
 * Nunjucks reports its own errors (syntax, undefined output) with 1-based positions, but errors
 * thrown by functions called from a template with the 0-based position of the call, and with no
 * position at all for line 0 column 0. We normalise both to 1-based.
 */
export function templateErrorToDiagnostic(
  error: unknown,
  file: string,
  node?: string,
  /** The diagnostic our own function raised, which nunjucks flattened into a message. */
  raised?: Diagnostic,
  /** The template text, to move a call's position from its `(` back to the function name. */
  source?: string,
): Diagnostic {
  if (error instanceof SparkifyError) {
    const first = error.diagnostics[0];
    return { ...first, location: first.location ?? { file }, node: first.node ?? node };
  }
  const raw = error instanceof Error ? error.message : String(error);
  const where = innermostHeader(raw);
  let message = where.message;
  let line = where.line;
  let column = where.column;
  const at = where.file === undefined || where.file === 'unknown path' ? file : where.file;
  const wrapped = WRAPPED.test(message);
  if (wrapped) {
    message = message.replace(WRAPPED, '');
    line = (line ?? 0) + 1;
    column = at === file ? callStart(source, line, (column ?? 0) + 1) : (column ?? 0) + 1;
  }
  // An error inside a macro of another file points there; say which template called it.
  const calledFrom = at === file ? '' : ` (in a macro called from ${file})`;
  if (raised && wrapped) {
    return { ...raised, message: raised.message + calledFrom, location: { file: at, line, column }, node };
  }
  return { code: TemplateErrors.renderFailed, message: `template error: ${message.trim()}${calledFrom}`, location: { file: at, line, column }, node, hint: hintFor(message) };
}

/**
 * nunjucks prefixes a message with `(file) [Line l, Column c]` where the error happened and with
 * `(file)` for every template it passed through on the way out (macros of other files, then the
 * model). The innermost header with a position says where the error is.
 */
function innermostHeader(raw: string): { message: string; file?: string; line?: number; column?: number } {
  let message = raw;
  let found: { file?: string; line?: number; column?: number } = {};
  for (let header = HEADER.exec(message); header; header = HEADER.exec(message)) {
    if (header[2] !== undefined || found.line === undefined) {
      found = { file: header[1], line: header[2] ? Number(header[2]) : undefined, column: header[3] ? Number(header[3]) : undefined };
    }
    message = message.slice(header[0].length);
  }
  return { message, ...found };
}

/** Nunjucks points at a call's `(`; users expect the name of the function called. */
function callStart(source: string | undefined, line: number, column: number): number {
  const text = source?.split('\n')[line - 1];
  if (!text || text[column - 1] !== '(') return column;
  let start = column - 1;
  while (start > 0 && /[\w.]/.test(text[start - 1])) start--;
  return start + 1;
}

function hintFor(message: string): string | undefined {
  if (message.includes('attempted to output null or undefined value')) {
    return 'a variable in {{ }} is undefined: define it with {% set %}, pass it with var(), or use a default filter';
  }
  if (message.includes('Unable to call')) {
    return 'the function is not defined: check its spelling, or that the macro file under macros/ defines it';
  }
  if (message.includes('unexpected token') || message.includes('expected')) {
    return 'check the {{ }} and {% %} tags around this position';
  }
  return undefined;
}
