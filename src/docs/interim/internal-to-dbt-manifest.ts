/**
 * INTERIM (see README.md): sparkify's internal manifest as a dbt-shaped manifest v12, for the docs
 * site until the issue 9 writer produces `target/manifest.json` in dbt's schema. Only the keys the
 * site reads are filled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, ManifestNode, ModelNode, SourceNode } from '../../compile/manifest.js';
import type { ColumnInfo } from '../../compile/test-node.js';
import { quoteRelation } from '../../sql/quote.js';
import { MANIFEST_V12, type DbtColumn, type DbtManifest, type DbtNode, type DbtSource, type DbtUnitTest, type SourceLastLoad } from '../artifacts/dbt-manifest.js';
import type { TemplateFile } from '../../compile/project-files.js';
import { dbtIdMap } from './dbt-ids.js';
import { readDocsBlocks } from './read-docs-blocks.js';
import { readMacros } from './read-macros.js';

/** What the conversion reads besides the manifest. */
export interface InterimManifestInput {
  root: string;
  manifest: Manifest;
  macroFiles: TemplateFile[];
  /** Folders whose `*.md` files hold `{% docs %}` blocks. */
  docsFolders: string[];
  /** Last load of each source by internal id (from the last run's results). */
  lastLoads: Map<string, SourceLastLoad>;
  generatedAt: string;
  sparkifyVersion: string;
}

/** The dbt-shaped manifest of a compiled project. */
export function interimDbtManifest(input: InterimManifestInput): DbtManifest {
  const project = input.manifest.projectName;
  const ids = dbtIdMap(project, input.manifest.nodes);
  const map = (id: string) => ids.get(id) ?? id;
  const dbt: DbtManifest = {
    metadata: { dbt_schema_version: MANIFEST_V12, dbt_version: input.sparkifyVersion, generated_at: input.generatedAt, project_name: project, adapter_type: input.manifest.target.type },
    nodes: {}, sources: {}, macros: readMacros(project, input.macroFiles), docs: readDocsBlocks(input.root, project, input.docsFolders), unit_tests: {},
    parent_map: remap(input.manifest.parentMap, map), child_map: remap(input.manifest.childMap, map),
  };
  for (const node of Object.values(input.manifest.nodes)) {
    const id = map(node.id);
    if (node.kind === 'source') dbt.sources[id] = source(input, node, id);
    else if (node.kind === 'unit_test') dbt.unit_tests![id] = unitTest(project, node, id, map);
    else dbt.nodes[id] = resource(input, node, id, map);
  }
  return dbt;
}

function remap(edges: Record<string, string[]>, map: (id: string) => string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(edges).map(([id, list]) => [map(id), list.map(map)]));
}

function columns(documented: Record<string, ColumnInfo> | undefined): Record<string, DbtColumn> {
  return Object.fromEntries(Object.values(documented ?? {}).map((c) => [c.name, { name: c.name, description: c.description ?? '', data_type: c.dataType ?? null, meta: {}, tags: c.tags }]));
}

function source(input: InterimManifestInput, node: SourceNode, id: string): DbtSource {
  const project = input.manifest.projectName;
  return {
    unique_id: id, resource_type: 'source', name: node.name, source_name: node.sourceName, package_name: project,
    original_file_path: node.path, path: node.path, description: node.description ?? '', identifier: node.relation.identifier,
    schema: node.relation.schema, database: null, relation_name: quoteRelation(node.relation), fqn: [project, node.sourceName, node.name], tags: node.tags,
    columns: Object.fromEntries(node.columns.map((c) => [c.name, { name: c.name, description: c.description ?? '', data_type: c.type, meta: {}, tags: [] }])),
    meta: { sparkify: { load: { location: node.location, jsonpaths: node.jsonpaths, last_load: input.lastLoads.get(node.id) } } },
  };
}

function resource(input: InterimManifestInput, node: Exclude<ManifestNode, SourceNode | { kind: 'unit_test' }>, id: string, map: (id: string) => string): DbtNode {
  const project = input.manifest.projectName;
  const common = {
    unique_id: id, name: node.name, package_name: project, original_file_path: node.path, path: node.path,
    depends_on: { nodes: node.dependsOn.map(map), macros: [] }, tags: node.kind === 'model' ? node.config.tags : node.tags,
  };
  if (node.kind === 'test') {
    return {
      ...common, resource_type: 'test', fqn: node.fqn, compiled_code: node.compiledSql, column_name: node.columnName ?? null,
      attached_node: node.attachedNode ? map(node.attachedNode) : null,
      raw_code: node.testType === 'singular' ? rawCode(input.root, node.path) : `{{ test_${node.testName}(**_dbt_generic_test_kwargs) }}`,
      test_metadata: node.testName ? { name: node.testName, kwargs: { column_name: node.columnName, ...(node.args ?? {}) }, namespace: null } : undefined,
      config: { severity: node.config.severity, warn_if: node.config.warnIf, error_if: node.config.errorIf, where: node.config.where, tags: node.tags },
    };
  }
  const relation = { schema: node.relation.schema, alias: node.relation.identifier, relation_name: quoteRelation(node.relation), database: null };
  if (node.kind === 'seed') {
    const seedColumns = Object.fromEntries(node.columns.map((c) => [c.name, { name: c.name, description: '', data_type: c.type, meta: {}, tags: [] }]));
    return { ...common, ...relation, resource_type: 'seed', fqn: [project, node.name], columns: seedColumns, raw_code: '', config: { materialized: 'seed', tags: node.tags } };
  }
  return {
    ...common, ...relation, resource_type: node.kind, fqn: node.fqn, description: node.description ?? '', columns: columns(node.columns),
    raw_code: rawCode(input.root, node.path), compiled_code: node.compiledSql,
    config: node.kind === 'model' ? modelConfig(node) : { materialized: 'snapshot', strategy: node.config.strategy, unique_key: node.config.uniqueKey, tags: node.tags },
    meta: {},
  };
}

function modelConfig(node: ModelNode): Record<string, unknown> {
  return { ...node.config.extra, materialized: node.config.materialized, schema: node.config.schema, tags: node.config.tags, enabled: node.config.enabled };
}

function unitTest(project: string, node: Extract<ManifestNode, { kind: 'unit_test' }>, id: string, map: (id: string) => string): DbtUnitTest {
  return {
    unique_id: id, resource_type: 'unit_test', name: node.name, model: node.model, package_name: project, original_file_path: node.path, path: node.path,
    description: node.description ?? '', depends_on: { nodes: node.dependsOn.map(map) }, tags: node.tags,
  };
}

function rawCode(root: string, path: string): string {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
