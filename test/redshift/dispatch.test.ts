import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dispatchOrder, resolveDispatch, splitDialectMacro } from '../../src/jinja/dispatch.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { compileFor } from './helpers.js';

const REPO_TIMESTAMPS = readFileSync(join(REPO_ROOT, 'macros/timestamps.sql'), 'utf8');

const MACROS = `{% macro default__greet(x) %}hello {{ x }}{% endmacro %}
{% macro postgres__greet(x) %}pg {{ x }}{% endmacro %}
{% macro redshift__greet(x) %}rs {{ x }} and {{ default__greet(x) }}{% endmacro %}
{% macro default__only(x) %}only {{ x }}{% endmacro %}
`;

const MODEL = "select '{{ greet('a') }}' as g, '{{ only('b') }}' as o\n";

function compiledSql(target: string, macros = MACROS, model = MODEL): string {
  const fixture = compileFor({ 'macros/greet.sql': macros, 'models/m.sql': model }, target);
  const node = fixture.compiled.manifest.nodes['model.m'];
  assert.equal(node.kind, 'model');
  return node.kind === 'model' ? node.compiledSql : '';
}

function compileError(macros: string, model: string): SparkifyError {
  try {
    compiledSql('rs', macros, model);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected a SparkifyError');
}

test('the fallback order is redshift → postgres → default, and pglite falls back to postgres', () => {
  assert.deepEqual(dispatchOrder('redshift'), ['redshift', 'postgres', 'default']);
  assert.deepEqual(dispatchOrder('pglite'), ['pglite', 'postgres', 'default']);
  assert.deepEqual(dispatchOrder('postgres'), ['postgres', 'default']);
});

test('only known dialect prefixes mark an implementation', () => {
  assert.deepEqual(splitDialectMacro('redshift__epoch'), { prefix: 'redshift', base: 'epoch' });
  assert.equal(splitDialectMacro('my__macro'), undefined);
  assert.equal(splitDialectMacro('default__'), undefined);
  assert.equal(splitDialectMacro('plain'), undefined);
});

test('resolveDispatch picks the most specific implementation, and reports missing and conflicting ones', () => {
  const names = ['default__a', 'postgres__a', 'redshift__b', 'c', 'default__c'];
  assert.deepEqual(resolveDispatch(names, 'pglite'), [
    { kind: 'resolved', base: 'a', implementation: 'postgres__a' },
    { kind: 'missing', base: 'b', candidates: ['pglite__b', 'postgres__b', 'default__b'] },
    { kind: 'conflict', base: 'c' },
  ]);
  assert.deepEqual(resolveDispatch(names, 'redshift')[1], { kind: 'resolved', base: 'b', implementation: 'redshift__b' });
});

test('a model calls greet() and gets the implementation of its target type', () => {
  assert.equal(compiledSql('rs'), "select 'rs a and hello a' as g, 'only b' as o\n");
  assert.equal(compiledSql('dev'), "select 'pg a' as g, 'only b' as o\n");
});

test('a dispatched macro with no implementation for the target is SPK126 at the call, naming what to define', () => {
  // pglite__ is not on Redshift's fallback path (redshift, postgres, default).
  const error = compileError('{% macro pglite__pg_only() %}y{% endmacro %}\n', 'select\n  {{ pg_only() }}\n');
  const [diagnostic] = error.diagnostics;
  assert.equal(diagnostic.code, 'SPK126');
  assert.deepEqual(diagnostic.location, { file: 'models/m.sql', line: 2, column: 6 });
  assert.match(diagnostic.message, /no implementation for target type redshift/);
  assert.match(diagnostic.hint ?? '', /redshift__pg_only/);
});

test('a macro defined both plainly and per dialect is SPK127 at the plain one', () => {
  const error = compileError('{% macro dup() %}a{% endmacro %}\n{% macro redshift__dup() %}b{% endmacro %}\n', 'select 1\n');
  assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.file]), [['SPK127', 'macros/greet.sql']]);
});

test("the repo's epoch_ms_to_timestamp is DATEADD on Redshift and interval arithmetic on PGlite", () => {
  const model = "select {{ epoch_ms_to_timestamp('ts') }} as t\n";
  const macros = (dialect: string) => compiledSql(dialect, REPO_TIMESTAMPS, model);
  assert.equal(macros('dev'), "select (timestamp 'epoch' + ts * interval '1 millisecond') as t\n");
  assert.match(macros('rs'), /^select dateadd\(millisecond, cast\(ts % 1000 as integer\), dateadd\(second, cast\(ts \/ 1000 as integer\), timestamp '1970-01-01 00:00:00'\)\) as t\n$/);
});
