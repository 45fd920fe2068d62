/**
 * dbt's `--empty` (docs: docs/build/empty-flag): refs and sources read as zero rows, so the model's
 * SQL still runs against the warehouse and every relation is created, empty. dbt-postgres writes
 * `(select * from x where false limit 0) _dbt_limit_subq_x`; sparkify aliases the subquery with the
 * relation's own name, so `x.column` keeps resolving, and leaves the alias out when the SQL gives one.
 */

/** Words that may follow a relation in FROM without being its alias. */
const NOT_AN_ALIAS = new Set([
  'where', 'join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'on', 'using', 'group', 'order', 'limit', 'offset',
  'union', 'intersect', 'except', 'having', 'window', 'fetch', 'for', 'lateral', 'returning', 'into', 'set', 'values', 'select',
  'from', 'with', 'tablesample', 'and', 'or', 'then', 'when', 'else', 'end',
]);

/** `relation` (quoted) as an empty subquery; `following` is the SQL right after it. */
export function emptyRelation(relation: string, identifier: string, following: string): string {
  const subquery = `(select * from ${relation} where false limit 0)`;
  return hasAlias(following) ? subquery : `${subquery} as "${identifier.replace(/"/g, '""')}"`;
}

/** Whether the SQL after a relation starts with an alias (`as t`, `t`, `"t"`). */
function hasAlias(following: string): boolean {
  const next = /^\s*("[^"]*"|[A-Za-z_][A-Za-z0-9_$]*)/.exec(following);
  if (!next) return false;
  const word = next[1];
  return word.startsWith('"') || !NOT_AN_ALIAS.has(word.toLowerCase());
}
