import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { pristineDumpPath, readPristineDump } from '../../src/unit-tests/pristine-dump-cache.js';
import { UnitTestEngine } from '../../src/unit-tests/unit-test-engine.js';
import { compileUnit, lines, runUnit } from './fixture.js';

const compiled = compileUnit({
  'models/schema.yml': lines(
    'unit_tests:',
    '  - name: t',
    '    model: users',
    '    given:',
    "      - input: source('raw', 'events')",
    '        rows:',
    "          - {id: 1, kind: paid, at: '2018-11-01 08:30:00', amount: 1.5, paid: true}",
    '    expect:',
    '      rows:',
    "        - {user_id: 1, level: paid, amount: '1.50'}",
  ),
});

/** Starts an engine on `cacheDir`, runs the unit test, closes it; tells how it started and the result. */
async function runOnce(cacheDir: string) {
  const engine = new UnitTestEngine({ cacheDir });
  try {
    const from = await engine.started();
    return { from, result: await runUnit(compiled, 'unit_test.users.t', engine) };
  } finally {
    await engine.close();
  }
}

describe('the cached pristine unit-test database', () => {
  const cacheDir = join(mkdtempSync(join(tmpdir(), 'sparkify-engine-cache-')), '.sparkify');
  const dump = pristineDumpPath(cacheDir);
  let first: Awaited<ReturnType<typeof runOnce>>;

  test('is named after the PGlite version', () => {
    const { version } = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string };
    assert.equal(dump, join(cacheDir, `unit-test-pglite-${version}.tar.gz`));
  });

  test('the first run starts afresh and writes the dump', async () => {
    assert.equal(existsSync(dump), false);
    first = await runOnce(cacheDir);
    assert.equal(first.from, 'fresh');
    assert.equal(first.result.status, 'pass');
    assert.ok(existsSync(dump));
  });

  test('a second run loads the dump, with the same results', async () => {
    const second = await runOnce(cacheDir);
    assert.equal(second.from, 'cache');
    assert.deepEqual(second.result, first.result);
  });

  // A truncated gzip failed inside PGlite's own gunzip and killed the process; gzip'd garbage is not a data directory.
  const corrupt: Record<string, () => Buffer> = {
    'a truncated dump': () => readFileSync(dump).subarray(0, 4096),
    'gzip of something not a tarball': () => gzipSync('not a data directory'),
  };
  for (const [name, bytes] of Object.entries(corrupt)) {
    test(`${name} falls back to a fresh database and is replaced by a good dump`, async () => {
      const bad = bytes();
      writeFileSync(dump, bad);
      const run = await runOnce(cacheDir);
      assert.equal(run.from, 'fresh');
      assert.deepEqual(run.result, first.result);
      assert.notDeepEqual(readFileSync(dump), bad);
      assert.ok(await readPristineDump(dump)); // gunzips: a whole dump again
    });
  }

});
