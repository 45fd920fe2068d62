/**
 * dbt renders a node whose template introspects (ModelNode.introspects) again with `execute` true
 * just before it builds it, on the run's connection. This is that step of the execute phase: the
 * node is rendered again (src/compile/render-for-run.ts) with an Introspector over the run's
 * adapter, then planned from the fresh SQL exactly as it was planned before (same run id, state and
 * options), so that what runs, and what target/run/ shows, is the SQL of that render.
 */
import type { CompileInput } from '../compile/compile-project.js';
import { renderModelForRun, type RunVariant } from '../compile/render-for-run.js';
import type { Adapter } from '../engines/adapter.js';
import type { Invocation } from '../jinja/context/dbt-context.js';
import type { Introspector } from '../jinja/context/introspection.js';
import { sqlIntrospector } from '../jinja/context/sql-introspector.js';
import type { Manifest, ModelNode } from '../manifest/manifest.js';
import type { Dialect } from '../plan/dialect.js';
import { VARIANTS } from '../plan/materializations/incremental.js';
import type { PlanOptions } from '../plan/plan-model.js';
import type { NodePlan } from './node-plan.js';
import { kindOf } from './registry.js';

/** What a run-time render needs besides the node. */
export interface RunRenderContext {
  /** What compile was given (templates, project, env, docs, log). */
  compile: CompileInput;
  /** The run's manifest: a re-rendered node replaces its entry, so that errors and artifacts show the SQL that ran. */
  manifest: Manifest;
  adapter: Adapter;
  /** The run's invocation id and start, and dbt's flags as the run sees them. */
  invocation?: Invocation;
  flags?: Record<string, unknown>;
}

/** The Introspector of an adapter: each question runs on a session of its own (the run's connection pool). */
export function adapterIntrospector(adapter: Adapter): Introspector {
  return sqlIntrospector((sql, params) => adapter.withSession((session) => session.query(sql, params)));
}

/** Whether a node is rendered again at run time: a model that introspects and is built (not inlined). */
export function rendersAtRun(node: Manifest['nodes'][string] | undefined): node is ModelNode & { introspects: true } {
  return node?.kind === 'model' && node.introspects === true && node.config.materialized !== 'ephemeral';
}

/** Renders model `name` again with `execute` true (the renders `variant` names) and puts the fresh node into the manifest. */
export async function rerenderModel(context: RunRenderContext, name: string, variant: RunVariant, introspector = adapterIntrospector(context.adapter)): Promise<ModelNode> {
  const id = `model.${name}`;
  const model = context.manifest.nodes[id] as ModelNode;
  const render = await renderModelForRun({ compile: context.compile, manifest: context.manifest, introspector, invocation: context.invocation, flags: context.flags }, name, variant);
  const fresh: ModelNode = { ...model, compiledSql: render.compiledSql };
  if (model.incremental && render.incrementalSql !== undefined) fresh.incremental = { ...model.incremental, compiledSql: render.incrementalSql };
  context.manifest.nodes[id] = fresh;
  return fresh;
}

/**
 * The execute-phase hook of a build: a plan whose node renders at run time is rendered and planned
 * again just before it runs; any other plan is returned as it is.
 */
export function runTimePlanner(context: RunRenderContext, dialect: Dialect, options: PlanOptions): (plan: NodePlan) => Promise<NodePlan> {
  const introspector = adapterIntrospector(context.adapter);
  return async (plan) => {
    const node = context.manifest.nodes[plan.id];
    if (!rendersAtRun(node)) return plan;
    // Only the render the plan runs: a statement() in the template then runs once, as in dbt.
    const variant = plan.variant === VARIANTS.incremental ? 'incremental' : 'full';
    const fresh = await rerenderModel(context, node.name, variant, introspector);
    return kindOf(fresh).plan(fresh, dialect, options, context.manifest) as NodePlan;
  };
}
