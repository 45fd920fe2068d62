/**
 * `graph`: a read-only view of the project's nodes in dbt's shape (`graph.nodes.values()`,
 * `graph.sources`), keyed by dbt's ids (`model.<package>.<name>`, `source.<package>.<source>.<table>`;
 * a generic test's without dbt's hash). Compile renders every template once, in one
 * pass, so during compile a node's entry holds only what is known before rendering: id, name,
 * resource_type, package_name, path, fqn, schema and alias defaults (sources: their relation).
 * A run-time render gets the full view of the compiled manifest (graphFromManifest): config,
 * tags, depends_on, refs, columns, description and compiled_code.
 */
import { posix } from 'node:path';
import type { Manifest, ManifestNode } from '../../manifest/manifest.js';
import type { SourceTable } from '../../project/types.js';

/** One entry of graph.nodes / graph.sources. */
export type GraphEntry = Record<string, unknown>;

/** The `graph` template variable. */
export interface GraphView {
  nodes: Record<string, GraphEntry>;
  sources: Record<string, GraphEntry>;
  exposures: Record<string, GraphEntry>;
  metrics: Record<string, GraphEntry>;
}

/** A node known before rendering. */
export interface KnownFile {
  kind: 'model' | 'seed' | 'snapshot';
  name: string;
  path: string;
  /** The installed package it comes from, and its path inside it (absent: the project's own). */
  package?: { name: string; path: string };
}

function fqn(projectName: string, path: string, name: string): string[] {
  return [projectName, ...posix.dirname(path).split('/').slice(1), name];
}

/** The view compile renders with: what is known before any template renders. */
export function compileTimeGraph(projectName: string, files: readonly KnownFile[], sources: readonly SourceTable[], schema: string): GraphView {
  const nodes = Object.fromEntries(files.map((file) => [dbtNodeId(file.kind, file.package?.name ?? projectName, file.name), {
    unique_id: dbtNodeId(file.kind, file.package?.name ?? projectName, file.name), name: file.name, resource_type: file.kind, package_name: file.package?.name ?? projectName,
    path: file.path, original_file_path: file.path, fqn: fqn(file.package?.name ?? projectName, file.package?.path ?? file.path, file.name), schema, alias: file.name,
    config: {}, tags: [], depends_on: { nodes: [], macros: [] }, refs: [], sources: [],
  }]));
  return { nodes, sources: Object.fromEntries(sources.map((s) => [dbtSourceId(projectName, s.sourceName, s.name), sourceEntry(projectName, s)])), exposures: {}, metrics: {} };
}

/** dbt's unique_id of a model, seed, snapshot or test of `pkg` (`model.shop.orders`). */
export function dbtNodeId(kind: string, pkg: string, name: string): string {
  return `${kind}.${pkg}.${name}`;
}

function dbtSourceId(projectName: string, sourceName: string, name: string): string {
  return `source.${projectName}.${sourceName}.${name}`;
}

function sourceEntry(projectName: string, table: SourceTable): GraphEntry {
  return {
    unique_id: dbtSourceId(projectName, table.sourceName, table.name), name: table.name, source_name: table.sourceName, resource_type: 'source',
    package_name: projectName, schema: table.schema ?? null, identifier: table.identifier, description: table.description ?? '',
    columns: Object.fromEntries(table.columns.map((c) => [c.name, { name: c.name, data_type: c.type, description: c.description ?? '' }])),
    original_file_path: table.position.file,
  };
}

/** The full view of a compiled manifest, for run-time renders. */
export function graphFromManifest(manifest: Manifest): GraphView {
  const view: GraphView = { nodes: {}, sources: {}, exposures: {}, metrics: {} };
  const ids = new Map(Object.values(manifest.nodes).map((node) => [node.id, manifestNodeId(manifest.projectName, node)]));
  for (const node of Object.values(manifest.nodes)) {
    const id = ids.get(node.id)!;
    if (node.kind === 'source') view.sources[id] = { ...sourceEntry(id.split('.')[1], { ...node, schema: node.relation.schema, position: { file: node.path, line: node.line } } as unknown as SourceTable), schema: node.relation.schema };
    else view.nodes[id] = nodeEntry(manifest.projectName, node, ids);
  }
  return view;
}

/** dbt's id of a manifest node (sparkify's in-memory ids leave the package out: `model.orders`). */
function manifestNodeId(projectName: string, node: ManifestNode): string {
  const pkg = ('packageName' in node ? (node.packageName as string | undefined) : undefined) ?? projectName;
  if (node.kind === 'source') return dbtSourceId(pkg, node.sourceName, node.name);
  if (node.kind === 'unit_test') return `unit_test.${pkg}.${node.model}.${node.name}`;
  return dbtNodeId(node.kind, pkg, node.name);
}

function nodeEntry(projectName: string, node: Exclude<ManifestNode, { kind: 'source' }>, ids: ReadonlyMap<string, string>): GraphEntry {
  const any = node as unknown as Record<string, unknown> & { relation?: { schema: string; identifier: string } };
  const config = node.kind === 'model' ? { ...node.config.extra, materialized: node.config.materialized, schema: node.config.schema, alias: node.config.alias, tags: node.config.tags, enabled: node.config.enabled } : (any.config ?? {});
  return {
    unique_id: ids.get(node.id), name: node.name, resource_type: node.kind, package_name: (any.packageName as string | undefined) ?? projectName, path: node.path, original_file_path: node.path,
    fqn: any.fqn ?? [projectName, node.name], schema: any.relation?.schema ?? null, alias: any.relation?.identifier ?? node.name,
    config, tags: any.tags ?? (node.kind === 'model' ? node.config.tags : []), description: any.description ?? '',
    columns: any.columns ?? {}, depends_on: { nodes: ((any.dependsOn as string[] | undefined) ?? []).map((id) => ids.get(id) ?? id), macros: [] },
    refs: any.refs ?? [], sources: any.sources ?? [], compiled_code: any.compiledSql ?? null,
  };
}
