import type { PlanBase } from './types.js';

/** The text `compile` writes and prints for a plan: each statement followed by `;` and a blank line. */
export function renderPlan(plan: PlanBase): string {
  return plan.statements.map((s) => `${s.sql};\n`).join('\n');
}
