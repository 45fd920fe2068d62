/**
 * Unit tests that passed, remembered by the content of what they run, so a rebuild does not start a
 * database to run them again (issue 13). A test is reused only when every statement it runs is the
 * same: the relations it creates (the parents' compiled SQL), the given rows, the model's compiled
 * SQL and the expected rows; and the same PGlite and sparkify run them. Any change to the model, a
 * parent, a macro, a var or a fixture changes a statement, so the test runs again. Only passes are
 * kept: a failing test always runs, and prints its diff.
 */
import { SPARKIFY_VERSION } from '../version.js';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pgliteVersion } from '../engines/pglite/pglite-version.js';
import type { UnitTestPlan } from './plan-unit-test.js';

/** Bumped when what a key covers, or how a test is judged, changes. */
const FORMAT = 1;
/** Enough for any project; the oldest keys go first past it. */
const MAX_KEYS = 20_000;

/** The passes of earlier runs, read from and written back to one JSON file. */
export class UnitTestResults {
  private readonly passed: Set<string>;
  private changed = false;

  /** Without a file, nothing is remembered and every test runs. */
  constructor(private readonly file?: string) {
    this.passed = new Set(file ? readKeys(file) : []);
  }

  /** Whether this exact test passed before. */
  hasPassed(test: UnitTestPlan): boolean {
    return this.file !== undefined && this.passed.has(resultKey(test));
  }

  /** Remembers that this exact test passed. */
  recordPass(test: UnitTestPlan): void {
    if (!this.file) return;
    const key = resultKey(test);
    this.passed.delete(key); // re-inserted last: the newest survive the cap
    this.passed.add(key);
    this.changed = true;
  }

  /** Writes the file if a pass was recorded (atomically: a temp file renamed over it). */
  save(): void {
    if (!this.file || !this.changed) return;
    const keys = [...this.passed].slice(-MAX_KEYS);
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, passed: keys }) + '\n');
      renameSync(temp, this.file);
      this.changed = false;
    } catch (error) {
      // Only the next run's speed-up is lost.
      if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot write ${this.file}: ${(error as Error).message}\n`);
    }
  }
}

/** The content hash of everything a unit test runs and compares, and of what runs it. */
function resultKey(test: UnitTestPlan): string {
  const content = {
    format: FORMAT,
    sparkify: SPARKIFY_VERSION,
    pglite: pgliteVersion(),
    setup: test.setup,
    inputs: test.inputs.map((input) => ({ relation: input.relation, columns: input.columns, rows: input.rows.map((row) => row.sql) })),
    actual: test.actual,
    expect: test.expect,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The keys in the file; none when it is missing, unreadable or of another format. */
function readKeys(file: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; passed?: unknown };
    if (parsed.format !== FORMAT || !Array.isArray(parsed.passed)) return [];
    return parsed.passed.filter((key): key is string => typeof key === 'string');
  } catch {
    return [];
  }
}
