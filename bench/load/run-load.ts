/**
 * Entry of benchmark 1 (see load-bench.ts): prints the results as markdown tables.
 * Usage: node dist/bench/load/run-load.js [--scales 100,300] [--runs 5] [--big-runs 3]
 */
import { caseArgs } from '../lib/args.js';
import { runLoadBench } from './load-bench.js';

const args = caseArgs(process.argv.slice(2));
process.stdout.write(await runLoadBench({
  scales: (args.scales ?? '100,300').split(',').map(Number),
  runs: Number(args.runs ?? 5),
  bigRuns: Number(args['big-runs'] ?? 3),
}));
