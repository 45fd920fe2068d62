import type { Relation } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation } from '../../sql/quote.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import type { DependentView } from '../../plan/warehouse-state.js';
import { POSTGRES_QUOTING } from './family-capabilities.js';
import { grantStatements } from './grants.js';

/**
 * Renames the freshly built relation over the target inside the caller's transaction: readers see
 * the old relation until COMMIT, then the new one.
 *
 * Views that read the target follow it when it is renamed aside, so dropping it would take them
 * along (dbt drops them: dbt-core#2185). Instead each one is re-pointed at the new relation with
 * CREATE OR REPLACE VIEW and its own definition, read from the catalog before the run (same view,
 * same grants, views on top of it untouched), and the old relation is dropped without CASCADE: a
 * dependent the plan did not know of (created since) fails the build rather than vanishing. The
 * privileges others held on the old relation are granted on the new one (grants.ts).
 */
export function swapInto(target: Relation, fresh: Relation, context: BuildContext, freshKind: 'TABLE' | 'VIEW' = 'TABLE'): Statement[] {
  const old = sideRelation(target, 'old', context.runId);
  const word = context.existing?.kind === 'view' ? 'VIEW' : 'TABLE';
  return [
    { sql: `ALTER ${word} IF EXISTS ${quoteRelation(target)} RENAME TO ${quoteIdentifier(old.identifier)}` },
    { sql: `ALTER ${freshKind} ${quoteRelation(fresh)} RENAME TO ${quoteIdentifier(target.identifier)}` },
    ...(context.existing?.dependentViews ?? []).map((view) => repoint(view, target)),
    ...grantStatements(target, context.existing?.grants, POSTGRES_QUOTING),
    { sql: `DROP ${word} IF EXISTS ${quoteRelation(old)}` },
  ];
}

/** CREATE OR REPLACE VIEW with the view's own (schema-qualified) definition, now reading the new relation. */
export function repoint(view: DependentView, target: Relation): Statement {
  const options = view.options.length > 0 ? ` WITH (${view.options.join(', ')})` : '';
  const definition = view.definition.trim().replace(/;+$/, '');
  return {
    sql: `-- keeps view ${quoteRelation(view.relation)} reading ${quoteRelation(target)} (its definition, read from the catalog before the run)\n`
      + `CREATE OR REPLACE VIEW ${quoteRelation(view.relation)}${options} AS\n${definition}`,
  };
}
