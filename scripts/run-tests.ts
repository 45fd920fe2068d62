/**
 * `npm test` after tsc: runs only the compiled test files, dist/test/**\/*.test.js, one at a time.
 * Given a folder named `test`, node 20's --test runs every .js file below it as a test file, so the
 * helpers (support/, fixture.js, helpers.js, ...) were imported and counted as passing tests.
 * node 20 has no glob of its own for --test, hence this list (fast-glob, as the project's loader uses).
 * Usage: node dist/scripts/run-tests.js [--test-name-pattern=...] [FOLDER|FILE ...]   (default dist/test)
 */

import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

/** The *.test.js files below `path` (or `path` itself), sorted as node's runner sorts them. */
function testFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return fg.sync('**/*.test.js', { cwd: path }).map((entry) => join(path, entry)).sort();
}

const args = process.argv.slice(2);
const flags = args.filter((arg) => arg.startsWith('-'));
const paths = args.filter((arg) => !arg.startsWith('-'));
const files = (paths.length > 0 ? paths : ['dist/test']).flatMap(testFiles);
if (files.length === 0) {
  process.stderr.write(`no *.test.js files under ${paths.join(', ') || 'dist/test'}\n`);
  process.exit(1);
}
const child = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...flags, ...files], { stdio: 'inherit' });
process.exitCode = child.status ?? 1;
