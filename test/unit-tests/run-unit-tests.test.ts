import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { diffLines } from '../../src/unit-tests/format-diff.js';
import { UnitTestEngine } from '../../src/unit-tests/unit-test-engine.js';
import { compileUnit, lines, runUnit } from './fixture.js';

/** A schema file with one unit test of `model`: `given` and `expect` are YAML lines (indented 4). */
function schema(model: string, body: string[]): Record<string, string> {
  return { 'models/schema.yml': lines('unit_tests:', '  - name: t', `    model: ${model}`, ...body) };
}

const GIVEN_EVENTS = ['    given:', "      - input: source('raw', 'events')", '        rows:'];

describe('running unit tests in the in-memory PGlite', () => {
  const engine = new UnitTestEngine();
  after(() => engine.close());
  const run = (model: string, body: string[]) => runUnit(compileUnit(schema(model, body)), `unit_test.${model}.t`, engine);

  test('values are cast to the column types: timestamp, numeric, boolean, NULL; only the expected columns count', async () => {
    const result = await run('users', [
      ...GIVEN_EVENTS,
      "          - {id: 1, kind: paid, at: '2018-11-01 08:30:00.123', amount: 1.5, paid: true}",
      '          - {id: 2, kind: free, at: 2018-11-02, amount: 0, paid: false}',
      '          - {id: 3}',
      '          - {kind: ghost}', // no id: dropped by the model
      '    expect:',
      '      rows:',
      // Text that equals the typed values: a timestamp written with a T, 1.50 for 1.5, a NULL timestamp.
      "        - {user_id: 1, at: '2018-11-01T08:30:00.123', amount: '1.50', paid: true}",
      "        - {user_id: 2, at: '2018-11-02 00:00:00', amount: 0.00, paid: 'false'}",
      '        - {user_id: 3, at: null, amount: null, paid: null}',
    ]);
    assert.deepEqual(result, { status: 'pass', message: 'PASS', rowsAffected: null, failures: 0 });
  });

  test('a difference fails with the rows missing (-) and unexpected (+), as multisets', async () => {
    const result = await run('plays', [
      '    given:',
      "      - input: ref('users')",
      '        rows:',
      '          - {user_id: 1, level: paid}',
      '          - {user_id: 1, level: paid}',
      '          - {user_id: 2, level: free}',
      '    expect:',
      '      rows:',
      '        - {user_id: 1, level: paid}',
      '        - {user_id: 2, level: free}',
    ]);
    assert.equal(result.status, 'fail');
    assert.equal(result.failures, 2);
    assert.deepEqual(result.sample, [{ '@@': '-', user_id: '2', level: 'free' }, { '@@': '+', user_id: '1', level: 'paid' }]);
    assert.equal(result.diagnostics?.[0].code, 'SPK685');
    assert.deepEqual(result.diagnostics?.[0].location, { file: 'models/schema.yml', line: 2 });
    assert.equal(result.message, 'unit test plays::t failed: actual differs from expected (1 row missing, 1 row unexpected)');
    assert.deepEqual(diffLines(result.sample!), [
      '| @@ | user_id | level |',
      '|----|---------|-------|',
      '| -  | 2       | free  |',
      '| +  | 1       | paid  |',
    ]);
  });

  test('an input left out of given is an empty table; expect with no rows passes on an empty result', async () => {
    const result = await run('plays', ['    given: []', '    expect: {rows: []}']);
    assert.equal(result.status, 'pass');
  });

  test('expect naming no column compares the row count', async () => {
    const result = await run('users', [...GIVEN_EVENTS, '          - {id: 1}', '          - {id: 2}', '    expect:', '      rows: [{}]']);
    assert.equal(result.status, 'fail');
    assert.equal(result.message, 'unit test users::t failed: expected 1 row, got 2');
  });

  test('an incremental render reads the given rows of this', async () => {
    const result = await run('inc', [
      '    overrides: {macros: {is_incremental: true}}',
      '    given:',
      '      - input: this',
      "        rows: [{id: 1, at: '2018-11-01 12:00:00'}]",
      "      - input: source('raw', 'events')",
      "        rows: [{id: 1, at: '2018-11-01 12:00:00'}, {id: 2, at: '2018-11-01 12:00:01'}]",
      '    expect: {rows: [{id: 2}]}',
    ]);
    assert.equal(result.status, 'pass', JSON.stringify(result));
  });

  test('a given or expected column that does not exist is an error naming it', async () => {
    const given = await run('users', [...GIVEN_EVENTS, '          - {idd: 1}', '    expect: {rows: []}']);
    assert.equal(given.status, 'error');
    assert.equal(given.diagnostics?.[0].code, 'SPK686');
    assert.equal(given.message, "unit test users::t: input source('raw', 'events') names column 'idd', which is not among its columns");
    assert.match(given.diagnostics?.[0].hint ?? '', /did you mean 'id'\?/);
    assert.deepEqual(given.diagnostics?.[0].location, { file: 'models/schema.yml', line: 5 });
    const expected = await run('users', ['    given: []', '    expect: {rows: [{levl: paid}]}']);
    assert.equal(expected.diagnostics?.[0].code, 'SPK686');
    assert.match(expected.message, /expect names column 'levl', which is not among the model's columns/);
  });

  test("a value its column's type refuses is an error at the row's line; the next test starts clean", async () => {
    const result = await run('users', [...GIVEN_EVENTS, '          - {id: 1}', '          - {id: ten}', '    expect: {rows: []}']);
    assert.equal(result.status, 'error');
    assert.equal(result.diagnostics?.[0].code, 'SPK687');
    assert.deepEqual(result.diagnostics?.[0].location, { file: 'models/schema.yml', line: 8 });
    assert.match(result.message, /a row of input source\('raw', 'events'\) does not fit: invalid input syntax for type integer: "ten"/);
    // Rolled back: nothing of the failed test is left in the shared database.
    const next = await run('users', [...GIVEN_EVENTS, '          - {id: 5}', '    expect: {rows: [{user_id: 5}]}']);
    assert.equal(next.status, 'pass');
  });
});
