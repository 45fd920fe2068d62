/**
 * Every PGlite sparkify makes (the warehouse, the pristine database's initdb, the unit-test
 * database) is made here, so each runs its WASM on V8's baseline compiler (wasm-compiler.ts).
 */
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { useBaselineWasmCompiler } from './wasm-compiler.js';

/** A PGlite on `dataDir` (a folder on disk), not yet ready: await its `waitReady`. */
export function createPglite(dataDir: string, options?: PGliteOptions): PGlite {
  useBaselineWasmCompiler();
  return new PGlite(dataDir, options);
}
