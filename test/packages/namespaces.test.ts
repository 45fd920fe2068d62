/**
 * Macros of installed packages, compiled through the real compile: `pkg.macro()`, a package's own
 * macros unqualified in its files, adapter.dispatch with a namespace and the project's `dispatch:`
 * search order, sparkify's `dbt` namespace per target type, errors at the package file's line, and
 * the package's models, vars and generic tests.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RS_PROJECT_YML, RS_SOURCES_YML } from '../redshift/helpers.js';
import { compilePackaged, modelSql, packagedErrors, packageProject } from './fixture.js';

const UTILS = {
  'dbt_packages/utils/dbt_project.yml': packageProject('utils', 'vars:\n  greeting: hello\n'),
  'dbt_packages/utils/macros/greet.sql': `{% macro greet(name) %}{{ salute() }} {{ name }}{% endmacro %}
{% macro salute() %}{{ adapter.dispatch('salute', 'utils')() }}{% endmacro %}
{% macro default__salute() %}{{ var('greeting') }}{% endmacro %}
{% macro postgres__salute() %}hi{% endmacro %}
{% macro shout(x) %}{{ x | upper }}{% endmacro %}
`,
};

describe('package macros', () => {
  test('a package macro is called as pkg.macro(); it calls its siblings unqualified; dispatch finds its postgres__ one on PGlite', () => {
    const fixture = compilePackaged({ ...UTILS, 'models/m.sql': "select '{{ utils.greet('ada') }}' as g, '{{ utils.shout('x') }}' as s\n" });
    assert.equal(modelSql(fixture, 'm'), "select 'hi ada' as g, 'X' as s");
  });

  test("a package's macros are not globals of the project: unqualified they are undefined", () => {
    const [error] = packagedErrors({ ...UTILS, 'models/m.sql': "select '{{ shout('x') }}'\n" });
    assert.equal(error.code, 'SPK110');
    assert.match(error.message, /shout/);
  });

  test("the project's implementation wins over the package's (dbt searches the project first)", () => {
    const fixture = compilePackaged({ ...UTILS, 'macros/override.sql': '{% macro default__salute() %}hey{% endmacro %}\n', 'models/m.sql': "select '{{ utils.greet('bo') }}' as g\n" });
    assert.equal(modelSql(fixture, 'm'), "select 'hey bo' as g");
  });

  test("the project's dispatch: search_order is honoured: a shim package before the package, the project left out", () => {
    const fixture = compilePackaged({
      ...UTILS,
      'project.yml': `name: fixture\ndispatch:\n  - macro_namespace: utils\n    search_order: [shims, utils]\ntargets:\n  dev:\n    type: pglite\n`,
      'macros/override.sql': '{% macro postgres__salute() %}project{% endmacro %}\n',
      'dbt_packages/shims/dbt_project.yml': packageProject('shims'),
      'dbt_packages/shims/macros/salute.sql': '{% macro default__salute() %}shim{% endmacro %}\n',
      'models/m.sql': "select '{{ utils.greet('cy') }}' as g\n",
    });
    assert.equal(modelSql(fixture, 'm'), "select 'shim cy' as g");
  });

  test('dispatch in a namespace that is not installed is SPK158; one with no implementation is SPK126 naming what it searched', () => {
    const [unknown] = packagedErrors({ 'models/m.sql': "{{ adapter.dispatch('x', 'nope')() }}\n" });
    assert.equal(unknown.code, 'SPK158');
    assert.match(unknown.message, /adapter\.dispatch\('x', 'nope'\) searches package 'nope', which is not installed/);
    assert.deepEqual([unknown.location?.file, unknown.location?.line], ['models/m.sql', 1]);
    const [missing] = packagedErrors({ ...UTILS, 'models/m.sql': "{{ adapter.dispatch('nothing', 'utils')() }}\n" });
    assert.equal(missing.code, 'SPK126');
    assert.match(missing.hint ?? '', /searched fixture\.pglite__nothing, fixture\.postgres__nothing, fixture\.default__nothing, utils\.pglite__nothing, utils\.postgres__nothing, utils\.default__nothing/);
  });

  test("a package's model sees its macros unqualified and its vars, which the project overrides per package", () => {
    const files = { ...UTILS, 'dbt_packages/utils/models/greeting.sql': "select '{{ default__salute() }}' as g, '{{ var('greeting') }}' as v\n" };
    assert.equal(modelSql(compilePackaged(files), 'greeting'), "select 'hello' as g, 'hello' as v");
    const project = `name: fixture\nvars:\n  greeting: global\n  utils:\n    greeting: for utils\ntargets:\n  dev:\n    type: pglite\n`;
    const fixture = compilePackaged({ ...files, 'project.yml': project, 'models/m.sql': "select '{{ var('greeting') }}' as v\n" });
    assert.equal(modelSql(fixture, 'greeting'), "select 'for utils' as g, 'for utils' as v");
    assert.equal(modelSql(fixture, 'm'), "select 'global' as v");
    const node = fixture.compiled.manifest.nodes['model.greeting'];
    assert.ok(node.kind === 'model');
    assert.deepEqual([node.packageName, node.fqn, node.path, node.config.materialized], ['utils', ['utils', 'greeting'], 'dbt_packages/utils/models/greeting.sql', 'view']);
  });

  test("an error inside a package macro points at the package file's line and the calling model", () => {
    const [error] = packagedErrors({ ...UTILS, 'dbt_packages/utils/macros/bad.sql': "{% macro bad() %}\n  {{ 'a' + 1 }}\n{% endmacro %}\n", 'models/m.sql': 'select {{ utils.bad() }}\n' });
    assert.equal(error.code, 'SPK110');
    assert.deepEqual([error.location?.file, error.location?.line], ['dbt_packages/utils/macros/bad.sql', 2]);
    assert.match(error.message, /can only concatenate str|unsupported operand/);
    assert.match(error.message, /called from models\/m\.sql/);
  });

  test('a generic test of a package is found by its name and by package.name; its test nodes are named with the namespace', () => {
    const fixture = compilePackaged({
      ...UTILS,
      'dbt_packages/utils/macros/positive.sql': '{% test positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endtest %}\n',
      'models/m.sql': 'select 1 as n\n',
      'models/schema.yml': 'models:\n  - name: m\n    columns:\n      - name: n\n        data_tests: [positive, utils.positive]\n',
    });
    const tests = Object.values(fixture.compiled.manifest.nodes).filter((n) => n.kind === 'test').map((n) => n.name).sort();
    assert.deepEqual(tests, ['positive_m_n', 'utils_positive_m_n']);
  });

  test('two installed packages of one name are SPK065', () => {
    const [error] = packagedErrors({ ...UTILS, 'dbt_packages/utils_copy/dbt_project.yml': packageProject('utils'), 'models/m.sql': 'select 1\n' });
    assert.equal(error.code, 'SPK065');
  });

  test('packages.yml listing more packages than dbt_packages/ holds is SPK061: run sparkify deps', () => {
    const [error] = packagedErrors({ ...UTILS, 'packages.yml': 'packages:\n  - local: ../utils\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n', 'models/m.sql': 'select 1\n' });
    assert.equal(error.code, 'SPK061');
    assert.match(error.hint ?? '', /sparkify deps/);
  });
});

describe("sparkify's dbt namespace", () => {
  const MODEL = `select {{ dbt.current_timestamp() }} as now_, cast(x as {{ dbt.type_string() }}) as s,
  {{ dbt.dateadd('day', 3, 'd') }} as later, {{ dbt.datediff('a', 'b', 'month') }} as months,
  {{ dbt.concat(['a', "'-'", 'b']) }} as ab, {{ dbt.string_literal("it's") }} as lit, {{ dbt.listagg('x', "', '", 'order by x') }} as xs,
  {{ dateadd('hour', 1, 'd') }} as unqualified
`;

  test('PGlite and PostgreSQL get the postgres implementations', () => {
    assert.equal(modelSql(compilePackaged({ 'models/m.sql': MODEL }), 'm'), `select now() as now_, cast(x as text) as s,
  (d + ((interval '1 day') * (3))) as later, (date_part('year', (b)::date) - date_part('year', (a)::date)) * 12 + date_part('month', (b)::date) - date_part('month', (a)::date)) as months,
  concat(a, '-', b) as ab, 'it''s' as lit, string_agg(x, ', ' order by x) as xs,
  (d + ((interval '1 hour') * (1))) as unqualified`.replace('(date_part', '((date_part'));
  });

  test('Redshift gets its own, and the defaults', () => {
    const fixture = compilePackaged({ 'project.yml': RS_PROJECT_YML, 'sources.yml': RS_SOURCES_YML, 'models/m.sql': MODEL }, 'rs');
    assert.equal(modelSql(fixture, 'm'), `select getdate() as now_, cast(x as varchar(max)) as s,
  dateadd(day, 3, d) as later, datediff(month, a, b) as months,
  a || '-' || b as ab, 'it''s' as lit, listagg(x, ', ') within group (order by x) as xs,
  dateadd(hour, 1, d) as unqualified`);
  });

  test("the project overrides a dbt macro by dispatch, and its own plain macro of the same name wins", () => {
    const fixture = compilePackaged({
      'macros/mine.sql': "{% macro postgres__current_timestamp() %}clock_timestamp(){% endmacro %}\n{% macro hash(x) %}my_hash({{ x }}){% endmacro %}\n",
      'models/m.sql': 'select {{ dbt.current_timestamp() }}, {{ current_timestamp() }}, {{ hash(1) }}, {{ dbt.hash(1) }}\n',
    });
    assert.equal(modelSql(fixture, 'm'), 'select clock_timestamp(), clock_timestamp(), my_hash(1), md5(cast(1 as text))');
  });
});
