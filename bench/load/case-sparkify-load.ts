/**
 * Case (c) on PGlite, (s) on PostgreSQL: the full load through sparkify's executor: the source's plan
 * (BEGIN, CREATE SCHEMA, DROP/CREATE the side table, COPY fed by the loader, swap, COMMIT) run by
 * executePlans on the target's adapter. PGlite loads into a fresh on-disk database (a copy of an
 * empty one, see pglite-dir.ts); PostgreSQL into the server at $SPARKIFY_PG_URL. Timed: executePlans.
 * Not timed: compiling the project, opening and closing the adapter. Also reports `waitMs`, how
 * long the COPY waited for the loader's next chunk (listing and the first chunk included).
 * Usage: node dist/bench/load/case-sparkify-load.js --scale 100 --table staging_events [--target dev --data-dir DIR | --target pg]
 *        [--data-root DIR] [--parse-in auto|main|worker] [--chunk-bytes N] [--loader TREE]
 * `--loader` takes the source loader from another build of sparkify (bench/out/baseline-<sha>, see
 * startup/make-baseline.ts), everything else from this one: the old loader against the new.
 */

import { createAdapter, dialectFor, engineOf } from '../../src/engines/registry.js';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as currentLoader from '../../src/load/index.js';
import type { ParsePlacement } from '../../src/load/worker/parse-placement.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { executePlans } from '../../src/kinds/execute-plans.js';
import { kindOf } from '../../src/kinds/registry.js';
import type { SourceFeed } from '../../src/run/run-context.js';
import { caseArgs } from '../lib/args.js';
import { repoRoot } from '../lib/paths.js';
import { freshDataDir } from '../lib/pglite-dir.js';
import { reportCase, startClock } from '../lib/runs.js';
import { benchProject } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const targetName = args.target ?? 'dev';
const project = benchProject(Number(args.scale ?? 0), targetName, args['data-root']);
const files = readProjectFiles(repoRoot, project.config.modelPaths, project.config.macroPaths);
const { manifest } = compileProject({ project, files, env: process.env });
const id = `source.sparkify.${args.table}`;
const plans = planNodes(manifest, [id], dialectFor(project.target));
const table = project.sources.find((t) => t.name === args.table)!;

const loader = (args.loader ? await import(pathToFileURL(join(args.loader, 'dist/src/load/index.js')).href) : currentLoader) as typeof currentLoader;

let target = project.target;
if (target.type === 'pglite') {
  freshDataDir(args['data-dir']);
  target = { ...target, path: args['data-dir'] };
}
const adapter = await createAdapter(repoRoot, target);
await adapter.open();

let feed: SourceFeed | undefined;
// How long the COPY waited for the loader's next chunk: the database idle because parsing lagged.
let waitMs = 0;
async function* timed(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    const asked = performance.now();
    const next = await iterator.next();
    waitMs += performance.now() - asked;
    if (next.done) return;
    yield next.value;
  }
}
const stop = startClock();
const [result] = await executePlans({
  adapter, manifest, plans, threads: 1,
  openFeed: (copyFrom) => {
    // The load's second COPY writes its ledger rows from what the first one read (src/kinds/source-kind.ts).
    const [, part] = copyFrom.split('#');
    if (part) return kindOf(manifest.nodes[id]).openFeed!(manifest.nodes[id], { root: repoRoot, signal: new AbortController().signal, progress: process.stderr }, { name: part, previous: feed });
    // As the CLI does: the engine says whether its COPY shares this process (src/cli/commands/build.ts).
    const copyInProcess = engineOf(project.target).capabilities.copyInProcess;
    const chunkBytes = args['chunk-bytes'] ? Number(args['chunk-bytes']) : undefined;
    const stream = loader.openSourceStream(table, { root: repoRoot, parseIn: args['parse-in'] as ParsePlacement | undefined, copyInProcess, chunkBytes });
    feed = { listed: () => stream.listed(), get stats() { return stream.stats; }, chunks: () => timed(stream.chunks()) };
    return feed;
  },
  filesOf: () => ({ runFile: 'bench' }),
  reporter: { started() {}, finished() {} },
});
const { ms, cpuMs } = stop();

await adapter.close();
if (result.status !== 'success') throw new Error(`load failed: ${result.message}`);
reportCase({ ms, cpuMs, waitMs, rows: result.rowsAffected ?? 0, jsonBytes: feed!.stats.bytes, files: feed!.stats.files });
