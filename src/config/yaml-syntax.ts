/**
 * YAML syntax errors in plain words, at the line to edit. The yaml library reports where its parser
 * gave up, in its own terms ("Nested mappings are not allowed in compact mappings", "Sequence item
 * without - indicator"); a mis-indented key is often reported on the line above it. This module
 * finds the line that breaks the indentation, says what is wrong with it, and shows it.
 */
import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';
import { sourceExcerpt } from './source-excerpt.js';

/** What a syntax error is about, in the user's terms. */
interface Explained {
  line: number;
  column: number;
  message: string;
  hint: string;
  /** The first line to show (the line above, when the message compares with it). */
  showFrom: number;
}

const INDENTATION_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);

/** The SPK010 diagnostic of one yaml error. */
export function yamlSyntaxDiagnostic(file: string, text: string, error: YAMLError): Diagnostic {
  const lines = text.split(/\r?\n/);
  const lastLine = Math.max(1, text.trimEnd().split(/\r?\n/).length);
  const [start, end] = error.linePos ?? [{ line: 1, col: 1 }, undefined];
  // Unclosed brackets/quotes are reported at end of file, past the last written line.
  const line = Math.min(start.line, lastLine);
  const explained = explain(lines, error, line, Math.min(end?.line ?? line, lastLine), line === start.line ? start.col : 1);
  return {
    code: ProjectErrors.yamlSyntax,
    message: `invalid YAML: ${explained.message}`,
    location: { file, line: explained.line, column: explained.column },
    hint: explained.hint,
    excerpt: sourceExcerpt(text, explained.showFrom, explained.line, explained.column),
  };
}

function explain(lines: string[], error: YAMLError, line: number, endLine: number, column: number): Explained {
  const own = { line, column, message: ownMessage(error), hint: 'check indentation, quotes and brackets around this line', showFrom: line };
  if (error.code === 'TAB_AS_INDENT') {
    return { ...own, column: 1, message: 'this line is indented with a tab; YAML indents with spaces only', hint: 'replace the tab with spaces' };
  }
  if (/^Missing closing ["']quote/.test(error.message)) return unclosedQuote(lines, own);
  if (/end with a [\]}]/.test(error.message)) return unclosedFlow(lines, own);
  if (!INDENTATION_CODES.has(error.code)) return own;
  return missingColon(lines, line, endLine) ?? misIndented(lines, Math.max(1, line - 1), endLine + 1) ?? colonInValue(lines, own, endLine) ?? own;
}

