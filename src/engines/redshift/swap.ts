import type { Relation } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation, redshiftQuoting } from './redshift-quoting.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import { grantStatements } from '../postgres-family/grants.js';
import { recreateDependents } from './dependent-views.js';

/**
 * Renames the relation built aside over the target, inside the caller's transaction.
 *
 * Redshift's ALTER TABLE has no IF EXISTS (https://docs.aws.amazon.com/redshift/latest/dg/r_ALTER_TABLE.html),
 * and compile cannot know whether the target exists, so an empty stand-in (CREATE TABLE IF NOT
 * EXISTS ... LIKE, https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html) gives the
 * first rename something to move aside; it leaves with the old relation. ALTER TABLE also renames
 * views, so a view that becomes a table (or the reverse, or a view replacing a view) swaps the same way.
 *
 * Bound views that read the old relation are dropped and created again from their definitions
 * (dependent-views.ts), and the privileges others held on it are granted on the new one (the
 * catalog read both before the run). The old relation is then dropped without CASCADE: a dependent
 * created since the catalog was read makes the build fail rather than vanish. Late-binding views
 * (config bind=false, or a user's WITH NO SCHEMA BINDING) hold no dependency and are not touched.
 */
export function swapInto(target: Relation, fresh: Relation, context: BuildContext, freshKind: 'TABLE' | 'VIEW' = 'TABLE'): Statement[] {
  const old = sideRelation(target, 'old', context.runId);
  const word = context.existing?.kind === 'view' ? 'VIEW' : 'TABLE';
  // LIKE copies a table's columns, so a view built aside gets no stand-in: it only ever replaces a
  // relation the warehouse is known to hold (RedshiftDialect.buildView).
  const standIn = freshKind === 'TABLE' ? [{ sql: `CREATE TABLE IF NOT EXISTS ${quoteRelation(target)} (LIKE ${quoteRelation(fresh)})` }] : [];
  return [
    ...standIn,
    { sql: `ALTER TABLE ${quoteRelation(target)} RENAME TO ${quoteIdentifier(old.identifier)}` },
    { sql: `ALTER TABLE ${quoteRelation(fresh)} RENAME TO ${quoteIdentifier(target.identifier)}` },
    ...recreateDependents(context.existing?.dependentViews, target),
    ...grantStatements(target, context.existing?.grants, redshiftQuoting),
    { sql: `DROP ${word} ${quoteRelation(old)}` },
  ];
}
