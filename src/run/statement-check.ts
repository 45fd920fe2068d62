import { SparkifyError } from '../diagnostics.js';
import type { NodePlan, Statement } from '../plan/types.js';
import { sqlLiteral } from '../sql/quote.js';

/** Fails the node when a check statement (Statement.check) returned a row; the row is the evidence. */
export function enforceCheck(statement: Statement, rows: Record<string, unknown>[], plan: NodePlan): void {
  if (!statement.check || rows.length === 0) return;
  const evidence = Object.entries(rows[0]).map(([key, value]) => `${key} = ${sqlLiteral(value)}`).join(', ');
  throw new SparkifyError({
    code: statement.check.code,
    message: `${statement.check.message}: ${evidence}`,
    location: { file: plan.path },
    node: plan.id,
    hint: statement.check.hint,
  }, 1);
}
