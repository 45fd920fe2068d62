/** The pure pieces behind dbt's commands and flags: statement splitting, freshness, --warn-error-options, state comparison, retry args. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitStatements } from '../../src/sql/split-statements.js';
import { freshnessStatus } from '../../src/manifest/freshness.js';
import { parseTimestampText } from '../../src/plan/freshness-query.js';
import { warnErrorPolicy } from '../../src/cli/warn-error.js';
import { compareWithState } from '../../src/artifacts/state-comparison.js';
import { dbtArgs, flagsFromArgs } from '../../src/cli/run-args.js';
import { SparkifyError } from '../../src/diagnostics.js';
import type { DbtIdMap } from '../../src/artifacts/dbt-ids.js';

describe('splitting a macro\'s SQL into statements (run-operation)', () => {
  test('at semicolons outside quotes, dollar quotes and comments; empty ones left out', () => {
    const sql = "insert into t values ('a;b', \"c;d\"); -- one; two\n/* x; y */ do $$ begin perform 1; end $$;\n;\n  select 'it''s; fine'  ";
    assert.deepEqual(splitStatements(sql), [
      "insert into t values ('a;b', \"c;d\")",
      "-- one; two\n/* x; y */ do $$ begin perform 1; end $$",
      "select 'it''s; fine'",
    ]);
    assert.deepEqual(splitStatements('  -- nothing\n'), []);
    assert.deepEqual(splitStatements('select $tag$ ; $tag$ as x; select 1'), ['select $tag$ ; $tag$ as x', 'select 1']);
  });
});

describe('freshness', () => {
  const spec = { warnAfter: { count: 12, period: 'hour' as const }, errorAfter: { count: 1, period: 'day' as const } };
  test("dbt's status: error past error_after, else warn past warn_after, strictly older", () => {
    assert.equal(freshnessStatus(12 * 3600, spec), 'pass');
    assert.equal(freshnessStatus(12 * 3600 + 1, spec), 'warn');
    assert.equal(freshnessStatus(86400 + 1, spec), 'error');
    assert.equal(freshnessStatus(10 ** 9, { warnAfter: { count: 5, period: 'minute' } }), 'warn');
  });
  test('timestamps as the warehouse prints them; without an offset they are UTC; a date is not one', () => {
    assert.equal(parseTimestampText('2024-05-01 10:00:00'), Date.UTC(2024, 4, 1, 10));
    assert.equal(parseTimestampText('2024-05-01 12:00:00.123456+02'), Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    assert.equal(parseTimestampText('2024-05-01 05:30:00-04:30'), Date.UTC(2024, 4, 1, 10));
    assert.equal(parseTimestampText('2024-05-01'), undefined);
    assert.equal(parseTimestampText('1714557600'), undefined);
  });
});

describe('--warn-error and --warn-error-options', () => {
  test('--warn-error promotes every warning; options name them by code or dbt event, warn/silence win', () => {
    assert.equal(warnErrorPolicy(true, undefined).promotes('SPK040'), true);
    assert.equal(warnErrorPolicy(false, undefined).promotes('SPK040'), false);
    const options = warnErrorPolicy(false, '{"error": "all", "warn": ["SPK040"], "silence": ["SPK042"]}');
    assert.deepEqual([options.promotes('LogTestResult'), options.promotes('SPK040'), options.promotes('SPK042'), options.silences('SPK042')], [true, false, false, true]);
    const listed = warnErrorPolicy(false, '{include: [LogFreshnessResult]}');
    assert.deepEqual([listed.promotes('LogFreshnessResult'), listed.promotes('LogTestResult')], [true, false]);
  });
  test('options that are not a mapping of lists are SPK032', () => {
    for (const text of ['[1, 2]', '{"warn": "SPK040"}']) {
      assert.throws(() => warnErrorPolicy(false, text), (error: unknown) => error instanceof SparkifyError && error.diagnostics[0].code === 'SPK032');
    }
  });
});

describe('state comparison (--state)', () => {
  const ids = { fromDbt: (id: string) => id.replace('.demo', '') } as unknown as DbtIdMap;
  const model = (schema: string, checksum: string, materialized = 'table') => ({
    resource_type: 'model', name: 'm', schema, alias: 'm', database: null, checksum: { name: 'sha256', checksum }, config: { materialized, schema },
  });
  const auditTest = (schema: string) => ({ resource_type: 'test', name: 't', schema: `${schema}_dbt_test__audit`, checksum: { name: 'none', checksum: '' }, raw_code: 'x', config: {} });
  const manifest = (nodes: Record<string, unknown>) => ({ nodes: nodes as Record<string, Record<string, unknown>> });

  test('new, body, configs and relation, compared irrespective of the target schema each run built into', () => {
    const prod = manifest({ 'model.demo.m': model('prod', 'a'), 'test.demo.t': auditTest('prod'), 'model.demo.s': model('prod_staging', 'b') });
    const same = compareWithState(manifest({ 'model.demo.m': model('ci', 'a'), 'test.demo.t': auditTest('ci'), 'model.demo.s': model('ci_staging', 'b') }), prod, ids);
    assert.deepEqual([...same.values()].map((c) => Object.values(c).some(Boolean)), [false, false, false]);
    const changed = compareWithState(manifest({
      'model.demo.m': model('ci', 'changed', 'view'), 'test.demo.t': auditTest('ci'), 'model.demo.s': model('elsewhere', 'b'), 'model.demo.n': model('ci', 'c'),
    }), prod, ids);
    assert.deepEqual(changed.get('model.m'), { new: false, body: true, configs: true, relation: false });
    assert.deepEqual(changed.get('model.s'), { new: false, body: false, configs: true, relation: true });
    assert.deepEqual(changed.get('model.n'), { new: true, body: false, configs: false, relation: false });
  });
});

describe('retry: a run\'s flags in dbt\'s names and back', () => {
  test('round trip', () => {
    const flags = { select: ['+users'], exclude: ['tag:slow'], fullRefresh: true, threads: 2, vars: '{a: 1}', target: 'pg', failFast: true, empty: false };
    const args = dbtArgs(flags);
    assert.deepEqual(args, { select: ['+users'], exclude: ['tag:slow'], full_refresh: true, threads: 2, vars: '{a: 1}', target: 'pg', empty: false, fail_fast: true });
    assert.deepEqual(flagsFromArgs({ ...args, which: 'build', invocation_command: 'x' }), flags);
  });
});
