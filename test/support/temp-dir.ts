/**
 * Temp folders for tests, removed when the test file's process exits. Left behind, they filled the
 * disk: an e2e project copy holds a warehouse of ~100 MB, and one `npm test` made over a hundred.
 * SPARKIFY_KEEP_TEST_DIRS=1 keeps them, to look at after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

process.once('exit', () => {
  if (process.env.SPARKIFY_KEEP_TEST_DIRS) return;
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
});

/** A new empty folder in the system's temp folder, named `prefix` and six random characters. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
