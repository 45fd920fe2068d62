/** Pieces every dbt manifest node shares: config defaults, columns, refs, paths. */
import { posix } from 'node:path';
import type { ColumnInfo } from '../manifest/test-node.js';
import type { Relation } from '../sql/quote.js';
import { quoteRelation } from '../sql/quote.js';
import type { DbtIdMap } from './dbt-ids.js';
import { PACKAGES_DIR, pathInPackage } from '../project/packages/installed-packages.js';
import { TARGET_DIR } from '../run/artifacts.js';

/** What node converters need besides the node: the project, the id map and the raw files. */
export interface NodeContext {
  projectName: string;
  ids: DbtIdMap;
  /** The database the target connects to, when known (dbt writes it on every node). */
  database: string | null;
  /** The text of a project file (templates, CSVs); raw_code is the file as written. */
  readSource(path: string): string;
}

/** A dbt column entry (ColumnInfo). */
export function dbtColumn(name: string, description = '', dataType: string | null = null, tags: string[] = []): Record<string, unknown> {
  return { name, description, meta: {}, data_type: dataType, constraints: [], quote: null, tags, granularity: null, doc_blocks: [] };
}

/** Columns documented in schema files, keyed by name in written order. */
export function dbtColumns(columns: Record<string, ColumnInfo> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of Object.values(columns ?? {})) out[column.name] = dbtColumn(column.name, column.description ?? '', column.dataType ?? null, column.tags);
  return out;
}

/** The package a node belongs to (its packageName, else the project) and its file's path inside that package. */
export function ownerOf(node: { path: string; packageName?: string }, ctx: NodeContext): { packageName: string; path: string } {
  if (!node.packageName) return { packageName: ctx.projectName, path: node.path };
  return { packageName: node.packageName, path: pathInPackage(node.path, `${PACKAGES_DIR}/${node.packageName}`) };
}

/** dbt's `path`: the file's path below its resource folder (`models/dims/users.sql` → `dims/users.sql`). */
export function resourcePath(path: string): string {
  const parts = path.split('/');
  return parts.length > 1 ? parts.slice(1).join('/') : path;
}

/** dbt's patch_path of a node documented in a schema file: `<project>://models/schema.yml`. */
export function patchPath(projectName: string, file: string | undefined): string | null {
  return file ? `${projectName}://${file}` : null;
}

/** `"schema"."identifier"`: the relation sparkify's SQL uses (without the database). */
export function relationName(relation: Relation): string {
  return quoteRelation(relation);
}

/** dbt's `refs` entries. */
export function dbtRefs(refs: string[]): Record<string, unknown>[] {
  return refs.map((name) => ({ name, package: null, version: null }));
}

/** The FileHash of a file sparkify hashed with sha256. */
export function fileHash(checksum: string): Record<string, string> {
  return { name: 'sha256', checksum };
}

/** Keys every dbt node config has, with dbt's defaults (materialized differs per kind). */
export function baseConfig(materialized: string, tags: string[]): Record<string, unknown> {
  return {
    enabled: true, alias: null, schema: null, database: null, tags, meta: {}, group: null, materialized,
    incremental_strategy: null, persist_docs: {}, 'post-hook': [], 'pre-hook': [], quoting: {}, column_types: {},
    full_refresh: null, unique_key: null, on_schema_change: 'ignore', on_configuration_change: 'apply',
    grants: {}, packages: [], docs: { show: true, node_color: null }, contract: { enforced: false, alias_types: true },
  };
}

/** dbt's hook entries. */
export function dbtHooks(statements: string[] | undefined): Record<string, unknown>[] {
  return (statements ?? []).map((sql, index) => ({ sql, transaction: true, index }));
}

/** The fields after raw_code that compiled nodes (models, snapshots, tests) share. */
export function compiledFields(refs: string[], sources: [string, string][], dependsOn: string[], compiledPath: string | null, compiledCode: string | null, ctx: NodeContext): Record<string, unknown> {
  return {
    language: 'sql',
    refs: dbtRefs(refs),
    sources: sources.map(([source, table]) => [source, table]),
    metrics: [],
    depends_on: { macros: [], nodes: [...dependsOn].map((id) => ctx.ids.toDbt(id)).sort() },
    compiled_path: compiledPath,
    compiled: compiledCode !== null,
    compiled_code: compiledCode,
    extra_ctes_injected: compiledCode !== null,
    extra_ctes: [],
    contract: { enforced: false, alias_types: true, checksum: null },
  };
}

/** `target/compiled/<path>`, where sparkify writes a node's compiled SQL. */
export function compiledFile(path: string): string {
  return posix.join(TARGET_DIR, 'compiled', path);
}
