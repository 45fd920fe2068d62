/** sparkify's in-memory manifest written as dbt's manifest.json (schema v12). */
import type { Manifest, ManifestNode } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import { baseMetadata, DBT_SCHEMAS, projectId, type ArtifactRun } from './artifact-run.js';
import { findEngine } from '../engines/registry.js';
import { dbtHookId, DbtIdMap } from './dbt-ids.js';
import { dbtMacros } from './manifest-macros.js';
import { dbtDocs } from './manifest-docs.js';
import { addLineage } from './manifest-lineage.js';
import type { ProjectLineage } from '../lineage/types.js';
import { dbtModel, dbtSeed, dbtSnapshot } from './manifest-nodes.js';
import { baseConfig, compiledFields, type NodeContext } from './manifest-shared.js';
import { dbtSource } from './manifest-sources.js';
import { dbtTest, dbtUnitTest } from './manifest-tests.js';

/** What the manifest needs besides sparkify's manifest. */
export interface DbtManifestInput {
  manifest: Manifest;
  run: ArtifactRun;
  /** Macro files (macros/, tests/generic/), for the `macros` map. */
  macroFiles: TemplateFile[];
  /** The text of a project file, for raw_code. */
  readSource(path: string): string;
  /** The database the target connects to, when known. */
  database?: string | null;
  /** Column lineage (src/lineage) to write under each node's meta.sparkify.lineage; `docs generate` computes it. */
  lineage?: ProjectLineage;
  /** The file the project was read from (`project.yml` or `dbt_project.yml`), where the run hooks live. */
  projectFile?: string;
}

/** The manifest.json document, keys in dbt's order. */
export function dbtManifest(input: DbtManifestInput): Record<string, unknown> {
  const { manifest } = input;
  const ids = new DbtIdMap(manifest);
  const ctx: NodeContext = { projectName: manifest.projectName, ids, database: input.database ?? null, readSource: input.readSource };
  const nodes: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  const unitTests: Record<string, unknown> = {};
  for (const node of Object.values(manifest.nodes)) {
    const id = ids.toDbt(node.id);
    if (node.kind === 'source') sources[id] = dbtSource(node, ctx);
    else if (node.kind === 'unit_test') unitTests[id] = dbtUnitTest(node, ctx);
    else nodes[id] = convert(node, ctx, manifest.target.schema);
  }
  Object.assign(nodes, hookNodes(input, ctx));
  if (input.lineage) addLineage(nodes, input.lineage, ids);
  return {
    metadata: metadata(input),
    nodes: sortKeys(nodes), sources: sortKeys(sources), macros: dbtMacros(input.macroFiles, manifest.projectName),
    docs: dbtDocs(manifest.docs, manifest.projectName), exposures: {}, metrics: {}, groups: {}, selectors: {}, disabled: {},
    parent_map: idMap(manifest.parentMap, ids), child_map: idMap(manifest.childMap, ids), group_map: {},
    saved_queries: {}, semantic_models: {}, unit_tests: sortKeys(unitTests),
  };
}

function convert(node: Exclude<ManifestNode, { kind: 'source' | 'unit_test' }>, ctx: NodeContext, targetSchema: string): Record<string, unknown> {
  if (node.kind === 'model') return dbtModel(node, ctx);
  if (node.kind === 'seed') return dbtSeed(node, ctx);
  if (node.kind === 'snapshot') return dbtSnapshot(node, ctx);
  return dbtTest(node, ctx, targetSchema);
}

function metadata(input: DbtManifestInput): Record<string, unknown> {
  const { manifest, run } = input;
  return {
    ...baseMetadata(DBT_SCHEMAS.manifest, run),
    invocation_started_at: run.generatedAt,
    project_name: manifest.projectName,
    project_id: projectId(manifest.projectName),
    user_id: null,
    send_anonymous_usage_stats: false,
    adapter_type: findEngine(manifest.target.type)?.dbtAdapterType ?? manifest.target.type,
    quoting: { database: true, schema: true, identifier: true, column: null },
  };
}

/** One HookNode per on-run-start/on-run-end statement, as dbt lists the project's hooks. */
function hookNodes(input: DbtManifestInput, ctx: NodeContext): Record<string, unknown> {
  const { hooks, projectName } = input.manifest;
  const out: Record<string, unknown> = {};
  const events: [string, string, string[]][] = [['run.on_run_start', 'on-run-start', hooks?.onRunStart ?? []], ['run.on_run_end', 'on-run-end', hooks?.onRunEnd ?? []]];
  for (const [internal, event, statements] of events) {
    statements.forEach((sql, index) => {
      const id = dbtHookId(internal, projectName, index)!;
      const name = `${projectName}-${event}-${index}`;
      out[id] = {
        database: ctx.database, schema: input.manifest.target.schema, name, resource_type: 'operation', package_name: projectName,
        path: `hooks/${name}.sql`, original_file_path: input.projectFile ?? 'project.yml', unique_id: id,
        fqn: [projectName, 'hooks', name], alias: name, checksum: { name: 'sha256', checksum: '' },
        config: baseConfig('view', []), tags: [event], description: '', columns: {}, meta: {}, group: null,
        docs: { show: true, node_color: null }, patch_path: null, build_path: null, unrendered_config: {}, config_call_dict: {},
        unrendered_config_call_dict: {}, relation_name: null, raw_code: sql, doc_blocks: [],
        ...compiledFields([], [], [], null, sql, ctx), index,
      };
    });
  }
  return out;
}

function idMap(map: Record<string, string[]>, ids: DbtIdMap): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, related] of Object.entries(map)) out[ids.toDbt(id)] = related.map((r) => ids.toDbt(r)).sort();
  return sortKeys(out);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
