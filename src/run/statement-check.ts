import type { PlanBase } from '../plan/types.js';
import { SparkifyError } from '../diagnostics.js';
import type { Statement } from '../plan/types.js';
import { quoteLiteral, sqlLiteral } from '../sql/quote.js';

/** Fails the node when a check statement (Statement.check) returned a row; the row is the evidence. */
export function enforceCheck(statement: Statement, rows: Record<string, unknown>[], plan: PlanBase): void {
  if (!statement.check || rows.length === 0) return;
  // Text for a message, never run: the standard SQL quoting reads plainest on every target.
  const evidence = Object.entries(rows[0]).map(([key, value]) => `${key} = ${sqlLiteral(value, quoteLiteral)}`).join(', ');
  throw new SparkifyError({
    code: statement.check.code,
    message: `${statement.check.message}: ${evidence}`,
    location: { file: plan.path },
    node: plan.id,
    hint: statement.check.hint,
  }, 1);
}
