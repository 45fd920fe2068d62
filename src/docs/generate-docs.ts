import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAdapter } from '../adapters/create-adapter.js';
import type { ProjectContext } from '../cli/project-context.js';
import { SPARKIFY_VERSION } from '../cli/run-summary.js';
import { fail, type Diagnostic } from '../diagnostics.js';
import type { ProjectLineage } from '../lineage/types.js';
import { TARGET_DIR, writeManifest } from '../run/artifacts.js';
import type { DbtCatalog } from './artifacts/dbt-catalog.js';
import type { DocsArtifacts } from './artifacts/docs-artifacts.js';
import { catalogDocument, emptyCatalog, manifestSchemas } from './catalog/catalog-document.js';
import { catalogSqlFor } from './catalog/catalog-sql-for.js';
import { readCatalog } from './catalog/read-catalog.js';
import { DocsErrors } from './error-codes.js';
import { interimArtifacts } from './interim/interim-artifacts.js';
import { interimLineage } from './interim/interim-lineage.js';
import { scrubDeep } from './scrub-deep.js';
import { renderDocsSite } from './site/render-docs-site.js';

/** Options of `sparkify docs generate`. */
export interface GenerateDocsOptions {
  /** Skip the warehouse: write an empty catalog. */
  emptyCatalog?: boolean;
  /** Also write `static_index.html` (dbt's name for the self-contained page; index.html is one too). */
  static?: boolean;
  /** Column lineage to use instead of the interim source (tests, until src/lineage lands). */
  lineage?: ProjectLineage;
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
  writeManifest(root, compiled.manifest, scrub);
  const { manifest, runResults, warnings } = interimArtifacts(context, { generatedAt, sparkifyVersion: SPARKIFY_VERSION });
  const lineage = options.lineage ?? interimLineage(compiled.manifest);
  const catalog = options.emptyCatalog ? emptyCatalog(catalogContext(context, generatedAt)) : await warehouseCatalog(context, manifest, generatedAt);
  const artifacts: DocsArtifacts = scrubDeep({ manifest, catalog, runResults, lineage }, scrub);
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
  return { generatedAt, sparkifyVersion: SPARKIFY_VERSION, rowEstimateLabel: catalogSqlFor(context.project.target.type).rowEstimateLabel };
}

/** Reads the catalog of the schemas the project's relations live in. */
async function warehouseCatalog(context: ProjectContext, manifest: DocsArtifacts['manifest'], generatedAt: string): Promise<DbtCatalog> {
  const sql = catalogSqlFor(context.project.target.type);
  const adapter = await createAdapter(context.root, context.project.target);
  try {
    await adapter.open();
    const relations = await readCatalog(adapter, sql, manifestSchemas(manifest));
    return catalogDocument(manifest, relations, catalogContext(context, generatedAt));
  } catch (error) {
    if (error instanceof Error && error.name === 'SparkifyError') throw error;
    return fail(DocsErrors.catalogFailed, `cannot read the warehouse's catalog: ${(error as Error).message}`, undefined,
      'check the target (sparkify debug), or generate without the warehouse: sparkify docs generate --empty-catalog');
  } finally {
    await adapter.close();
  }
}
