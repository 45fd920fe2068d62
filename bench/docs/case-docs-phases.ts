/**
 * One in-process run of `docs generate --empty-catalog` on a generated project, timed by phase:
 * compile, column lineage, the dbt-shaped manifest, the site data, the HTML (client bundle included).
 * Usage: node dist/bench/docs/case-docs-phases.js --project DIR
 */
import { loadProjectContext } from '../../src/cli/project-context.js';
import { manifestDocument } from '../../src/cli/artifact-documents.js';
import type { DbtManifest } from '../../src/docs/artifacts/dbt-manifest.js';
import { computeLineage, lineageInputFromManifest } from '../../src/lineage/index.js';
import { buildSiteData } from '../../src/docs/site/build-site-data.js';
import { renderSiteData } from '../../src/docs/site/render-docs-site.js';
import { caseArgs } from '../lib/args.js';
import { reportCase, startClock } from '../lib/runs.js';

const args = caseArgs(process.argv.slice(2));
const total = startClock();
let clock = startClock();
const lap = () => {
  const { ms } = clock();
  clock = startClock();
  return Math.round(ms);
};
const context = loadProjectContext({ projectDir: args.project });
const compileMs = lap();
const lineage = computeLineage(lineageInputFromManifest(context.compiled.manifest));
const lineageMs = lap();
const manifest = manifestDocument(context, lineage) as unknown as DbtManifest;
const artifactsMs = lap();
const data = buildSiteData({ manifest, lineage });
const siteDataMs = lap();
const html = await renderSiteData(data);
const renderMs = lap();
reportCase({ ...total(), compileMs, lineageMs, artifactsMs, siteDataMs, renderMs, mb: Number((html.length / 1e6).toFixed(1)) });
