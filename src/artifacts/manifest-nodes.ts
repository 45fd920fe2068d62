/** Models, seeds and snapshots in dbt's manifest shape (manifest v12 `nodes`). */
import type { ModelNode } from '../manifest/manifest.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import {
  baseConfig, compiledFields, ownerOf, compiledFile, dbtColumn, dbtColumns, dbtHooks, fileHash, relationName, resourcePath, type NodeContext,
} from './manifest-shared.js';

/** config() keys sparkify reads that dbt's ModelConfig names otherwise, or that are not config at all. */
const MAPPED_KEYS = ['unique_key', 'incremental_strategy', 'on_schema_change', 'full_refresh', 'pre_hook', 'post_hook', 'description'];

/** The fields every node starts with (database … checksum). */
function head(resourceType: string, node: { name: string; path: string; fqn?: string[]; packageName?: string }, id: string, schema: string, alias: string, checksum: string, ctx: NodeContext) {
  const { packageName, path } = ownerOf(node, ctx);
  return {
    database: ctx.database, schema, name: node.name, resource_type: resourceType, package_name: packageName,
    path: resourcePath(path), original_file_path: path, unique_id: id,
    fqn: node.fqn ?? [packageName, ...resourcePath(path).replace(/\.[^.]+$/, '').split('/')], alias, checksum: fileHash(checksum),
  };
}

/** A model node. */
export function dbtModel(model: ModelNode, ctx: NodeContext): Record<string, unknown> {
  const { config } = model;
  const extra = Object.fromEntries(Object.entries(config.extra).filter(([key]) => !MAPPED_KEYS.includes(key)));
  const ephemeral = config.materialized === 'ephemeral';
  const dbtConfig = {
    ...baseConfig(config.materialized, config.tags),
    alias: config.alias ?? null, schema: config.schema, enabled: config.enabled,
    incremental_strategy: model.incremental?.strategy ?? (config.extra.incremental_strategy as string | undefined) ?? null,
    unique_key: uniqueKey(model), full_refresh: model.incremental?.fullRefresh ?? null,
    on_schema_change: typeof config.extra.on_schema_change === 'string' ? config.extra.on_schema_change : 'ignore',
    'post-hook': dbtHooks(model.hooks?.post), 'pre-hook': dbtHooks(model.hooks?.pre),
    access: 'protected', ...extra,
  };
  return {
    ...head('model', model, ctx.ids.toDbt(model.id), model.relation.schema, model.relation.identifier, model.checksum, ctx),
    config: dbtConfig, tags: config.tags, description: model.description ?? '', columns: dbtColumns(model.columns),
    meta: { sparkify: modelFacts(model) }, group: null, docs: { show: true, node_color: null }, patch_path: null, build_path: null,
    unrendered_config: {}, config_call_dict: {}, unrendered_config_call_dict: {},
    relation_name: ephemeral ? null : relationName(model.relation), raw_code: ctx.readSource(model.path), doc_blocks: [],
    ...compiledFields(model.refs, model.sources, model.dependsOn, compiledFile(model.path), model.compiledSql, ctx),
    access: 'protected', constraints: [], version: null, latest_version: null, deprecation_date: null, primary_key: [],
  };
}

function uniqueKey(model: ModelNode): string | string[] | null {
  const keys = model.incremental?.uniqueKey;
  if (keys && keys.length > 0) return keys.length === 1 ? keys[0] : keys;
  const given = model.config.extra.unique_key;
  return typeof given === 'string' || Array.isArray(given) ? (given as string | string[]) : null;
}

/** sparkify-only facts of a model: the second render of an incremental model; whether its template introspects the warehouse. */
function modelFacts(model: ModelNode): Record<string, unknown> {
  const facts: Record<string, unknown> = model.introspects ? { introspects: true } : {};
  if (!model.incremental) return facts;
  return { ...facts, incremental: { compiled_path: compiledFile(model.path.replace(/\.sql$/, '.incremental.sql')), compiled_code: model.incremental.compiledSql } };
}

/** A seed node. */
export function dbtSeed(seed: SeedNode, ctx: NodeContext): Record<string, unknown> {
  const columnTypes = Object.fromEntries(seed.columns.filter((c) => c.declared).map((c) => [c.name, c.type]));
  const documented = seed.columnDocs ?? {};
  const columns = Object.fromEntries(seed.columns.map((c) => [c.name, dbtColumn(c.name, documented[c.name]?.description ?? '', c.type, documented[c.name]?.tags ?? [])]));
  return {
    ...head('seed', seed, ctx.ids.toDbt(seed.id), seed.relation.schema, seed.relation.identifier, seed.checksum, ctx),
    config: { ...baseConfig('seed', seed.tags), column_types: columnTypes, delimiter: ',', quote_columns: null },
    tags: seed.tags, description: seed.description ?? '', columns, meta: { sparkify: { column_types: Object.fromEntries(seed.columns.map((c) => [c.name, c.type])) } },
    group: null, docs: { show: true, node_color: null }, patch_path: null, build_path: null, unrendered_config: {},
    config_call_dict: {}, unrendered_config_call_dict: {}, relation_name: relationName(seed.relation), raw_code: '', doc_blocks: [],
    root_path: null, depends_on: { macros: [] },
  };
}

/** A snapshot node. */
export function dbtSnapshot(snapshot: SnapshotNode, ctx: NodeContext): Record<string, unknown> {
  const { config } = snapshot;
  const meta = config.metaColumns;
  const dbtConfig = {
    ...baseConfig('snapshot', snapshot.tags), schema: config.schema, alias: config.alias ?? null, enabled: config.enabled,
    unique_key: config.uniqueKey.length === 1 ? config.uniqueKey[0] : config.uniqueKey,
    strategy: config.strategy, target_schema: null, target_database: null, updated_at: config.updatedAt ?? null,
    check_cols: config.checkCols ?? null,
    snapshot_meta_column_names: { dbt_valid_to: meta.validTo, dbt_valid_from: meta.validFrom, dbt_scd_id: meta.scdId, dbt_updated_at: meta.updatedAt, dbt_is_deleted: meta.isDeleted },
    dbt_valid_to_current: config.validToCurrent ?? null, hard_deletes: config.hardDeletes,
  };
  return {
    ...head('snapshot', snapshot, ctx.ids.toDbt(snapshot.id), snapshot.relation.schema, snapshot.relation.identifier, snapshot.checksum, ctx),
    config: dbtConfig, tags: snapshot.tags, description: snapshot.description ?? '', columns: dbtColumns(snapshot.columns),
    meta: {}, group: null, docs: { show: true, node_color: null }, patch_path: null, build_path: null, unrendered_config: {},
    config_call_dict: {}, unrendered_config_call_dict: {}, relation_name: relationName(snapshot.relation),
    raw_code: ctx.readSource(snapshot.path), doc_blocks: [],
    ...compiledFields(snapshot.refs, snapshot.sources, snapshot.dependsOn, compiledFile(snapshot.path), snapshot.compiledSql, ctx),
  };
}
