import type { SourceNode } from '../manifest/manifest.js';
/** Models: SELECTs materialized as tables, views or incremental tables, or inlined (ephemeral). */
import { incrementalPath, VARIANTS } from '../plan/materializations/incremental.js';
import { replacePath } from '../plan/materializations/view.js';
import type { ModelNode } from '../manifest/manifest.js';
import { planModel } from '../plan/plan-model.js';
import type { RelationPlan } from '../plan/types.js';
import { compiledPath, runPath } from '../run/artifacts.js';
import { runPlanStatements } from '../run/run-statements.js';
import type { NodeKind } from './node-kind.js';

/** The model entry of the node-kind registry. */
export const modelKind: NodeKind<ModelNode, RelationPlan> = {
  kind: 'model',
  noun: ['model', 'models'],
  selector: (node) => node.name,
  graphNode: (model) => ({
    id: model.id, kind: 'model', name: model.name, path: model.path, tags: model.config.tags,
    materialized: model.config.materialized, dependsOn: model.dependsOn,
  }),
  // An incremental model's SQL is rendered both ways: the incremental one beside the full one.
  compiledFiles: (model) => [
    { path: model.path, sql: model.compiledSql },
    ...(model.incremental ? [{ path: incrementalPath(model.path), sql: model.incremental.compiledSql }] : []),
  ],
  plan: (model, dialect, options, manifest) => planModel(model, dialect, { ...options, sourceOf: (id) => manifest?.nodes[id] as SourceNode | undefined }),
  relationOf: (model) => (model.config.materialized === 'ephemeral' ? undefined : model.relation),
  runs: (model) => model.config.materialized !== 'ephemeral',
  secondPlanWhenExists(model) {
    if (model.config.materialized === 'incremental') return 'table';
    return model.config.materialized === 'view' ? 'view' : undefined;
  },
  previewSql: (model, quoting) => `SELECT * FROM ${quoting.relation(model.relation)}`,
  stateNeeds(model) {
    if (model.config.materialized === 'ephemeral') return { owned: model.relation };
    return { relation: model.relation, columns: model.config.materialized === 'incremental', dependents: true, owned: model.relation };
  },
  // An incremental run embeds the incremental SQL.
  errorFiles(plan, model) {
    if (plan.runPath === replacePath(model.path)) return { runFile: runPath(plan), compiledFile: compiledPath(model.path), compiledSql: model.compiledSql };
    if (model.incremental && plan.runPath === incrementalPath(model.path)) {
      return { runFile: runPath(plan), compiledFile: compiledPath(incrementalPath(model.path)), compiledSql: model.incremental.compiledSql };
    }
    return { runFile: runPath(plan), compiledFile: compiledPath(model.path), compiledSql: model.compiledSql };
  },
  execute: runPlanStatements,
  usesWarehouse: true,
  reportsAs: 'build',
  verb(plan) {
    if (plan.statements.length === 0) return 'inlined';
    return plan.variant === VARIANTS.incremental ? 'updated' : 'created';
  },
  label: (plan) => plan.description,
};
