/**
 * INTERIM (see README.md): the docs site's dbt-shaped inputs built from sparkify's own manifest and
 * run results. The lead replaces this file's one call in generate-docs.ts with the issue 9 writers.
 */
import type { ProjectContext } from '../../cli/project-context.js';
import { readProjectFiles } from '../../compile/project-files.js';
import type { Diagnostic } from '../../diagnostics.js';
import { DocsErrors } from '../error-codes.js';
import type { DbtManifest } from '../artifacts/dbt-manifest.js';
import type { DbtRunResults } from '../artifacts/dbt-run-results.js';
import { dbtIdMap } from './dbt-ids.js';
import { interimDbtManifest } from './internal-to-dbt-manifest.js';
import { readInterimRunResults } from './internal-to-dbt-run-results.js';

/** The manifest and last run, dbt-shaped. */
export function interimArtifacts(context: ProjectContext, options: { generatedAt: string; sparkifyVersion: string }): { manifest: DbtManifest; runResults?: DbtRunResults; warnings: Diagnostic[] } {
  const { root, project, compiled } = context;
  const ids = dbtIdMap(compiled.manifest.projectName, compiled.manifest.nodes);
  const warnings: Diagnostic[] = [];
  let last: ReturnType<typeof readInterimRunResults> = { lastLoads: new Map() };
  try {
    last = readInterimRunResults(root, (id) => ids.get(id) ?? id);
  } catch (error) {
    warnings.push({ code: DocsErrors.unreadableRunResults, message: `cannot read target/run_results.json: ${(error as Error).message}`, location: { file: 'target/run_results.json' }, hint: 'run sparkify build again; the site shows no run statuses meanwhile' });
  }
  const { runResults, lastLoads } = last;
  const config = project.config;
  const macroFiles = readProjectFiles(root, [], [...config.macroPaths, ...config.testPaths.map((path) => `${path}/generic`)]).macros;
  const manifest = interimDbtManifest({
    root, manifest: compiled.manifest, macroFiles, docsFolders: [...config.modelPaths, ...config.snapshotPaths, ...config.macroPaths],
    lastLoads, generatedAt: options.generatedAt, sparkifyVersion: options.sparkifyVersion,
  });
  return { manifest, runResults, warnings };
}
