import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { compileFixture } from './fixture.js';

function compileError(files: Record<string, string>, env: Record<string, string> = {}): SparkifyError {
  try {
    compileFixture(files, env);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected a compile error');
}

describe('compileProject', () => {
  test('resolves ref() and source() into quoted relations and records dependencies', () => {
    const { manifest } = compileFixture({
      'models/base.sql': "select id from {{ source('raw', 'events') }}\n",
      'models/marts/top.sql': "{{ config(materialized='view', schema='marts', tags=['daily']) }}\nselect * from {{ ref('base') }}\n",
    });
    const top = manifest.nodes['model.top'];
    assert.equal(top.kind, 'model');
    if (top.kind !== 'model') return;
    assert.equal(top.compiledSql, '\nselect * from "public"."base"\n');
    assert.deepEqual(top.dependsOn, ['model.base']);
    assert.deepEqual(top.relation, { schema: 'marts', identifier: 'top' });
    assert.deepEqual(top.config.tags, ['daily']);
    assert.equal(top.config.materialized, 'view');
    assert.deepEqual(top.fqn, ['fixture', 'marts', 'top']);
    assert.deepEqual(manifest.parentMap['model.base'], ['source.raw.events']);
    assert.deepEqual(manifest.childMap['model.base'], ['model.top']);
  });

  test('a ref inside an if or a macro counts; a ref in a branch not taken does not', () => {
    const { manifest } = compileFixture({
      'macros/helpers.sql': "{% macro from_base() %}from {{ ref('base') }}{% endmacro %}\n",
      'models/base.sql': 'select 1 as id\n',
      'models/other.sql': 'select 2 as id\n',
      'models/uses_macro.sql': "select * {{ from_base() }}\n{% if var('start_day') > 5 %}join {{ ref('other') }} using (id){% endif %}\n",
    });
    const node = manifest.nodes['model.uses_macro'];
    assert.ok(node.kind === 'model');
    assert.deepEqual(node.dependsOn, ['model.base']);
    assert.equal(node.compiledSql, 'select * from "public"."base"\n\n');
  });

  test('does not HTML-escape, and the literal/ident filters quote data safely', () => {
    const { manifest } = compileFixture({
      'models/q.sql': "select '<a & b>' as x, {{ \"it's\" | literal }} as y, 1 as {{ 'we\"ird' | ident }}\n",
    });
    const node = manifest.nodes['model.q'];
    assert.ok(node.kind === 'model');
    assert.equal(node.compiledSql, `select '<a & b>' as x, 'it''s' as y, 1 as "we""ird"\n`);
  });

  test('var() takes --vars over project vars, and env_var() reads the environment', () => {
    const { manifest } = compileFixture(
      { 'models/v.sql': "select {{ var('start_day') }} as d, '{{ env_var('REGION', 'eu') }}' as r, '{{ env_var('ZONE') }}' as z\n" },
      { ZONE: 'z1' },
    );
    const node = manifest.nodes['model.v'];
    assert.ok(node.kind === 'model');
    assert.equal(node.compiledSql, "select 1 as d, 'eu' as r, 'z1' as z\n");
  });

  test('collects every problem at once, each with file:line:col', () => {
    const error = compileError({
      'models/a.sql': "select 1\nfrom {{ ref('bb') }}\n",
      'models/b.sql': "select {{ var('nope') }}\n",
      'models/c.sql': '{{ config(materialised="table") }}\nselect 1\n',
      'models/d.sql': "select 1\n{{ env_var('SURELY_UNSET_VAR') }}\n",
    });
    const byFile = Object.fromEntries(error.diagnostics.map((d) => [d.location?.file, d]));
    assert.equal(byFile['models/a.sql'].code, 'SPK120');
    assert.deepEqual([byFile['models/a.sql'].location?.line, byFile['models/a.sql'].location?.column], [2, 9]);
    assert.equal(byFile['models/b.sql'].code, 'SPK123');
    assert.equal(byFile['models/b.sql'].location?.line, 1);
    assert.equal(byFile['models/c.sql'].code, 'SPK130');
    assert.match(byFile['models/c.sql'].hint ?? '', /materialized/);
    assert.equal(byFile['models/d.sql'].code, 'SPK124');
    assert.equal(byFile['models/d.sql'].location?.line, 2);
  });

  test('an undefined template variable is an error with its line', () => {
    const error = compileError({ 'models/u.sql': 'select 1\nwhere x = {{ missing }}\n' });
    assert.equal(error.diagnostics[0].code, 'SPK110');
    assert.deepEqual(error.diagnostics[0].location, { file: 'models/u.sql', line: 2, column: 11 });
  });

  test('an unknown materialization is reported', () => {
    const error = compileError({ 'models/m.sql': "{{ config(materialized='matview') }}\nselect 1\n" });
    assert.equal(error.diagnostics[0].code, 'SPK131');
  });

  test('disabled models are left out, and a ref to one is an error', () => {
    const error = compileError({
      'models/off.sql': '{{ config(enabled=false) }}\nselect 1\n',
      'models/on.sql': "select * from {{ ref('off') }}\n",
    });
    assert.equal(error.diagnostics[0].code, 'SPK125');
  });

  test('a cycle names the chain', () => {
    const error = compileError({
      'models/x.sql': "select * from {{ ref('y') }}\n",
      'models/y.sql': "select * from {{ ref('x') }}\n",
    });
    assert.equal(error.diagnostics[0].code, 'SPK201');
    assert.match(error.diagnostics[0].message, /x \(models\/x\.sql\) → y \(models\/y\.sql\) → x/);
  });
});

describe('source columns', () => {
  test('an unknown column type is a compile error at its line in sources.yml', () => {
    let error: SparkifyError | undefined;
    try {
      compileFixture({
        'sources.yml': 'sources:\n  - name: raw\n    tables:\n      - name: events\n        location: data\n        jsonpaths: auto\n        columns:\n          - name: id\n            type: integr\n',
        'models/m.sql': "select * from {{ source('raw', 'events') }}\n",
      });
    } catch (e) {
      error = e as SparkifyError;
    }
    assert.ok(error instanceof SparkifyError);
    assert.equal(error.diagnostics[0].code, 'SPK303');
    assert.equal(error.diagnostics[0].location?.file, 'sources.yml');
    assert.equal(error.diagnostics[0].location?.line, 8);
  });
});
