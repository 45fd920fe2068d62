import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createAdapter, dialectFor, engineOf } from '../engines/registry.js';
import { manifestDocument } from './artifact-documents.js';
import type { ProjectContext } from './project-context.js';
import { SPARKIFY_VERSION } from './run-summary.js';
import { fail, type Diagnostic } from '../diagnostics.js';
import { TARGET_DIR, writeManifest } from '../run/artifacts.js';
import type { DbtCatalog } from '../docs/artifacts/dbt-catalog.js';
import type { DocsArtifacts } from '../docs/artifacts/docs-artifacts.js';
import { catalogDocument, emptyCatalog, manifestSchemas } from '../docs/catalog/catalog-document.js';
import { readCatalog } from '../docs/catalog/read-catalog.js';
import { addLedgerStats, type SourceLedger } from '../docs/catalog/ledger-summary.js';
import { readDocsLedgers } from './docs-ledgers.js';
import { DocsErrors } from '../docs/error-codes.js';
import type { DbtManifest } from '../docs/artifacts/dbt-manifest.js';
import type { DbtRunResults } from '../docs/artifacts/dbt-run-results.js';
import { scrubDeep } from '../docs/scrub-deep.js';
import { renderDocsSite } from '../docs/site/render-docs-site.js';

/** Options of `sparkify docs generate`. */
export interface GenerateDocsOptions {
  /** Skip the warehouse: write an empty catalog. */
  emptyCatalog?: boolean;
  /** Also write `static_index.html` (dbt's name for the self-contained page; index.html is one too). */
  static?: boolean;
}

/** What generate wrote. */
export interface GeneratedDocs {
  files: string[];
  relations: number;
  nodes: number;
  bytes: number;
  warnings: Diagnostic[];
}

/** `docs generate`: the catalog from the warehouse, then the self-contained site, under target/. */
export async function generateDocs(context: ProjectContext, options: GenerateDocsOptions): Promise<GeneratedDocs> {
  const generatedAt = new Date().toISOString();
  const { root, compiled, scrub } = context;
  // The lineage library loads a WASM parser: only commands that need it import it.
  const { computeLineage, lineageInputFromManifest } = await import('../lineage/index.js');
  const lineage = computeLineage(lineageInputFromManifest(compiled.manifest));
  // manifest.json carries the lineage too (meta.sparkify.lineage), for other tools.
  const document = manifestDocument(context, lineage);
  writeManifest(root, document, scrub);
  const manifest = document as unknown as DbtManifest;
  const { runResults, warnings } = readLastRun(root);
  const { catalog, ledgers } = options.emptyCatalog ? { catalog: emptyCatalog(catalogContext(context, generatedAt)), ledgers: undefined } : await warehouseCatalog(context, manifest, generatedAt);
  const artifacts: DocsArtifacts = scrubDeep({ manifest, catalog, runResults, lineage, ledgers }, scrub);
  const html = scrub(await renderDocsSite(artifacts));
  const dir = join(root, TARGET_DIR);
  mkdirSync(dir, { recursive: true });
  const files = [join(TARGET_DIR, 'catalog.json'), join(TARGET_DIR, 'index.html')];
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(artifacts.catalog, null, 2) + '\n');
  writeFileSync(join(dir, 'index.html'), html);
  if (options.static) {
    writeFileSync(join(dir, 'static_index.html'), html);
    files.push(join(TARGET_DIR, 'static_index.html'));
  }
  const nodes = Object.keys(manifest.nodes).length + Object.keys(manifest.sources).length + Object.keys(manifest.macros).length;
  return { files, relations: Object.keys(catalog.nodes).length + Object.keys(catalog.sources).length, nodes, bytes: Buffer.byteLength(html), warnings };
}

function catalogContext(context: ProjectContext, generatedAt: string) {
  return { generatedAt, sparkifyVersion: SPARKIFY_VERSION, rowEstimateLabel: engineOf(context.project.target).docsCatalog.rowEstimateLabel };
}

/** The last run's results (target/run_results.json, dbt-shaped), if any; an unreadable file is a warning. */
function readLastRun(root: string): { runResults?: DbtRunResults; warnings: Diagnostic[] } {
  const file = join(root, TARGET_DIR, 'run_results.json');
  if (!existsSync(file)) return { warnings: [] };
  try {
    const document = JSON.parse(readFileSync(file, 'utf8')) as DbtRunResults;
    // A command that ran no node (compile, parse) says nothing about the nodes.
    return { runResults: document.results?.length ? document : undefined, warnings: [] };
  } catch (error) {
    return {
      warnings: [{
        code: DocsErrors.unreadableRunResults, message: `cannot read target/run_results.json: ${(error as Error).message}`,
        location: { file: 'target/run_results.json' }, hint: 'run sparkify build again; the site shows no run statuses meanwhile',
      }],
    };
  }
}

/** Reads the catalog of the schemas the project's relations live in, and the loaded sources' ledgers. */
async function warehouseCatalog(context: ProjectContext, manifest: DocsArtifacts['manifest'], generatedAt: string): Promise<{ catalog: DbtCatalog; ledgers: Record<string, SourceLedger> }> {
  const sql = engineOf(context.project.target).docsCatalog;
  const adapter = await createAdapter(context.root, context.project.target);
  try {
    await adapter.open();
    const relations = await readCatalog(adapter, sql, manifestSchemas(manifest));
    const catalog = catalogDocument(manifest, relations, catalogContext(context, generatedAt));
    const ledgers = await readDocsLedgers(adapter, dialectFor(context.project.target), context.compiled.manifest);
    addLedgerStats(catalog, ledgers);
    return { catalog, ledgers };
  } catch (error) {
    if (error instanceof Error && error.name === 'SparkifyError') throw error;
    return fail(DocsErrors.catalogFailed, `cannot read the warehouse's catalog: ${(error as Error).message}`, undefined,
      'check the target (sparkify debug), or generate without the warehouse: sparkify docs generate --empty-catalog');
  } finally {
    await adapter.close();
  }
}
