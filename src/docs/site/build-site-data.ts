import type { CatalogTable } from '../artifacts/dbt-catalog.js';
import type { DbtMacro, DbtManifest, DbtNode, DbtSource, DbtUnitTest } from '../artifacts/dbt-manifest.js';
import type { DocsArtifacts } from '../artifacts/docs-artifacts.js';
import type { NodeLineage, ProjectLineage } from '../../lineage/types.js';
import { resolveNodeRef } from './resolve-node-ref.js';
import { MarkdownRenderer } from './markdown.js';
import { resolveDocReferences } from './resolve-docs.js';
import { siteColumns } from './site-columns.js';
import type { SiteData, SiteNode, SiteResourceType } from './site-data.js';
import { runResultsById } from './site-run.js';
import { siteStats } from './site-stats.js';
import { LEDGER_STAT_PREFIX } from '../catalog/ledger-summary.js';
import { indexTests, siteTest, type TestIndex } from './site-tests.js';

/** What every node's conversion shares. */
interface Context {
  manifest: DbtManifest;
  catalog: DocsArtifacts['catalog'];
  ledgers: DocsArtifacts['ledgers'];
  tests: TestIndex;
  markdown: MarkdownRenderer;
  describe: (text: string) => string;
}

/** Flattens the artifacts into the page's data: one SiteNode per resource, with lineage and notices. */
export function buildSiteData(artifacts: DocsArtifacts): SiteData {
  const { manifest, catalog, runResults } = artifacts;
  const missingDocs = new Set<string>();
  const context: Context = {
    manifest, catalog, ledgers: artifacts.ledgers, tests: indexTests(manifest), markdown: new MarkdownRenderer(),
    describe: (text) => resolveDocReferences(text, manifest.docs ?? {}, (name) => missingDocs.add(name)),
  };
  const runs = runResultsById(runResults);
  const nodes: SiteNode[] = [
    ...Object.values(manifest.sources ?? {}).map((source) => fromSource(context, source)),
    ...Object.values(manifest.nodes).map((node) => fromNode(context, node)),
    ...Object.values(manifest.unit_tests ?? {}).map((unit) => fromUnitTest(context, unit)),
    ...Object.values(manifest.macros ?? {}).map((macro) => fromMacro(context, macro)),
  ];
  for (const node of nodes) {
    node.run = runs.get(node.id);
    // Without a recorded last load, a source's successful run in run_results.json is its last load.
    if (node.load && !node.load.lastLoad && node.run?.status === 'success') {
      const files = node.run.files !== undefined ? { files: node.run.files } : {};
      node.load.lastLoad = { ...files, rows: node.run.rowsAffected, rejected: node.run.rejected ?? 0, loadedAt: node.run.completedAt };
    }
  }
  return {
    project: {
      name: manifest.metadata.project_name ?? '',
      generatedAt: manifest.metadata.generated_at,
      adapterType: manifest.metadata.adapter_type,
      sparkifyVersion: manifest.metadata.dbt_version,
    },
    run: runResults ? { generatedAt: runResults.metadata.generated_at, elapsedTime: runResults.elapsed_time } : undefined,
    nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    lineage: lineageOf(manifest, artifacts.lineage, nodes),
    notices: [...missingDocs].sort().map((name) => `doc('${name}') is referenced but no {% docs ${name} %} block defines it`),
  };
}

/** Fields every resource has; the rest is filled per type. */
function base(context: Context, id: string, type: SiteResourceType, resource: { name: string; package_name: string; original_file_path: string; description?: string }): SiteNode {
  const rendered = context.markdown.render(context.describe(resource.description ?? ''));
  return {
    id, type, name: resource.name, label: resource.name, packageName: resource.package_name, path: resource.original_file_path,
    fqn: [], tags: [], description: rendered.html, text: rendered.text, columns: [],
    parents: context.manifest.parent_map?.[id] ?? [], children: context.manifest.child_map?.[id] ?? [],
    stats: [], tests: context.tests.byNode.get(id) ?? [],
  };
}

