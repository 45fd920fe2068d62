/** Macros: return(), {% test %} blocks, adapter.dispatch, and errors at the macro's own line. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertRenders, compileErrors, compileJinja, renderErrors, sqlOf } from './fixture.js';

const MACROS = `{% macro columns_of(kind) %}
  {%- if kind == 'keys' -%}
    {{ return(['id', 'kind']) }}
  {%- endif -%}
  {%- do return({'kind': kind, 'n': 2}) -%}
{% endmacro %}

{% macro early(x) %}before{% if x %}{{ return('returned') }}{% endif %}after{% endmacro %}

{% macro in_loop() %}{% for i in range(10) %}{% if i == 3 %}{{ return(i) }}{% endif %}{% endfor %}{% endmacro %}

{% macro nested() %}{{ return(columns_of('keys') + ['extra']) }}{% endmacro %}

{% macro truthy_none() %}{{ return(none) }}{% endmacro %}
`;

describe('macros', () => {
  test('return() makes the call yield the value, not text', () => {
    assertRenders([
      ["{{ columns_of('keys') | join(', ') }} {{ columns_of('keys') | length }}", 'id, kind 2'],
      ["{{ columns_of('other').n }} {{ columns_of('other')['kind'] }}", '2 other'],
      ["{{ early(true) }} {{ early(false) }}", 'returned beforeafter'],
      ['{{ in_loop() + 1 }} {{ nested() }}', "4 ['id', 'kind', 'extra']"],
      ['{{ truthy_none() is none }}', 'True'],
    ], MACROS);
  });

  test('a macro without return() yields its output as a str; the rest of the template goes on after a return', () => {
    const fixture = compileJinja({
      'macros/m.sql': MACROS,
      'models/m.sql': "{% set cols = columns_of('keys') %}select {{ cols | join(', ') }} from x -- {{ early(true) ~ '!' }}\n",
    });
    assert.equal(sqlOf(fixture, 'm'), 'select id, kind from x -- returned!\n');
  });

  test('return() outside a macro is an error', () => {
    const [error] = renderErrors("select 1\n{% do return(1) %}\n");
    assert.equal(error.code, 'SPK110');
    assert.match(error.message, /return\(\) can only be used inside a macro/);
    assert.equal(error.location?.line, 2);
  });

  test('{% test %} blocks in macros/ and tests/generic/ are generic tests, as test_<name> macros are', () => {
    const { compiled } = compileJinja({
      'models/users.sql': "select id as user_id from {{ source('raw', 'events') }}\n",
      'models/schema.yml': 'models:\n  - name: users\n    columns:\n      - name: user_id\n        data_tests:\n          - positive\n          - in_range: {low: 1, high: 9}\n',
      'macros/positive.sql': '{% test positive(model, column_name) %}\nselect * from {{ model }} where {{ column_name }} <= 0\n{% endtest %}\n',
      'tests/generic/in_range.sql': '{%- test in_range(model, column_name, low, high=10,) -%}\nselect * from {{ model }} where {{ column_name }} not between {{ low }} and {{ high }}\n{%- endtest -%}\n',
    });
    const positive = compiled.manifest.nodes['test.positive_users_user_id'];
    assert.ok(positive?.kind === 'test');
    assert.equal(positive.compiledSql, 'select * from "public"."users" where "user_id" <= 0');
    const range = compiled.manifest.nodes['test.in_range_users_user_id__9__1'];
    assert.ok(range?.kind === 'test', Object.keys(compiled.manifest.nodes).join(' '));
    assert.equal(range.compiledSql, 'select * from "public"."users" where "user_id" not between 1 and 9');
  });

  test('adapter.dispatch picks <type>__name, with PGlite as postgres; a plain entry point that dispatches is no conflict', () => {
    const macros = `{% macro concat2(a, b) %}{{ return(adapter.dispatch('concat2', 'my_package')(a, b)) }}{% endmacro %}
{% macro default__concat2(a, b) %}concat({{ a }}, {{ b }}){% endmacro %}
{% macro postgres__concat2(a, b) %}{{ a }} || {{ b }}{% endmacro %}
{% macro only_default() %}{{ return(adapter.dispatch('fallback')()) }}{% endmacro %}
{% macro default__fallback() %}default one{% endmacro %}`;
    assertRenders([["{{ concat2(\"'a'\", \"'b'\") }} | {{ only_default() }} | {{ adapter.type() }}", "'a' || 'b' | default one | postgres"]], macros);
    const [missing] = renderErrors("{{ adapter.dispatch('nowhere')() }}");
    assert.equal(missing.code, 'SPK126');
    assert.match(missing.hint ?? '', /pglite__nowhere, postgres__nowhere, default__nowhere/);
  });

  test('an error inside a macro points at the macro file and line, and says which template called it', () => {
    const macros = "{% macro outer() %}\n{{ inner() }}\n{% endmacro %}\n{% macro inner() %}\nline 5\n{{ exceptions.raise_compiler_error('bad input: ' ~ 3) }}\n{% endmacro %}\n{% macro undefined_call() %}\n\n  {{ no_such_macro() }}\n{% endmacro %}\n";
    const [raised] = renderErrors('select 1\n{{ outer() }}\n', macros);
    assert.equal(raised.code, 'SPK150');
    assert.match(raised.message, /^bad input: 3 \(in a macro called from models\/m\.sql\)$/);
    assert.deepEqual(raised.location, { file: 'macros/helpers.sql', line: 6, column: 4 });
    const [unknown] = renderErrors('{{ undefined_call() }}', macros);
    assert.equal(unknown.code, 'SPK110');
    assert.deepEqual(unknown.location, { file: 'macros/helpers.sql', line: 10, column: 6 });
    const [undefinedVar] = renderErrors('{{ uses_missing() }}', '{% macro uses_missing() %}\n\n{{ missing_var }}\n{% endmacro %}');
    assert.match(undefinedVar.message, /attempted to output null or undefined value/);
    assert.deepEqual(undefinedVar.location, { file: 'macros/helpers.sql', line: 3, column: 1 });
  });

  test('a ref() error inside a macro keeps its code and points at the macro line', () => {
    const diagnostics = compileErrors({
      'macros/m.sql': "{% macro from_missing() %}\nselect * from {{ ref('nope') }}\n{% endmacro %}\n",
      'models/m.sql': '{{ from_missing() }}\n',
    });
    assert.equal(diagnostics[0].code, 'SPK120');
    assert.deepEqual(diagnostics[0].location, { file: 'macros/m.sql', line: 2, column: 18 });
  });
});
