/**
 * PGlite's WebAssembly runs on V8's baseline compiler (Liftoff) only. By default V8 recompiles
 * the hot functions with TurboFan on background threads during the first queries, and the main
 * thread stalls for them (~0.3 s of a 1.7 s rebuild spent waiting in a futex, measured with strace).
 * A build runs many short statements, so the optimized code never pays for its compile: with
 * Liftoff only, a rebuild with nothing changed took 1.0 s instead of 1.7 s, and loads at x100 and
 * x300 of the sample were no slower (BENCHMARKS.md, section 7). SPARKIFY_WASM_TIER_UP=1 keeps V8's
 * default (to compare, or for a long query that would gain from TurboFan).
 */
import { setFlagsFromString } from 'node:v8';

let chosen = false;

/** Call before PGlite compiles its module (create-pglite.ts does); the flag is the whole process's. */
export function useBaselineWasmCompiler(): void {
  if (chosen) return;
  chosen = true;
  if (!process.env.SPARKIFY_WASM_TIER_UP) setFlagsFromString('--liftoff-only');
}
