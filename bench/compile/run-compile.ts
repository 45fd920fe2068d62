/**
 * Entry of benchmark 2 (see compile-bench.ts): prints the results as markdown tables.
 * Usage: node dist/bench/compile/run-compile.js [--models 1000,5000] [--runs 5]
 */
import { caseArgs } from '../lib/args.js';
import { runCompileBench } from './compile-bench.js';

const args = caseArgs(process.argv.slice(2));
process.stdout.write(runCompileBench((args.models ?? '1000,5000').split(',').map(Number), Number(args.runs ?? 5)));