/** yaml's message without " at line N, column M:" and its source excerpt (the location says that already). */
function ownMessage(error: YAMLError): string {
  return error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Indentation of a line, or undefined for blank and comment lines. */
function indentOf(text: string | undefined): number | undefined {
  if (text === undefined || /^\s*(#.*)?$/.test(text)) return undefined;
  return text.length - text.trimStart().length;
}

/** The column (0-based) a line's key starts at: after `- ` item markers. */
function keyColumn(text: string): number {
  const marker = /^(\s*(?:-\s+)*)/.exec(text)![1];
  return marker.length;
}

/** `key` of a `key: value` line, or undefined. */
function keyOf(text: string): string | undefined {
  return /^\s*(?:-\s+)*([^\s:#'"][^:#]*?|"[^"]*"|'[^']*'):(\s|$)/.exec(text)?.[1];
}

/** Whether a line opens a block (`key:` with nothing after it, or `- ` alone): the next line may be deeper. */
function opensBlock(text: string): boolean {
  return /:\s*(#.*)?$/.test(text) || /^\s*-\s*$/.test(text) || /[|>][-+]?\d*\s*$/.test(text);
}

/** A column keys or list items start at, in the structure above a line. */
interface OpenColumn {
  column: number;
  /** Opened by `- ` items deeper than their parent key: a line there must be another item. */
  items: boolean;
  line: number;
}

/**
 * The first line in [from, to] whose indentation fits no structure above it: deeper than a line that
 * holds a value, between the columns of the keys it could belong to, or at the column of list items
 * without being one. The columns open at each line are tracked from the top of the file, the way a
 * reader follows the indentation.
 */
function misIndented(lines: string[], from: number, to: number): Explained | undefined {
  const open: OpenColumn[] = [{ column: 0, items: false, line: 0 }];
  let previous: number | undefined;
  for (let index = 0; index < Math.min(lines.length, to); index++) {
    const indent = indentOf(lines[index]);
    if (indent === undefined) continue;
    const text = lines[index];
    const above = previous === undefined ? undefined : lines[previous];
    const columns = open.map((o) => o.column);
    let popped = false;
    while (open.length > 1 && open[open.length - 1].column > indent) {
      open.pop();
      popped = true;
    }
    const top = open[open.length - 1];
    const item = /^\s*-(\s|$)/.test(text);
    if (index + 1 >= from) {
      const problem = indentProblem({ lines, line: index + 1, indent, top, popped, item, above, aboveLine: previous === undefined ? 0 : previous + 1, columns });
      if (problem) return problem;
    }
    if (indent > top.column) open.push({ column: indent, items: item && !(above !== undefined && /^\s*-/.test(above) && indentOf(above) === indent), line: index + 1 });
    else if (item && indent === top.column && !top.items && keyOf(above ?? '') === undefined) top.items = true;
    if (item && keyColumn(text) > indent) open.push({ column: keyColumn(text), items: false, line: index + 1 });
    previous = index;
  }
  return undefined;
}

/** What tracking one line found. */
interface LineState {
  lines: string[];
  line: number;
  indent: number;
  top: OpenColumn;
  popped: boolean;
  item: boolean;
  above: string | undefined;
  aboveLine: number;
  /** The columns open before this line. */
  columns: number[];
}

function indentProblem(state: LineState): Explained | undefined {
  const { lines, line, indent, top, popped, item, above, aboveLine, columns } = state;
  if (indent > top.column && popped) return unaligned(lines, line, columns);
  if (indent > top.column && above !== undefined && !opensBlock(above) && keyOf(lines[line - 1]) !== undefined) return overIndented(lines, line, aboveLine);
  if (indent === top.column && top.items && !item) return notAnItem(lines, line, top.line);
  return undefined;
}

function notAnItem(lines: string[], line: number, itemsLine: number): Explained {
  const text = lines[line - 1];
  return {
    line,
    column: indentOf(text)! + 1,
    message: `this line starts at the column of the list items above (the \`- \` on line ${itemsLine}) but is not one, so it belongs to no mapping`,
    hint: `indent it by ${keyColumn(lines[itemsLine - 1])} spaces to add it to the item above, or start it with \`- \` to make it an item`,
    showFrom: Math.max(1, line - 1),
  };
}

function overIndented(lines: string[], line: number, aboveLine: number): Explained {
  const text = lines[line - 1];
  const above = lines[aboveLine - 1];
  const key = keyOf(text) ?? text.trim();
  const aboveKey = keyOf(above);
  const what = aboveKey ? `\`${aboveKey}:\` on line ${aboveLine}` : `line ${aboveLine}`;
  return {
    line,
    column: indentOf(text)! + 1,
    message: `\`${key}:\` is indented more than ${what}, which holds a value, so YAML reads this line as part of that value`,
    hint: `indent \`${key}:\` by ${keyColumn(above)} spaces like ${aboveKey ? `\`${aboveKey}:\`` : 'the line above'}${aboveKey ? `, or quote the value of \`${aboveKey}\` if the colon belongs to it` : ''}`,
    showFrom: aboveLine,
  };
}

function unaligned(lines: string[], line: number, open: number[]): Explained {
  const text = lines[line - 1];
  const indent = indentOf(text)!;
  const columns = [...new Set(open)].sort((a, b) => a - b);
  const deeper = columns.filter((column) => column > indent)[0];
  const shallower = columns.filter((column) => column < indent).pop() ?? 0;
  return {
    line,
    column: indent + 1,
    message: `this line is indented by ${indent} space${indent === 1 ? '' : 's'}, which lines up with none of the keys above it (the nearest start after ${shallower} and ${deeper} spaces)`,
    hint: `indent it by ${deeper} spaces to continue the mapping above it, or by ${shallower} (or less) for a key of an outer one`,
    showFrom: Math.max(1, line - 1),
  };
}

/** `tables` on a line of its own, followed by a deeper line: the key lost its colon. */
function missingColon(lines: string[], line: number, endLine: number): Explained | undefined {
  const text = lines[line - 1];
  if (text === undefined || text.includes(':') || endLine <= line || /^\s*-\s/.test(text)) return undefined;
  const word = text.trim();
  return {
    line,
    column: indentOf(text)! + word.length + 1,
    message: `\`${word}\` has no colon: a key is written \`${word}:\``,
    hint: `write \`${word}:\``,
    showFrom: line,
  };
}

/** `name: a: b` on one line: a value holding ": " must be quoted. */
function colonInValue(lines: string[], own: Explained, endLine: number): Explained | undefined {
  const text = lines[own.line - 1];
  if (endLine !== own.line || text === undefined || (text.match(/:(\s|$)/g)?.length ?? 0) < 2) return undefined;
  const key = keyOf(text);
  return {
    ...own,
    message: `the value of \`${key}\` holds a colon followed by a space (or ending the line), which YAML reads as another key`,
    hint: `quote the value: ${key}: "..."`,
  };
}

/** A quote that is never closed: a quoted value may span lines, so yaml reports it at the end; it opens on the nearest line above with an odd number of them. */
function unclosedQuote(lines: string[], own: Explained): Explained {
  const quote = /Missing closing (["'])/.exec(own.message)?.[1] ?? '"';
  for (let line = own.line; line >= 1; line--) {
    const text = lines[line - 1] ?? '';
    const count = text.split(quote).length - 1 - (quote === '"' ? (text.match(/\\"/g)?.length ?? 0) : 0);
    if (count % 2 === 1) {
      return { ...own, line, column: text.lastIndexOf(quote) + 1, message: `the ${quote} opened here is never closed`, hint: `end the value with ${quote}`, showFrom: line };
    }
  }
  return { ...own, message: `a ${quote} is never closed`, hint: `end the value with ${quote}` };
}

/** A `[` or `{` whose closing bracket never comes: reported where it is opened. */
function unclosedFlow(lines: string[], own: Explained): Explained {
  for (let line = own.line; line >= 1; line--) {
    const text = lines[line - 1] ?? '';
    let depth = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      if (text[i] === ']' || text[i] === '}') depth++;
      else if (text[i] === '[' || text[i] === '{') {
        if (depth === 0) {
          const close = text[i] === '[' ? ']' : '}';
          return { ...own, line, column: i + 1, message: `the ${text[i]} opened here is never closed`, hint: `end the list with ${close} (on this line, or on an indented line below)`, showFrom: line };
        }
        depth--;
      }
    }
  }
  return own;
}
