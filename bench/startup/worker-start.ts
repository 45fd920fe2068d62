/**
 * How long a worker thread takes to load its script, bundled (dist/cli-bundle/<name>.js, as the
 * CLI starts it) against the compiled modules (dist/src/…/<name>.js). Each run is a fresh process
 * that starts one worker without its start data: the script loads, fails at once, and the time to
 * that error is the load. Runs alternate between the two.
 * Usage: node dist/bench/startup/worker-start.js [--runs 9] [--worker load-worker]
 *        node dist/bench/startup/worker-start.js --case SCRIPT   (one run, for the runner)
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseArgs } from '../lib/args.js';
import { repoRoot } from '../lib/paths.js';
import { reportCase, runCase, startClock } from '../lib/runs.js';
import { formatRange, summarize } from '../lib/stats.js';
import { markdownTable } from '../lib/table.js';

const MODULES: Record<string, string> = {
  'load-worker': 'dist/src/load/worker/load-worker.js',
  'unit-test-worker': 'dist/src/unit-tests/unit-test-worker.js',
  'lineage-worker': 'dist/src/lineage/parallel/lineage-worker.js',
};

const args = caseArgs(process.argv.slice(2));
if (args.case) {
  const stop = startClock();
  const worker = new Worker(args.case, { workerData: undefined });
  await new Promise((resolve) => worker.once('error', resolve).once('exit', resolve).once('message', resolve));
  const { ms, cpuMs } = stop();
  await worker.terminate();
  reportCase({ ms, cpuMs });
} else {
  const runs = Number(args.runs ?? 9);
  const names = args.worker ? [args.worker] : Object.keys(MODULES);
  const rows: string[][] = [];
  for (const name of names) {
    const scripts = { bundle: join(repoRoot, `dist/cli-bundle/${name}.js`), modules: join(repoRoot, MODULES[name]) };
    const times: Record<string, number[]> = { bundle: [], modules: [] };
    for (let run = 0; run < runs; run++) {
      for (const [kind, script] of Object.entries(scripts)) times[kind].push(runCase(join(repoRoot, 'dist/bench/startup/worker-start.js'), ['--case', script]).ms);
    }
    const bundle = summarize(times.bundle);
    const modules = summarize(times.modules);
    rows.push([name, formatRange(bundle, 1), formatRange(modules, 1), (bundle.median / modules.median).toFixed(2)]);
  }
  console.log(markdownTable(['worker', 'bundled ms median (min–max)', 'modules ms median (min–max)', 'bundled ÷ modules'], rows));
}
