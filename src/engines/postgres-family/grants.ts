/**
 * GRANT statements that give a replaced relation's privileges to the relation replacing it: a
 * rebuilt table or view (built aside and renamed into place) is a new object, which starts with its
 * owner's privileges only. The privileges come from the catalog before the run (Grant), never the
 * build user's own: it owns the new relation.
 */
import type { Relation, SqlQuoting } from '../../sql/quote.js';
import type { Statement } from '../../plan/types.js';
import type { Grant } from '../../plan/warehouse-state.js';

/** One GRANT for the privileges each grantee holds plainly, one more for those WITH GRANT OPTION. */
export function grantStatements(relation: Relation, grants: Grant[] | undefined, quoting: SqlQuoting): Statement[] {
  return (grants ?? []).flatMap((grant) => {
    const to = grantee(grant, quoting);
    const on = quoting.relation(relation);
    const plain = grant.privileges.filter((p) => !grant.grantable.includes(p));
    const note = grant.unknown
      ? `-- not granted again: privilege letters '${grant.unknown}' of ${to.replace(/\n/g, ' ')} on ${on} have no GRANT word here\n`
      : '';
    const statements: Statement[] = [];
    if (plain.length > 0) statements.push({ sql: `GRANT ${plain.join(', ')} ON ${on} TO ${to}` });
    if (grant.grantable.length > 0) statements.push({ sql: `GRANT ${grant.grantable.join(', ')} ON ${on} TO ${to} WITH GRANT OPTION` });
    if (note && statements.length > 0) statements[0] = { sql: `${note}${statements[0].sql}` };
    return statements;
  });
}

function grantee(grant: Grant, quoting: SqlQuoting): string {
  if (grant.granteeKind === 'public') return 'PUBLIC';
  const name = quoteName(grant.grantee);
  return grant.granteeKind === 'user' ? name : `${grant.granteeKind.toUpperCase()} ${name}`;
}

/**
 * A user, group or role name as the catalog spells it, never folded: on Redshift "The case of a
 * username enclosed in double quotation marks is always preserved" (r_enable_case_sensitive_identifier.html).
 */
function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
