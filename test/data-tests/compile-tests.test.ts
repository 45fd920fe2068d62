import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestNode } from '../../src/manifest/test-node.js';
import { selectNodes } from '../../src/graph/index.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { assertGolden } from '../golden.js';
import { compileErrors, compileWithTests, describeDiagnostics, lines } from './fixture.js';

const SCHEMA = lines(
  'version: 2',
  'models:',
  '  - name: users',
  '    description: One row per user.',
  '    data_tests:',
  "      - has_rows: {compare_to: \"source('raw', 'events')\"}",
  '    columns:',
  '      - name: user_id',
  '        description: The key.',
  '        data_tests: [unique, not_null]',
  '      - name: level',
  '        tags: [billing]',
  '        data_tests:',
  '          - accepted_values:',
  '              values: [free, "it\'s paid"]',
  '              config: {severity: warn, where: "user_id > 0", tags: [nightly]}',
  '  - name: plays',
  '    columns:',
  '      - name: user_id',
  '        data_tests:',
  "          - relationships: {to: ref('users'), field: user_id}",
  '      - name: play_id',
  '        data_tests:',
  '          - accepted_values: {values: [1, 2, 3], quote: false}',
  '          - positive',
);

const FILES = {
  'models/schema.yml': SCHEMA,
  'macros/checks.sql': '{% macro test_positive(model, column_name) %}\nselect * from {{ model }} where {{ column_name }} <= 0\n{% endmacro %}\n',
  'tests/generic/has_rows.sql': lines(
    '{% macro test_has_rows(model, compare_to) -%}',
    'select 1 as empty_model',
    'where not exists (select 1 from {{ model }}) and exists (select 1 from {{ compare_to }})',
    '{%- endmacro %}',
  ),
  'tests/plays_have_users.sql': lines(
    "{{ config(severity='warn', warn_if='>2') }}",
    "select * from {{ ref('plays') }} where user_id not in (select user_id from {{ ref('users') }});",
  ),
};

