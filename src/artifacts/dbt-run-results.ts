/** A command's node results written as dbt's run_results.json (schema v6). */
import type { Manifest, ManifestNode } from '../manifest/manifest.js';
import type { Diagnostic } from '../diagnostics.js';
import type { NodeResult } from '../run/node-result.js';
import { baseMetadata, DBT_SCHEMAS, type ArtifactRun } from './artifact-run.js';
import { DbtIdMap } from './dbt-ids.js';
import { relationName } from './manifest-shared.js';

/** What run_results.json is made of. */
export interface RunResultsInput {
  run: ArtifactRun;
  /** The command (`build`, `test`, ...): dbt's `args.which`. */
  command: string;
  target: string;
  /** Absent when the command stopped before compiling (then `results` is empty). */
  manifest?: Manifest;
  results: NodeResult[];
  /** Seconds. */
  elapsedTime: number;
  /** Problems that stopped the command before any node ran (compile errors, bad selection). */
  errors?: Diagnostic[];
  /** The signal (SIGINT, SIGTERM) that stopped the run, if one did. */
  interrupted?: string;
  /** The command's flags in dbt's names (select, exclude, resource_types, full_refresh, ...): what `retry` repeats. */
  args?: Record<string, unknown>;
  /** The command line as typed, for args.invocation_command. */
  invocationCommand?: string;
}

/** True when no node failed: success, pass and warn are fine (dbt's exit code 0). */
export function runSucceeded(results: NodeResult[], errors?: Diagnostic[]): boolean {
  return (errors?.length ?? 0) === 0 && results.every((r) => r.status === 'success' || r.status === 'pass' || r.status === 'warn');
}

/** The run_results.json document, keys in dbt's order; sparkify's extras live under `args.sparkify` and each result's adapter_response. */
export function dbtRunResults(input: RunResultsInput): Record<string, unknown> {
  const ids = input.manifest ? new DbtIdMap(input.manifest) : undefined;
  return {
    metadata: baseMetadata(DBT_SCHEMAS.runResults, input.run),
    results: input.results.map((result) => dbtResult(result, input.manifest?.nodes[result.id], ids)),
    elapsed_time: input.elapsedTime,
    args: {
      ...input.args,
      which: input.command,
      target: input.target,
      invocation_command: input.invocationCommand ?? `sparkify ${input.command}`,
      sparkify: {
        success: runSucceeded(input.results, input.errors) && !input.interrupted,
        ...(input.errors?.length ? { errors: input.errors } : {}),
        ...(input.interrupted ? { interrupted: input.interrupted } : {}),
      },
    },
  };
}

function dbtResult(result: NodeResult, node: ManifestNode | undefined, ids: DbtIdMap | undefined): Record<string, unknown> {
  const timing = result.startedAt && result.completedAt ? [{ name: 'execute', started_at: result.startedAt, completed_at: result.completedAt }] : [];
  const isTest = node?.kind === 'test' || node?.kind === 'unit_test';
  return {
    status: result.status,
    timing,
    thread_id: 'sparkify',
    execution_time: result.executionTime,
    adapter_response: adapterResponse(result),
    message: result.message,
    failures: isTest ? (result.failures ?? (result.status === 'pass' ? 0 : null)) : null,
    unique_id: ids ? ids.toDbt(result.id) : result.id,
    compiled: node !== undefined && 'compiledSql' in node,
    compiled_code: node !== undefined && 'compiledSql' in node ? node.compiledSql : null,
    relation_name: node && !isTest && 'relation' in node && !(node.kind === 'model' && node.config.materialized === 'ephemeral') ? relationName(node.relation) : null,
    batch_results: null,
  };
}

/** dbt-postgres reports `_message`, `code` and `rows_affected`; sparkify adds what its loader and tests saw. */
function adapterResponse(result: NodeResult): Record<string, unknown> {
  const response: Record<string, unknown> = { _message: result.message, code: result.message.split(' ')[0] ?? '' };
  if (result.rowsAffected !== null) response.rows_affected = result.rowsAffected;
  const extra: Record<string, unknown> = {};
  if (result.files !== undefined) extra.files = result.files;
  if (result.rejected?.length) extra.rejected = result.rejected;
  if (result.replaced) extra.replaced = result.replaced;
  if (result.sample?.length) extra.sample = result.sample;
  if (result.diagnostics?.length) extra.diagnostics = result.diagnostics;
  if (result.warnings?.length) extra.warnings = result.warnings;
  if (Object.keys(extra).length > 0) response.sparkify = extra;
  return response;
}
