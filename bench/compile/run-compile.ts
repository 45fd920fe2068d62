/**
 * Entry of benchmark 2 (see compile-bench.ts): prints the results as markdown tables.
 * Usage: node dist/bench/compile/run-compile.js [--models 1000,5000] [--runs 5] [--baseline <commit>]
 * (--baseline also times that commit's CLI, built by startup/make-baseline.js, interleaved with the current one)
 */
import { caseArgs } from '../lib/args.js';
import { makeBaseline } from '../startup/make-baseline.js';
import { runCompileBench } from './compile-bench.js';

const args = caseArgs(process.argv.slice(2));
process.stdout.write(runCompileBench((args.models ?? '1000,5000').split(',').map(Number), Number(args.runs ?? 5), args.baseline ? makeBaseline(args.baseline) : undefined));
