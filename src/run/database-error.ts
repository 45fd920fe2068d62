import type { PlanBase } from '../plan/types.js';
import { RunErrors } from './error-codes.js';
import type { Diagnostic } from '../diagnostics.js';

/** The fields of a Postgres error that pg, PGlite and Redshift drivers all carry. */
interface DriverError {
  message: string;
  code?: string;
  position?: string | number;
  detail?: string;
  hint?: string;
}

/** Where compile wrote a node's files, to point the user at the exact line. */
export interface NodeFiles {
  runFile: string;
  compiledFile?: string;
  compiledSql?: string;
}

/**
 * Turns a database error on statement `index` of a plan into a diagnostic that names the model
 * file, the run file line the database pointed at, and the matching line of the compiled SQL.
 */
export function databaseErrorToDiagnostic(error: unknown, plan: PlanBase, index: number, files: NodeFiles): Diagnostic {
  const driver = error as DriverError;
  const statement = plan.statements[index].sql;
  const offset = Number(driver.position ?? 0) - 1; // Postgres positions are 1-based characters
  const runLine = statementStartLine(plan, index) + (offset >= 0 ? lineOfOffset(statement, offset) - 1 : 0);
  const where = [`${files.runFile}:${runLine}`];
  let modelLine: number | undefined;
  if (files.compiledSql && files.compiledFile && offset >= 0) {
    const start = statement.indexOf(files.compiledSql);
    if (start >= 0 && offset >= start && offset <= start + files.compiledSql.length) {
      modelLine = lineOfOffset(files.compiledSql, offset - start);
      where.push(`compiled SQL ${files.compiledFile}:${modelLine}`);
    }
  }
  const detail = driver.detail ? ` (${driver.detail})` : '';
  return {
    code: RunErrors.databaseError,
    message: `database error in ${plan.description}: ${driver.message}${detail} [at ${where.join(', ')}]`,
    location: { file: plan.path, line: modelLine },
    node: plan.id,
    hint: driver.hint ?? `review the statement in ${files.runFile}; sparkify compile --select ${plan.id.split('.').pop()} prints it`,
  };
}

/** 1-based line at which statement `index` starts in the rendered plan (see renderPlan). */
function statementStartLine(plan: PlanBase, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) line += lineOfOffset(plan.statements[i].sql, Infinity) + 1;
  return line;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
