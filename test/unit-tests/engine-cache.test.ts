import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pristinePath } from '../../src/engines/pglite/pristine-data-dir.js';
import { needsDatabase, UnitTestEngine } from '../../src/unit-tests/unit-test-engine.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import type { CompiledProject } from '../../src/compile/compile-project.js';
import { compileUnit, lines, MODELS, runUnit } from './fixture.js';
import { tempDir } from '../support/temp-dir.js';

/** A unit test of `users`, with the given row's amount and the expected amount. */
function unitTest(given: string, expected: string, models: Record<string, string> = {}): CompiledProject {
  return compileUnit({
    ...models,
    'models/schema.yml': lines(
      'unit_tests:',
      '  - name: t',
      '    model: users',
      '    given:',
      "      - input: source('raw', 'events')",
      '        rows:',
      `          - {id: 1, kind: paid, at: '2018-11-01 08:30:00', amount: ${given}, paid: true}`,
      '    expect:',
      '      rows:',
      `        - {user_id: 1, level: paid, amount: '${expected}'}`,
    ),
  });
}

const compiled = unitTest('1.5', '1.50');

/** Runs the unit test on a new engine, closes it; tells how it started, whether it started, and the result. */
async function runOnce(cacheDir: string, project = compiled, resultsFile?: string) {
  const engine = new UnitTestEngine({ cacheDir, resultsFile });
  try {
    const result = await runUnit(project, 'unit_test.users.t', engine);
    return { started: engine.wasStarted, from: engine.wasStarted ? await engine.started() : undefined, result };
  } finally {
    await engine.close();
  }
}

const unitTestFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('sparkify-unit-test-')).length;

describe('the pristine PGlite data directory the unit-test database copies', () => {
  const cacheDir = tempDir('sparkify-machine-cache-');
  const pristine = pristinePath(cacheDir);
  let first: Awaited<ReturnType<typeof runOnce>>;

  test('is named after the PGlite version', () => {
    const { version } = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string };
    assert.equal(pristine, join(cacheDir, `pglite-${version}`, 'pristine'));
  });

  test('the first run on a machine creates it (initdb), and the run\'s own copy is removed at close', async () => {
    assert.equal(existsSync(pristine), false);
    const folders = unitTestFolders();
    first = await runOnce(cacheDir);
    assert.equal(first.from, 'fresh');
    assert.equal(first.result.status, 'pass');
    assert.ok(existsSync(join(pristine, 'PG_VERSION')));
    assert.ok(unitTestFolders() <= folders, 'the run left its database folder behind');
  });

  test('a second run copies it, with the same results', async () => {
    const second = await runOnce(cacheDir);
    assert.equal(second.from, 'cache');
    assert.deepEqual(second.result, first.result);
  });

  test('one without its completion marker (an interrupted creation) is not used, and is made again', async () => {
    rmSync(join(pristine, 'sparkify-pristine.json'));
    const run = await runOnce(cacheDir);
    assert.equal(run.from, 'fresh');
    assert.deepEqual(run.result, first.result);
    assert.ok(existsSync(join(pristine, 'sparkify-pristine.json')));
    assert.equal((await runOnce(cacheDir)).from, 'cache');
  });
});

describe('unit tests that passed are not run again while what they run is unchanged', () => {
  const cacheDir = tempDir('sparkify-machine-cache-');
  const resultsFile = join(tempDir('sparkify-results-'), '.sparkify', 'unit-test-results.json');

  test('the first run runs it and remembers the pass; the next one starts no database', async () => {
    const first = await runOnce(cacheDir, compiled, resultsFile);
    assert.equal(first.started, true);
    assert.equal(first.result.status, 'pass');
    assert.ok(existsSync(resultsFile));
    const again = await runOnce(cacheDir, unitTest('1.5', '1.50'), resultsFile);
    assert.equal(again.started, false);
    assert.equal(again.result.status, 'pass');
  });

  const changes: Record<string, () => CompiledProject> = {
    'a given row': () => unitTest('2.5', '2.50'),
    'an expected row': () => unitTest('1.5', '1.5'),
    "the model's SQL": () => unitTest('1.5', '1.50', { 'models/users.sql': MODELS['models/users.sql'].replace('where id is not null', 'where id > 0') }),
  };
  for (const [what, project] of Object.entries(changes)) {
    test(`a change to ${what} runs it again`, async () => {
      const changed = await runOnce(cacheDir, project(), resultsFile);
      assert.equal(changed.started, true);
      assert.equal(changed.result.status, 'pass');
      assert.equal((await runOnce(cacheDir, project(), resultsFile)).started, false);
    });
  }

  test('a failing test is never remembered: it runs, and fails, every time', async () => {
    const failing = unitTest('1.5', '9.99');
    for (let i = 0; i < 2; i++) {
      const run = await runOnce(cacheDir, failing, resultsFile);
      assert.equal(run.started, true);
      assert.equal(run.result.status, 'fail');
    }
  });

  test('without a results file every run starts the database', async () => {
    assert.equal((await runOnce(cacheDir, compiled)).started, true);
    assert.equal((await runOnce(cacheDir, compiled)).started, true);
  });
});

describe('the unit-test database started ahead, on its own thread', () => {
  const cacheDir = tempDir('sparkify-machine-cache-');
  const resultsFile = join(tempDir('sparkify-results-'), '.sparkify', 'unit-test-results.json');
  const plans = () => planNodes(compiled.manifest, ['unit_test.users.t'], new PostgresDialect('pglite', "'/dev/blob'"));

  test('a unit test not yet passed needs it; prepare() starts it before the first test asks, and the test passes on it', async () => {
    const engine = new UnitTestEngine({ cacheDir, resultsFile });
    try {
      assert.equal(needsDatabase(plans(), engine), true);
      engine.prepare();
      assert.equal(engine.wasStarted, true);
      assert.ok(['cache', 'fresh'].includes(await engine.started()));
      assert.equal((await runUnit(compiled, 'unit_test.users.t', engine)).status, 'pass');
    } finally {
      await engine.close();
    }
  });

  test('once it passed with the same statements nothing needs it', () => {
    assert.equal(needsDatabase(plans(), new UnitTestEngine({ cacheDir, resultsFile })), false);
  });

  test("a statement the database refuses comes back from the thread as the test's error, with PGlite's message", async () => {
    const broken = unitTest('1.5', '1.50', { 'models/users.sql': 'select id as user_id, kind as level, amount from {{ source(\'raw\', \'events\') }} where no_such_column > 0\n' });
    const engine = new UnitTestEngine({ cacheDir });
    try {
      engine.prepare();
      const result = await runUnit(broken, 'unit_test.users.t', engine);
      assert.equal(result.status, 'error');
      assert.match(JSON.stringify(result.diagnostics), /no_such_column/);
    } finally {
      await engine.close();
    }
  });
});
