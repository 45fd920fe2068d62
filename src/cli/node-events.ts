/**
 * The structured-log events of node results (--log-format json), named and shaped as dbt's: a model
 * line is LogModelResult (Q012), a test's LogTestResult (Q007), a skip SkippingDetails (Q034), each
 * with `node_info`. Loaded sources and the cleanup step have no dbt event: they are named by sparkify.
 */
import type { DbtIdMap } from '../artifacts/dbt-ids.js';
import { kindOf } from '../kinds/registry.js';
import type { NodePlan } from '../kinds/node-plan.js';
import type { Manifest } from '../manifest/manifest.js';
import type { NodeResult } from '../run/node-result.js';
import type { LogEvent } from './log-event.js';

const BY_KIND: Record<string, { name: string; code: string }> = {
  model: { name: 'LogModelResult', code: 'Q012' },
  seed: { name: 'LogSeedResult', code: 'Q016' },
  snapshot: { name: 'LogSnapshotResult', code: 'Q015' },
  test: { name: 'LogTestResult', code: 'Q007' },
  unit_test: { name: 'LogTestResult', code: 'Q007' },
  source: { name: 'LogSourceLoadResult', code: 'S001' },
  step: { name: 'LogHookEndLine', code: 'Q033' },
};

/** The event of a finished node (or run step). */
export function resultEvent(plan: NodePlan, result: NodeResult, index: number, total: number, manifest: Manifest, ids: DbtIdMap): LogEvent {
  const nodeInfo = nodeInfoOf(plan, result, manifest, ids);
  if (result.status === 'skipped') {
    return { name: 'SkippingDetails', code: 'Q034', data: { node_info: nodeInfo, resource_type: plan.kind, node_name: nodeInfo.node_name, index, total } };
  }
  const { name, code } = BY_KIND[plan.kind];
  const level = result.status === 'error' || result.status === 'fail' ? 'error' : result.status === 'warn' ? 'warn' : 'info';
  const data: Record<string, unknown> = { node_info: nodeInfo, description: plan.description, status: result.status, index, total, execution_time: result.executionTime };
  if (plan.kind === 'test' || plan.kind === 'unit_test') Object.assign(data, { name: nodeInfo.node_name, num_models: total, num_failures: result.failures ?? 0 });
  return { name, code, level, data };
}

/** dbt's LogStartLine (Q011), printed in JSON only (the text output has no start lines). */
export function startEvent(plan: NodePlan, index: number, total: number, manifest: Manifest, ids: DbtIdMap): LogEvent {
  return { name: 'LogStartLine', code: 'Q011', data: { node_info: nodeInfoOf(plan, undefined, manifest, ids), description: plan.description, index, total } };
}

/** dbt's node_info block. */
function nodeInfoOf(plan: NodePlan, result: NodeResult | undefined, manifest: Manifest, ids: DbtIdMap): Record<string, unknown> {
  const node = manifest.nodes[plan.id];
  const relation = node ? kindOf(node).relationOf(node) : undefined;
  return {
    node_path: plan.path,
    node_name: node?.name ?? plan.id,
    unique_id: ids.toDbt(plan.id),
    resource_type: plan.kind === 'step' ? 'operation' : plan.kind,
    materialized: node?.kind === 'model' ? node.config.materialized : '',
    node_status: result?.status ?? 'started',
    node_started_at: result?.startedAt ?? '',
    node_finished_at: result?.completedAt ?? '',
    meta: {},
    node_relation: relation ? { database: '', schema: relation.schema, alias: relation.identifier, relation_name: `"${relation.schema}"."${relation.identifier}"` } : null,
  };
}
