/**
 * Entry of benchmark 1 (see load-bench.ts).
 * Usage: node dist/bench/load/run-load.js [--scales 100,300] [--runs 5] [--big-runs 3]
 */
import { runLoadBench } from './load-bench.js';

await runLoadBench(process.argv.slice(2));
