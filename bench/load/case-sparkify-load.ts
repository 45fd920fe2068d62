/**
 * Case (c): the full load through sparkify's executor: the source's plan (BEGIN, CREATE SCHEMA,
 * DROP/CREATE the side table, COPY fed by the loader, swap, COMMIT) run by executePlans on the
 * PGlite adapter, into a fresh on-disk database
 * (a copy of an empty one, see pglite-dir.ts). Timed: executePlans. Not timed: compiling the
 * project, opening and closing PGlite. (`sparkify build` end to end is timed by run-load.)
 * Usage: node dist/bench/load/case-sparkify-load.js --scale 100 --table staging_events --data-dir DIR
 */

import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { openSourceStream } from '../../src/load/index.js';
import { dialectFor } from '../../src/engines/registry.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { executePlans } from '../../src/kinds/execute-plans.js';
import type { SourceFeed } from '../../src/run/run-context.js';
import { repoRoot } from '../lib/paths.js';
import { freshDataDir } from '../lib/pglite-dir.js';
import { reportCase, startClock } from '../lib/runs.js';
import { caseArgs } from '../lib/args.js';
import { benchProject } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const project = benchProject(Number(args.scale));
const files = readProjectFiles(repoRoot, project.config.modelPaths, project.config.macroPaths);
const { manifest } = compileProject({ project, files, env: process.env });
const id = `source.sparkify.${args.table}`;
const plans = planNodes(manifest, [id], dialectFor(project.target));
const table = project.sources.find((t) => t.name === args.table)!;

freshDataDir(args['data-dir']);
const adapter = new PgliteAdapter(args['data-dir'], 'bench');
await adapter.open();

let feed: SourceFeed | undefined;
const stop = startClock();
const [result] = await executePlans({
  adapter, manifest, plans, threads: 1,
  openFeed: () => (feed = openSourceStream(table, { root: repoRoot })),
  filesOf: () => ({ runFile: 'bench' }),
  reporter: { started() {}, finished() {} },
});
const { ms, cpuMs } = stop();

await adapter.close();
if (result.status !== 'success') throw new Error(`load failed: ${result.message}`);
reportCase({ ms, cpuMs, rows: result.rowsAffected ?? 0, jsonBytes: feed!.stats.bytes, files: feed!.stats.files });
