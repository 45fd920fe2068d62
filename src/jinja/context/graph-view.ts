/**
 * `graph`: a read-only view of the project's nodes in dbt's shape (`graph.nodes.values()`,
 * `graph.sources`), keyed by sparkify's node ids. Compile renders every template once, in one
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
}

function fqn(projectName: string, path: string, name: string): string[] {
  return [projectName, ...posix.dirname(path).split('/').slice(1), name];
}

/** The view compile renders with: what is known before any template renders. */
export function compileTimeGraph(projectName: string, files: readonly KnownFile[], sources: readonly SourceTable[], schema: string): GraphView {
  const nodes = Object.fromEntries(files.map((file) => [`${file.kind}.${file.name}`, {
    unique_id: `${file.kind}.${file.name}`, name: file.name, resource_type: file.kind, package_name: projectName,
    path: file.path, original_file_path: file.path, fqn: fqn(projectName, file.path, file.name), schema, alias: file.name,
    config: {}, tags: [], depends_on: { nodes: [], macros: [] }, refs: [], sources: [],
  }]));
  return { nodes, sources: Object.fromEntries(sources.map((s) => [`source.${s.sourceName}.${s.name}`, sourceEntry(projectName, s)])), exposures: {}, metrics: {} };
}

function sourceEntry(projectName: string, table: SourceTable): GraphEntry {
  return {
    unique_id: `source.${table.sourceName}.${table.name}`, name: table.name, source_name: table.sourceName, resource_type: 'source',
    package_name: projectName, schema: table.schema ?? null, identifier: table.identifier, description: table.description ?? '',
    columns: Object.fromEntries(table.columns.map((c) => [c.name, { name: c.name, data_type: c.type, description: c.description ?? '' }])),
    original_file_path: table.position.file,
  };
}

/** The full view of a compiled manifest, for run-time renders. */
export function graphFromManifest(manifest: Manifest): GraphView {
  const view: GraphView = { nodes: {}, sources: {}, exposures: {}, metrics: {} };
  for (const node of Object.values(manifest.nodes)) {
    if (node.kind === 'source') view.sources[node.id] = { ...sourceEntry(manifest.projectName, { ...node, schema: node.relation.schema, position: { file: node.path, line: node.line } } as unknown as SourceTable), schema: node.relation.schema };
    else view.nodes[node.id] = nodeEntry(manifest.projectName, node);
  }
  return view;
}

function nodeEntry(projectName: string, node: Exclude<ManifestNode, { kind: 'source' }>): GraphEntry {
  const any = node as unknown as Record<string, unknown> & { relation?: { schema: string; identifier: string } };
  const config = node.kind === 'model' ? { ...node.config.extra, materialized: node.config.materialized, schema: node.config.schema, alias: node.config.alias, tags: node.config.tags, enabled: node.config.enabled } : (any.config ?? {});
  return {
    unique_id: node.id, name: node.name, resource_type: node.kind, package_name: projectName, path: node.path, original_file_path: node.path,
    fqn: any.fqn ?? [projectName, node.name], schema: any.relation?.schema ?? null, alias: any.relation?.identifier ?? node.name,
    config, tags: any.tags ?? (node.kind === 'model' ? node.config.tags : []), description: any.description ?? '',
    columns: any.columns ?? {}, depends_on: { nodes: [...((any.dependsOn as string[] | undefined) ?? [])], macros: [] },
    refs: any.refs ?? [], sources: any.sources ?? [], compiled_code: any.compiledSql ?? null,
  };
}
