import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/golden');

/**
 * Compares text with test/golden/<name>. UPDATE_GOLDEN=1 rewrites the file instead; review the
 * diff before committing it — a golden file is only as good as the reading that approved it.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) assert.fail(`golden file ${name} is missing`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`);
}
