/**
 * One in-process run of `docs generate --empty-catalog` on a generated project, timed by phase:
 * compile, the (interim) dbt-shaped artifacts, the site data, the HTML (client bundle included).
 * Usage: node dist/bench/docs/case-docs-phases.js --project DIR
 */
import { loadProjectContext } from '../../src/cli/project-context.js';
import { SPARKIFY_VERSION } from '../../src/cli/run-summary.js';
import { interimArtifacts } from '../../src/docs/interim/interim-artifacts.js';
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
const { manifest } = interimArtifacts(context, { generatedAt: new Date().toISOString(), sparkifyVersion: SPARKIFY_VERSION });
const artifactsMs = lap();
const data = buildSiteData({ manifest });
const siteDataMs = lap();
const html = await renderSiteData(data);
const renderMs = lap();
reportCase({ ...total(), compileMs, artifactsMs, siteDataMs, renderMs, mb: Number((html.length / 1e6).toFixed(1)) });