describe('compiling data tests', () => {
  const { manifest, graph } = compileWithTests(FILES);
  const tests = Object.values(manifest.nodes).filter((n): n is TestNode => n.kind === 'test');
  const byName = (name: string) => tests.find((t) => t.name === name)!;

  test('every declared test becomes a node named as dbt names it', () => {
    assert.deepEqual(tests.map((t) => t.id), [
      'test.accepted_values_plays_play_id__False__1__2__3',
      'test.accepted_values_users_level__free__it_s_paid',
      'test.has_rows_users_source_raw_events_',
      'test.not_null_users_user_id',
      'test.plays_have_users',
      'test.positive_plays_play_id',
      'test.relationships_plays_user_id__user_id__ref_users_',
      'test.unique_users_user_id',
    ]);
  });

  test('the SQL that selects the failing rows matches the golden files', () => {
    for (const node of tests) assertGolden(`data-tests/compiled/${node.name}.sql`, node.compiledSql);
  });

  test('the plan counts the failing rows, then samples them', () => {
    const [plan] = planNodes(manifest, ['test.unique_users_user_id'], new PostgresDialect('pglite', "'/dev/blob'"));
    assertGolden('data-tests/run/unique_users_user_id.sql', renderPlan(plan));
    assert.equal(plan.runPath, 'models/schema.yml/unique_users_user_id.sql');
    assert.deepEqual(plan.test, { name: 'unique_users_user_id', severity: 'error', warnIf: '!= 0', errorIf: '!= 0', sampleSize: 5, countAt: 0 });
  });

  test('tests depend on what they read; config, tags and file positions are kept', () => {
    assert.deepEqual(manifest.parentMap['test.relationships_plays_user_id__user_id__ref_users_'], ['model.plays', 'model.users']);
    assert.deepEqual(manifest.parentMap['test.has_rows_users_source_raw_events_'], ['model.users', 'source.raw.events']);
    assert.deepEqual(manifest.parentMap['test.plays_have_users'], ['model.plays', 'model.users']);
    const level = byName('accepted_values_users_level__free__it_s_paid');
    assert.deepEqual(level.config, { severity: 'warn', warnIf: '!= 0', errorIf: '!= 0', where: 'user_id > 0' });
    assert.deepEqual(level.tags, ['billing', 'nightly']);
    assert.deepEqual([level.path, level.line, level.sqlPath], ['models/schema.yml', 14, 'models/schema.yml/accepted_values_users_level__free__it_s_paid.sql']);
    assert.deepEqual([level.attachedNode, level.columnName, level.testName, level.testType], ['model.users', 'level', 'accepted_values', 'generic']);
    const singular = byName('plays_have_users');
    assert.deepEqual([singular.testType, singular.path, singular.sqlPath], ['singular', 'tests/plays_have_users.sql', 'tests/plays_have_users.sql']);
    assert.deepEqual(singular.config, { severity: 'warn', warnIf: '> 2', errorIf: '!= 0' });
    assert.deepEqual(byName('unique_users_user_id').fqn, ['fixture', 'unique_users_user_id']);
  });

  test('descriptions and columns of the schema file go into the manifest', () => {
    const users = manifest.nodes['model.users'];
    assert.ok(users.kind === 'model');
    assert.equal(users.description, 'One row per user.');
    assert.deepEqual(users.columns, {
      user_id: { name: 'user_id', description: 'The key.', tags: [] },
      level: { name: 'level', tags: ['billing'] },
    });
  });

  test('tests are nodes of the graph: test_type:, test_name:, resource_type: and indirect selection', () => {
    const select = (args: string[], mode?: 'eager' | 'cautious' | 'buildable' | 'empty', exclude?: string[]) =>
      selectNodes(graph, args, exclude, mode);
    assert.deepEqual(select(['test_type:singular']), ['test.plays_have_users']);
    assert.equal(select(['test_type:generic']).length, 7);
    assert.equal(select(['test_type:data']).length, 8);
    assert.deepEqual(select(['test_name:unique']), ['test.unique_users_user_id']);
    assert.equal(select(['resource_type:test']).length, 8);
    assert.deepEqual(select(['users'], 'empty'), ['model.users']);
    const userTests = [
      'test.accepted_values_users_level__free__it_s_paid', 'test.has_rows_users_source_raw_events_',
      'test.not_null_users_user_id', 'test.plays_have_users',
      'test.relationships_plays_user_id__user_id__ref_users_', 'test.unique_users_user_id',
    ];
    assert.deepEqual(select(['users'], 'eager').slice(1).sort(), userTests);
    assert.deepEqual(select(['users'], 'cautious').slice(1).sort(), [
      'test.accepted_values_users_level__free__it_s_paid', 'test.not_null_users_user_id', 'test.unique_users_user_id',
    ]);
    assert.deepEqual(select(['plays'], 'buildable').slice(1).sort(), [
      'test.accepted_values_plays_play_id__False__1__2__3', 'test.plays_have_users',
      'test.positive_plays_play_id', 'test.relationships_plays_user_id__user_id__ref_users_',
    ]);
    // Excluding a model excludes every test that touches it.
    assert.ok(!select(['plays', 'users'], 'eager', ['users']).some((id) => id.includes('users')));
  });
});

