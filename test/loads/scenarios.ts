/**
 * The load ledger's "done when" scenarios (issue 12), run through the real CLI on any engine the
 * caller starts: each ends by comparing every star table with a build from scratch of the same files.
 */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, type CliResult } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

/** One engine: how to build a project copy and read its tables back (rows as text, sorted). */
export interface Engine {
  build(dir: string, args?: string[]): CliResult | Promise<CliResult>;
  /** Extra CLI arguments and environment of a build of `dir` (the kill test spawns the CLI itself). */
  cli?(dir: string): Promise<{ args: string[]; env: Record<string, string> }>;
  tables(dir: string): Promise<Record<string, string[]>>;
  /** Rows of a query on the project's warehouse. */
  query(dir: string, sql: string): Promise<Record<string, unknown>[]>;
  /** The ledger of staging_events: file key and load id per file. */
  ledger(dir: string): Promise<{ file_key: string; load_id: string; rows_loaded: string | number }[]>;
}

/** The event log of one day, relative to the project. */
export const dayFile = (day: number): string => `data/log_data/2018/11/2018-11-${String(day).padStart(2, '0')}-events.json`;

/** Moves a day's file out of the project (to a fresh folder) and returns where it went. */
export function takeOut(dir: string, day: number): string {
  const aside = tempDir('sparkify-day-');
  const to = join(aside, `${day}.json`);
  renameSync(join(dir, dayFile(day)), to);
  return to;
}

/** Puts a day's file back into the project. */
export function putBack(dir: string, day: number, from: string): void {
  mkdirSync(join(dir, 'data/log_data/2018/11'), { recursive: true });
  renameSync(from, join(dir, dayFile(day)));
}

/** Builds and fails the test with the output when the build fails. */
export async function mustBuild(engine: Engine, dir: string, args: string[] = []): Promise<CliResult> {
  const result = await engine.build(dir, args);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  return result;
}

/** The tables of a from-scratch build of a fresh copy of the repo's project (all 30 days). */
export async function fromScratch(engine: Engine, args: string[] = []): Promise<Record<string, string[]>> {
  const dir = copyProject();
  await mustBuild(engine, dir, args);
  return engine.tables(dir);
}

/** A project copy for a scenario. */
export function project(): string {
  return copyProject();
}

/** Asserts the tables equal the reference, table by table (clear failure messages). */
export function assertSameTables(actual: Record<string, string[]>, expected: Record<string, string[]>): void {
  for (const table of Object.keys(expected)) assert.deepEqual(actual[table], expected[table], `table ${table} differs from a build from scratch`);
}
