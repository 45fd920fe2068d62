import { renderPlan } from '../plan/render-plan.js';
import type { NodePlan } from '../kinds/node-plan.js';
import { dialectFor } from '../engines/registry.js';
import type { RunPlan } from '../kinds/plan-run.js';
import { planForReview } from '../kinds/plan-run.js';
import { COMPILE_RUN_ID } from '../plan/side-names.js';
import type { ProjectContext } from './project-context.js';
import type { Dialect } from '../plan/dialect.js';

/** The run as compile shows it: planned without a warehouse, both plans of each incremental model. */
export function reviewPlan(context: ProjectContext, ids: string[], fullRefresh = false): RunPlan {
  return planForReview(context.compiled.manifest, ids, dialectFor(context.project.target), fullRefresh);
}

/**
 * Why compile's text is an exact review of build though build reads the warehouse first: every
 * statement is printed as build runs it, and the few that depend on the warehouse are named here —
 * those of every plan, then the dialect's own (Dialect.reviewNotes), so each engine's header tells
 * what its plans do.
 */
export function reviewHeader(dialect: Dialect): string {
  const notes = [
    `run id ${COMPILE_RUN_ID} stands for the id each build draws (side relations are named\n`
      + '  <relation>__sparkify_new_<run id> and __sparkify_old_<run id>, so two runs never collide);',
    'an incremental model has two plans: build runs the full build while its table does not exist\n'
      + '  (or with --full-refresh), else the incremental run, whose MERGE lists the table\'s columns;',
    'a view model has two plans: CREATE OR REPLACE VIEW while no view exists, else the view built\n'
      + '  aside and swapped in (its columns may have changed);',
    ...(dialect.reviewNotes ?? []),
    'schemas are created only where the catalog says they are missing, never public (target/run/schemas.sql);',
    'side relations left by a crashed run are dropped first (target/run/cleanup.sql).',
  ];
  return [
    '-- The statements `sparkify build` runs for this selection, in order, as it runs them, except for',
    '-- what only the warehouse can tell at build time:',
    ...notes.map((note) => `-- * ${note.replace(/\n {2}/g, '\n--   ')}`),
    '-- build writes the exact statements it ran to target/run/.',
    '',
  ].join('\n');
}

/** Prints the review of the selected nodes: on_run_start, each node's plans, on_run_end. */
export function printReview(context: ProjectContext, review: RunPlan, ids: string[]): void {
  const byId = new Map<string, NodePlan[]>();
  for (const plan of review.nodes) byId.set(plan.id, [...(byId.get(plan.id) ?? []), plan]);
  const plans = [review.schemas, review.onRunStart, ...ids.flatMap((id) => byId.get(id) ?? []), review.onRunEnd];
  context.output.raw(`${reviewHeader(dialectFor(context.project.target))}\n`);
  for (const plan of plans) if (plan) context.output.raw(`${planHeading(plan)}\n${renderPlan(plan)}\n`);
}

function planHeading(plan: NodePlan): string {
  const variant = plan.variant ? ` — ${plan.variant}` : '';
  const inlined = plan.statements.length === 0 && plan.kind === 'model' ? ' — inlined as a CTE into the models that ref it: nothing runs' : '';
  return `-- ${plan.id} (${plan.path}): ${plan.description}${variant}${inlined}`;
}
