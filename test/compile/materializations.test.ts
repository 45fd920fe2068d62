import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { injectCtes } from '../../src/compile/resolve-relations.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { compileFixture, PROJECT_YML } from './fixture.js';

function compileError(files: Record<string, string>): SparkifyError {
  try {
    compileFixture(files);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected a compile error');
}

const incremental = (config: string) => ({ 'models/m.sql': `{{ config(materialized='incremental', ${config}) }}\nselect 1 as id\n` });

describe('compile: materializations and hooks', () => {
  test('incremental config is checked: strategy, unique_key, on_schema_change', () => {
    const codes = (config: string) => compileError(incremental(config)).diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.deepEqual(codes("incremental_strategy='merg', unique_key='id'"), ["SPK132 unknown incremental_strategy 'merg'"]);
    assert.equal(compileError(incremental("incremental_strategy='merg', unique_key='id'")).diagnostics[0].hint, "did you mean 'merge'?");
    assert.deepEqual(codes("incremental_strategy='merge'"), ["SPK133 incremental_strategy 'merge' needs a unique_key"]);
    assert.deepEqual(codes('unique_key=3'), ['SPK133 unique_key must be a column name or a list of column names']);
    assert.deepEqual(codes("unique_key='id', on_schema_change='sync_all_columns'"), ["SPK134 on_schema_change 'sync_all_columns' is not supported"]);
    const error = compileError(incremental("incremental_strategy='merge'"));
    assert.deepEqual(error.diagnostics[0].location, { file: 'models/m.sql', line: 1 });
  });

  test('the default strategy is delete+insert with a unique_key, append without', () => {
    const { manifest } = compileFixture({ ...incremental("unique_key='id'"), 'models/n.sql': "{{ config(materialized='incremental') }}\nselect 1\n" });
    const spec = (id: string) => { const n = manifest.nodes[id]; return n.kind === 'model' ? n.incremental : undefined; };
    assert.equal(spec('model.m')?.strategy, 'delete+insert');
    assert.equal(spec('model.n')?.strategy, 'append');
  });

  test('a ref only inside {% if is_incremental() %} is still a dependency', () => {
    const { manifest } = compileFixture({
      'models/base.sql': 'select 1 as id\n',
      'models/m.sql': "{{ config(materialized='incremental') }}\nselect 2 as id\n{% if is_incremental() %}union all select id from {{ ref('base') }}{% endif %}\n",
    });
    assert.deepEqual(manifest.parentMap['model.m'], ['model.base']);
  });

  test('hooks on an ephemeral model are refused; a hook must be a string', () => {
    const ephemeral = compileError({ 'models/e.sql': "{{ config(materialized='ephemeral', post_hook='select 1') }}\nselect 1\n" });
    assert.equal(ephemeral.diagnostics[0].code, 'SPK136');
    const bad = compileError({ 'models/t.sql': '{{ config(pre_hook=[1]) }}\nselect 1\n' });
    assert.equal(bad.diagnostics[0].code, 'SPK135');
  });

  test('on_run_start/on_run_end take a statement or a list and land rendered in the manifest', () => {
    const { manifest } = compileFixture({
      'project.yml': `${PROJECT_YML}on_run_start: "select '{{ var('start_day') }}'"\non_run_end: [analyze, vacuum]\n`,
      'models/t.sql': 'select 1\n',
    });
    assert.deepEqual(manifest.hooks, { onRunStart: ["select '1'"], onRunEnd: ['analyze', 'vacuum'] });
    assert.equal(compileFixture({ 'models/t.sql': 'select 1\n' }).manifest.hooks, undefined);
    const error = compileError({ 'project.yml': `${PROJECT_YML}on_run_start: 3\n`, 'models/t.sql': 'select 1\n' });
    assert.match(error.diagnostics[0].message, /on_run_start/);
  });

  test('CTEs go after leading comments, into an existing WITH (RECURSIVE too)', () => {
    const ctes = [['c', 'select 1;']] as const;
    assert.equal(injectCtes('/* a */ -- b\nselect * from c', ctes), '/* a */ -- b\nwith "c" as (\nselect 1\n)\nselect * from c');
    assert.equal(injectCtes('WITH RECURSIVE r(n) as (select 1) select * from r, c', ctes),
      'WITH RECURSIVE "c" as (\nselect 1\n), r(n) as (select 1) select * from r, c');
    assert.equal(injectCtes('select 1', []), 'select 1');
  });
});
