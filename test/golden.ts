import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/golden');

/**
 * Compares text with test/golden/<name>. Only UPDATE_GOLDENS=1 (or the older UPDATE_GOLDEN=1)
 * writes the file, a missing one included: a test never approves its own output. Review the diff
 * before committing it — a golden file is only as good as the reading that approved it.
 */
export function assertGolden(name: string, actual: string): void {
  assertGoldenIn(GOLDEN_DIR, name, actual);
}

/** assertGolden against the golden files under `dir`. */
export function assertGoldenIn(dir: string, name: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = join(dir, name);
  if (env.UPDATE_GOLDENS === '1' || env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) assert.fail(`golden file test/golden/${name} is missing: run the test with UPDATE_GOLDENS=1 to write it, then review it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `differs from test/golden/${name} (UPDATE_GOLDENS=1 to accept)`);
}