function withCatalog(node: SiteNode, table: CatalogTable | undefined): SiteNode {
  if (!table) return node;
  // A ledger's summary has its own card: its stats would say it twice.
  node.stats = siteStats(table).filter((stat) => !node.ledger || !stat.id.startsWith(LEDGER_STAT_PREFIX));
  node.owner = table.metadata.owner ?? undefined;
  return node;
}

function fromNode(context: Context, resource: DbtNode): SiteNode {
  const id = resource.unique_id;
  const node = base(context, id, resource.resource_type, resource);
  const table = context.catalog?.nodes[id];
  const materialized = resource.config?.materialized;
  Object.assign(node, {
    fqn: resource.fqn ?? [], relation: resource.relation_name ?? undefined, tags: resource.tags ?? [],
    materialized: typeof materialized === 'string' ? materialized : undefined,
    rawCode: resource.raw_code, compiledCode: resource.compiled_code,
    columns: siteColumns({ documented: resource.columns, catalog: table, tests: context.tests.byColumn.get(id) ?? new Map(), describe: context.describe, markdown: context.markdown }),
  });
  if (resource.resource_type === 'test') node.test = siteTest(resource);
  return withCatalog(node, table);
}

function fromSource(context: Context, resource: DbtSource): SiteNode {
  const id = resource.unique_id;
  const node = base(context, id, 'source', resource);
  const table = context.catalog?.sources[id];
  const load = resource.meta?.sparkify?.load;
  Object.assign(node, {
    label: `${resource.source_name}.${resource.name}`, sourceName: resource.source_name, fqn: resource.fqn ?? [],
    relation: resource.relation_name ?? undefined, tags: resource.tags ?? [], ledger: context.ledgers?.[id],
    columns: siteColumns({ documented: resource.columns, catalog: table, tests: context.tests.byColumn.get(id) ?? new Map(), describe: context.describe, markdown: context.markdown }),
    load: load && {
      location: load.location, jsonpaths: load.jsonpaths,
      lastLoad: load.last_load && { files: load.last_load.files, rows: load.last_load.rows, rejected: load.last_load.rejected, loadedAt: load.last_load.loaded_at },
    },
  });
  if (!node.description && resource.source_description) {
    const rendered = context.markdown.render(context.describe(resource.source_description));
    Object.assign(node, { description: rendered.html, text: rendered.text });
  }
  return withCatalog(node, table);
}

function fromUnitTest(context: Context, resource: DbtUnitTest): SiteNode {
  const node = base(context, resource.unique_id, 'unit_test', resource);
  const model = resource.depends_on?.nodes?.[0];
  return Object.assign(node, { tags: resource.tags ?? [], label: `${resource.model}::${resource.name}`, test: { kind: 'unit', attachedNode: model } as const, parents: model ? [model] : [] });
}

function fromMacro(context: Context, resource: DbtMacro): SiteNode {
  const node = base(context, resource.unique_id, 'macro', resource);
  return Object.assign(node, { rawCode: resource.macro_sql, arguments: (resource.arguments ?? []).map((argument) => argument.name) });
}

/**
 * Column lineage by site id: `meta.sparkify.lineage` of the manifest's nodes, then the separately
 * given lineage (whose keys may be sparkify's own ids). References inside stay as written; the page
 * resolves them the same way.
 */
function lineageOf(manifest: DbtManifest, given: ProjectLineage | undefined, nodes: SiteNode[]): Record<string, NodeLineage> {
  const lineage: Record<string, NodeLineage> = {};
  for (const node of Object.values(manifest.nodes)) {
    const found = node.meta?.sparkify?.lineage;
    if (found) lineage[node.unique_id] = found;
  }
  const ids = new Set(nodes.map((node) => node.id));
  const names = new Map(nodes.filter((node) => node.type !== 'test' && node.type !== 'macro').map((node) => [node.label, node.id]));
  const project = manifest.metadata.project_name ?? '';
  for (const [ref, node] of Object.entries(given ?? {})) {
    const id = resolveNodeRef(ref, project, (candidate) => ids.has(candidate), (name) => names.get(name));
    if (id) lineage[id] = node;
  }
  return lineage;
}
