import { join } from 'node:path';
import { formatDiagnostic } from '../../diagnostics.js';
import { generateDocs } from '../docs-generate.js';
import { openBrowser } from '../../docs/open-browser.js';
import { serveDocs } from '../../docs/serve-docs.js';
import { TARGET_DIR, useTargetDir } from '../../run/artifacts.js';
import type { GlobalOptions } from '../project-context.js';
import { findProjectRoot, loadProjectContext } from '../project-context.js';
import { loadProject } from '../../project/index.js';
import { claimStop, type StopHandle } from '../interrupt.js';

/** Options of `sparkify docs generate`. */
export interface DocsGenerateOptions extends GlobalOptions {
  static?: boolean;
  emptyCatalog?: boolean;
}

/** `sparkify docs generate`: target/catalog.json from the warehouse, then the self-contained target/index.html. */
export async function docsGenerateCommand(options: DocsGenerateOptions): Promise<number> {
  const started = Date.now();
  const context = loadProjectContext(options);
  const result = await generateDocs(context, { emptyCatalog: options.emptyCatalog, static: options.static });
  for (const warning of result.warnings) process.stderr.write(context.scrub(`warning: ${formatDiagnostic(warning)}`) + '\n');
  const catalog = options.emptyCatalog ? 'empty catalog (--empty-catalog)' : `catalog of ${result.relations} relation${result.relations === 1 ? '' : 's'}`;
  context.output.line(`Wrote ${result.files.join(', ')}: ${result.nodes} resources, ${catalog}, ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  context.output.line(`Open ${join(TARGET_DIR, 'index.html')} in a browser, or run sparkify docs serve`);
  return 0;
}

/** Options of `sparkify docs serve`. */

export interface DocsServeOptions {
  projectDir?: string;
  /** --target-path: the folder to serve (default: $DBT_TARGET_PATH, then the project's target-path). */
  targetPath?: string;
  port: number;
  host: string;
  browser?: boolean;
}

/** `sparkify docs serve`: serves target/ on loopback until Ctrl-C. */
export async function docsServeCommand(options: DocsServeOptions): Promise<number> {
  const root = findProjectRoot(options.projectDir);
  useTargetDir(options.targetPath ?? process.env.DBT_TARGET_PATH ?? projectTargetPath(root));
  const served = await serveDocs(join(root, TARGET_DIR), options.host, options.port, TARGET_DIR);
  process.stdout.write(`Serving ${TARGET_DIR}/ at ${served.url} (Ctrl-C to stop)\n`);
  if (options.browser) openBrowser(served.url);
  // Ctrl-C is how a server is stopped: a clean exit 0, not an interrupted run's 130.
  let stop: StopHandle | undefined;
  await new Promise<void>((done) => {
    stop = claimStop(() => done(), () => undefined);
  });
  stop?.dispose();
  await served.close();
  return 0;
}

/** The project's target-path (dbt_project.yml), or target/ when the project cannot be read without more (its profile). */
function projectTargetPath(root: string): string {
  try {
    return loadProject(root, { env: process.env }).config.targetPath ?? 'target';
  } catch {
    return 'target';
  }
}
