/**
 * Tests on the real public Sparkify sample, which lives beside the repository (never in it). On a
 * clone without it they are skipped with a reason that says what is missing and how to get it; in
 * CI, which has it, its absence fails the test run instead of quietly skipping them (issue 14).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/sparkify-data beside the repository (tests run from dist/test/support). */
export const SHARED_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/sparkify-data');

/** The folders and files of the sample the tests read. */
const EXPECTED = ['log_data', 'song_data', 'log_json_path.json'];

/**
 * node:test's `skip` option for a test or suite that reads the sample: false when it is there,
 * otherwise the reason; throws when `env.CI` is set, since CI must run these tests.
 */
export function skipWithoutSharedData(dir = SHARED_DATA_DIR, env: NodeJS.ProcessEnv = process.env): false | string {
  const missing = EXPECTED.filter((entry) => !existsSync(join(dir, entry)));
  if (missing.length === 0) return false;
  const reason = `needs the public Sparkify sample at ${dir} (missing: ${missing.join(', ')}); `
    + 'put the sample (log_data/, song_data/, log_json_path.json) there, or link it: ln -s /path/to/sparkify-data ../shared/sparkify-data';
  if (env.CI) throw new Error(`CI must run the tests on the real sample, but it ${reason}`);
  return reason;
}
