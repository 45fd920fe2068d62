/**
 * The real PostgreSQL parser (libpg_query compiled to WASM: no native build, installs with npm ci).
 * The WASM module can only be instantiated asynchronously, so it is loaded once when this module is
 * imported; after that every parse is synchronous, which keeps computeLineage a plain function.
 */
import { loadModule, parseSync } from 'libpg-query';
import type { SelectStmt } from 'libpg-query';

await loadModule();

/** A parsed model: its one SELECT, or why there is none. */
export type ParsedSelect = { select: SelectStmt } | { error: string };

/** Parses SQL that should be exactly one SELECT (a model's compiled SQL). */
export function parseSelect(sql: string): ParsedSelect {
  let statements;
  try {
    statements = parseSync(sql).stmts ?? [];
  } catch (error) {
    return { error: describeSyntaxError(error, sql) };
  }
  if (statements.length !== 1) return { error: `expected one SELECT statement, found ${statements.length} statements` };
  const node = statements[0].stmt as Record<string, unknown> | undefined;
  const kind = node ? Object.keys(node)[0] : 'nothing';
  if (kind !== 'SelectStmt') return { error: `expected a SELECT statement, found ${kind}` };
  return { select: (node as { SelectStmt: SelectStmt }).SelectStmt };
}

/** `syntax error at or near "x" (compiled SQL line 3, column 7)`: the parser's message and where, 1-based. */
function describeSyntaxError(error: unknown, sql: string): string {
  const { message, sqlDetails } = error as { message?: string; sqlDetails?: { cursorPosition?: number } };
  const offset = sqlDetails?.cursorPosition;
  if (offset === undefined || offset < 0) return message ?? String(error);
  const { line, column } = lineAndColumn(sql, offset);
  return `${message} (compiled SQL line ${line}, column ${column})`;
}

/** The 1-based line and column of a byte offset (the parser counts UTF-8 bytes). */
function lineAndColumn(sql: string, byteOffset: number): { line: number; column: number } {
  const before = Buffer.from(sql, 'utf8').subarray(0, byteOffset).toString('utf8');
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
