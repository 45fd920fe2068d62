import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseOptions, UsageError } from '../../scripts/generate/options.js';
import { REPO_ROOT, tempDir } from './sample-files.js';

const CLI = join(REPO_ROOT, 'dist', 'scripts', 'generate-data.js');

test('options default to data/, scale 1, seed 2018 and reject bad values', () => {
  assert.deepEqual(parseOptions([]), { out: 'data', scale: 1, seed: 2018 });
  assert.deepEqual(parseOptions(['--out', 'x', '--scale', '0.5', '--seed', '9']), { out: 'x', scale: 0.5, seed: 9 });
  for (const argv of [['--scale', '0'], ['--scale', 'abc'], ['--seed', '1.5'], ['--seed'], ['--what', '1'], ['--out']]) {
    assert.throws(() => parseOptions(argv), UsageError, argv.join(' '));
  }
});

test('the CLI writes a sample and prints its facts', () => {
  const { path, cleanup } = tempDir();
  try {
    const run = spawnSync(process.execPath, [CLI, '--out', path, '--scale', '0.5'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^wrote \d+ files .* to .* \(seed 2018, scale 0\.5\)\n {2}events \d+, NextSong \d+/);
    assert.ok(existsSync(join(path, 'log_data', '2018', '11', '2018-11-30-events.json')));
  } finally {
    cleanup();
  }
});

test('bad usage exits 2 with the usage line', () => {
  const run = spawnSync(process.execPath, [CLI, '--scale', '-1'], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: generate-data/);
});
