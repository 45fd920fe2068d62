import type { Statement } from './types.js';

/**
 * A model's or a run's hooks as plan statements. Each hook is one statement (a list gives several);
 * a trailing `;` is dropped because the plan text adds its own.
 */
export function hookStatements(hooks: string[] | undefined): Statement[] {
  return (hooks ?? []).map((sql) => ({ sql: sql.trim().replace(/;+\s*$/, '') })).filter((s) => s.sql !== '');
}
