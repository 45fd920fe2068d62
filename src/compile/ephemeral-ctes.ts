/** Ephemeral models inlined as CTEs (dbt's `__dbt__cte__<name>`): names, closure, injection. */
import { quoteIdentifier } from '../sql/quote.js';

/** The CTE name an ephemeral model is inlined under (dbt's `__dbt__cte__<name>`). */
export function ephemeralCteName(model: string): string {
  return `__sparkify_cte__${model}`;
}

/** The ephemeral models `node` reaches through refs, dependencies first. */
export function ephemeralClosure(node: { refs: string[] }, refsOf: (name: string) => string[], isEphemeral: (name: string) => boolean): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const ref of refsOf(name)) if (isEphemeral(ref)) visit(ref);
    order.push(name);
  };
  for (const ref of node.refs) if (isEphemeral(ref)) visit(ref);
  return order;
}

/**
 * Puts CTEs in front of a query. A query that starts with WITH (after comments) gets them added to
 * its own list, since WITH cannot be repeated; any other query gets a WITH of its own.
 */
export function injectCtes(sql: string, ctes: readonly (readonly [string, string])[]): string {
  if (ctes.length === 0) return sql;
  const definitions = ctes.map(([name, body]) => `${quoteIdentifier(name)} as (\n${body.trim().replace(/;+$/, '')}\n)`).join(',\n');
  const start = firstTokenAt(sql);
  const withClause = /^with(\s+recursive)?\b/i.exec(sql.slice(start));
  if (withClause) {
    const after = start + withClause[0].length;
    return `${sql.slice(0, after)} ${definitions},${sql.slice(after)}`;
  }
  return `${sql.slice(0, start)}with ${definitions}\n${sql.slice(start)}`;
}

/** Index of the first character that is not whitespace or inside a leading comment. */
function firstTokenAt(sql: string): number {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i])) i++;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else {
      return i;
    }
  }
}