describe('schema file and test problems are compile diagnostics', () => {
  test('all of them at once, each at its file:line:col, with the model errors', () => {
    const error = compileErrors({
      'models/broken.sql': 'select {{ nope }}\n',
      'macros/bad.sql': '{% macro test_no_model(column_name) %}select 1{% endmacro %}\n',
      'models/schema.yml': lines(
        'models:', //                                                         1
        '  - name: user',
        '  - name: users',
        '    columns:',
        '      - name: user_id', //                                           5
        '        data_tests:',
        '          - uniqe',
        '          - relationships: {to: ref(\'userz\'), field: user_id}',
        '          - relationships: {to: ref(\'users\')}',
        '          - accepted_values: {values: free, qoute: false}', //     10
        '          - no_model',
        '          - not_null',
        '          - not_null',
      ),
    });
    assert.deepEqual(describeDiagnostics(error), [
      'SPK110 models/broken.sql:1:8 template error: attempted to output null or undefined value',
      "SPK601 models/schema.yml:2:11 models/schema.yml documents model 'user', which does not exist",
      "SPK603 models/schema.yml:7:13 unknown test 'uniqe' on column 'user_id' of model 'users'",
      "SPK606 models/schema.yml:8:29 `to` of test 'relationships' on column 'user_id' of model 'users': ref('userz') names no enabled model",
      "SPK604 models/schema.yml:9:13 test 'relationships' on column 'user_id' of model 'users' is missing the argument `field`",
      "SPK605 models/schema.yml:10:45 test 'accepted_values' on column 'user_id' of model 'users' has no argument `qoute`",
      "SPK608 models/schema.yml:11:13 generic test macro test_no_model (macros/bad.sql:1) does not take `model`",
      'SPK607 models/schema.yml:13:undefined two tests are named \'not_null_users_user_id\': models/schema.yml:12 and models/schema.yml:13',
    ]);
    const hints = Object.fromEntries(error.diagnostics.map((d) => [d.code, d.hint]));
    assert.equal(hints.SPK601, "did you mean 'users'?");
    assert.equal(hints.SPK603, "did you mean 'unique'?");
    assert.equal(hints.SPK606, "did you mean ref('users')?");
    assert.equal(hints.SPK605, 'did you mean `quote`?');
  });

  test('accepted_values needs a list of values', () => {
    const error = compileErrors({
      'models/schema.yml': lines(
        'models:',
        '  - name: users',
        '    columns:',
        '      - name: level',
        '        data_tests:',
        '          - accepted_values: {values: free}',
      ),
    });
    assert.deepEqual(describeDiagnostics(error), [
      "SPK606 models/schema.yml:6:31 `values` of test 'accepted_values' on column 'level' of model 'users': expected a non-empty list of values",
    ]);
  });

  test('a singular test with a bad config() or an unknown ref', () => {
    const error = compileErrors({
      'tests/a.sql': "{{ config(severity='fatal', warnif='>1') }}\nselect 1\n",
      'tests/b.sql': "select 1\nfrom {{ ref('userz') }}\n",
    });
    assert.deepEqual(describeDiagnostics(error), [
      "SPK609 tests/a.sql:1:undefined invalid severity 'fatal' in test a",
      "SPK609 tests/a.sql:1:undefined unknown config key 'warnif' in test a",
      "SPK120 tests/b.sql:2:9 unknown ref 'userz' in model 'b'",
    ]);
    assert.equal(error.diagnostics[1].hint, 'did you mean warn_if=...?');
  });

  test('a disabled test, or a test on a disabled model, is left out', () => {
    const { manifest } = compileWithTests({
      'models/off.sql': '{{ config(enabled=false) }}\nselect 1 as id\n',
      'models/schema.yml': lines(
        'models:',
        '  - name: off',
        '    columns: [{name: id, data_tests: [unique]}]',
        '  - name: users',
        '    columns: [{name: user_id, data_tests: [{unique: {config: {enabled: false}}}, not_null]}]',
      ),
    });
    assert.deepEqual(Object.keys(manifest.nodes).filter((id) => id.startsWith('test.')), ['test.not_null_users_user_id']);
  });

  test("a test macro's model is a Relation, as in dbt: printed as the tested SQL, taken apart by its parts", () => {
    const { manifest } = compileWithTests({
      'models/schema.yml': lines(
        'models:',
        '  - name: users',
        '    data_tests:',
        '      - named_after: {expected: users}',
        '      - named_after: {expected: users, name: users_named_after_where, config: {where: "user_id > 0"}}',
      ),
      'tests/generic/named_after.sql': lines(
        '{% test named_after(model, expected) %}',
        "select '{{ model.schema }}.{{ model.identifier }}/{{ model.name }}' as seen from {{ model }} where {{ model.identifier != expected }}",
        '{% endtest %}',
      ),
    });
    const sql = Object.values(manifest.nodes).filter((n): n is TestNode => n.kind === 'test').map((t) => t.compiledSql.trim()).sort();
    assert.deepEqual(sql, [
      `select 'public.users/users' as seen from "public"."users" where False`,
      `select 'public.users/users' as seen from (select * from "public"."users" where user_id > 0) as sparkify_subquery where False`,
    ]);
  });
});
