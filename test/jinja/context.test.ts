/** dbt's template context at compile: execute, this, model, target, graph, adapter, api, logs, helpers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';
import { assertRenders, compileJinja, renderErrors, sqlOf } from './fixture.js';

describe('dbt context at compile', () => {
  test('execute is false; introspection answers as dbt parses: none, empty, nothing run', () => {
    const fixture = compileJinja({
      'models/intro.sql': `{% if execute %}unreachable{% endif %}
{%- set rel = adapter.get_relation(database=target.database, schema=target.schema, identifier='intro') -%}
{%- call statement('q', fetch_result=True) %}select {{ undefined_inside_statement }}{% endcall -%}
select {{ rel is none }} as r, {{ adapter.get_columns_in_relation(this) | length }} as c, {{ run_query('select 1') is none }} as q, {{ load_result('q') is none }} as l
`,
      'models/plain.sql': 'select 1 as one\n',
    });
    assert.equal(sqlOf(fixture, 'intro'), 'select True as r, 0 as c, True as q, True as l\n');
    const nodes = fixture.compiled.manifest.nodes;
    assert.ok(nodes['model.intro'].kind === 'model' && nodes['model.intro'].introspects === true);
    assert.ok(nodes['model.plain'].kind === 'model' && nodes['model.plain'].introspects === undefined);
  });

  test('this is the model relation, printed resolved, with parts from config() and in macros too', () => {
    const fixture = compileJinja({
      'project.yml': 'name: fixture\nmodels:\n  schema: analytics\ntargets:\n  dev:\n    type: pglite\n    path: .sparkify/dev\n',
      'macros/me.sql': '{% macro me() %}{{ this }} {{ this.schema }}.{{ this.identifier }} {{ model.name }}/{{ model.config.materialized }}{% endmacro %}',
      'models/marts/orders.sql': "{{ config(alias='orders_v2', materialized='table') }}select '{{ this.identifier }}' as id, '{{ this.name }}' as n, '{{ me() }}' as m",
    });
    assert.equal(sqlOf(fixture, 'orders'), `select 'orders_v2' as id, 'orders_v2' as n, '"analytics"."orders_v2" analytics.orders_v2 orders/table' as m`);
  });

  test('model, target, project_name, graph and ref/source relations', () => {
    assertRenders([
      ['{{ model.unique_id }} {{ model.resource_type }} {{ model.package_name }} {{ model.original_file_path }}', 'model.case_0 model fixture models/case_0.sql'],
      ['{{ target.name }} {{ target.type }} {{ target.engine }} {{ target.schema }} {{ target.database }} {{ target.user }} {{ target.threads }} {{ target.profile_name }} {{ project_name }}', 'dev postgres pglite public postgres postgres 4 fixture fixture'],
      ["{{ graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') | map(attribute='name') | sort | join(',') }} {{ graph.sources.keys() | list }}", "case_0,case_1,case_2,case_3 ['source.raw.events']"],
      ["{{ source('raw', 'events').identifier }} {{ ref('case_0').name }} {{ ref('case_0') }} {{ builtins.ref('case_0') }}", 'events case_0 "public"."case_0" "public"."case_0"'],
    ]);
  });

  test('adapter.quote, api.Relation.create and its methods', () => {
    assertRenders([
      ['{{ adapter.quote(\'we"ird\') }}', '"we""ird"'],
      ["{% set r = api.Relation.create(database='db', schema='s', identifier='t') %}{{ r }} {{ r.include(schema=false) }} {{ r.incorporate(path={'identifier': 'u'}) }} {{ r.database }}", '"s"."t" "t" "s"."u" db'],
      ["{{ api.Relation.create(identifier='only') }} {{ api.Relation.create(schema='s', identifier='t') == api.Relation.create(schema='s', identifier='t') }}", '"only" True'],
    ]);
  });

  test('log, print and exceptions.warn go to the log with their file:line; raise_compiler_error fails at its line', () => {
    const fixture = compileJinja({
      'macros/say.sql': "{% macro say() %}\n{{ log('from macro', info=True) }}\n{% endmacro %}",
      'models/talk.sql': "select 1\n{{ log('debug only') }}{{ print('printed') }}\n{% do exceptions.warn('careful: ' ~ 2) %}{{ say() }}\n",
    });
    assert.equal(sqlOf(fixture, 'talk'), 'select 1\n\n\n\n\n');
    assert.deepEqual(fixture.logs.map((e) => [e.level, e.message, e.location?.file, e.location?.line, e.code]), [
      ['debug', 'debug only', 'models/talk.sql', 2, undefined],
      ['print', 'printed', 'models/talk.sql', 2, undefined],
      ['warn', 'careful: 2', 'models/talk.sql', 3, 'SPK151'],
      ['info', 'from macro', 'macros/say.sql', 2, undefined],
    ]);
    const [error] = renderErrors("select 1\n  {{ exceptions.raise_compiler_error('Invalid ' ~ 'column') }}");
    assert.deepEqual([error.code, error.message, error.location], ['SPK150', 'Invalid column', { file: 'models/m.sql', line: 2, column: 6 }]);
  });

  test('helpers: zip, range, dict, list, set, tojson, fromjson, toyaml, fromyaml, local_md5, invocation, flags, config.get', () => {
    assertRenders([
      ["{{ zip(['a', 'b'], [1, 2, 3]) | list }} {{ range(2, 8, 3) | list }} {{ dict(a=1) }} {{ dict([['k', 'v']]) }}", "[['a', 1], ['b', 2]] [2, 5] {'a': 1} {'k': 'v'}"],
      ["{{ list('ab') }} {{ set([1, 2, 1]) }} {{ tojson({'b': [1, none], 'a': true}) }} {{ tojson({'b': 1, 'a': 2}, sort_keys=true) }}", '[\'a\', \'b\'] [1, 2] {"b": [1, null], "a": true} {"a": 2, "b": 1}'],
      ["{{ fromjson('{\"a\": [1, 2]}').a[1] }} {{ fromjson('not json', 'fallback') }} {{ fromyaml('a: [1, 2]').a }} {{ toyaml({'a': 1}) | trim }}", '2 fallback [1, 2] a: 1'],
      ["{{ local_md5('sparkify') }} {{ invocation_id }} {{ run_started_at }} {{ flags.FULL_REFRESH }}", '382468d9cbbc15d96ac535e2084ca1ae 00000000-0000-0000-0000-000000000000 1970-01-01 00:00:00 False'],
      ["{{ var('nope', default='v') }} {{ var('start_day') }} {{ env_var('SURELY_UNSET_X', default='e') }}", 'v 1 e'],
      ["{{ config(materialized='table', unique_key='id') }}{{ config.get('unique_key') }} {{ config.get('missing', 'd') }} {{ config.require('materialized') }}", 'id d table'],
    ]);
  });

  test('invocation_id, run_started_at, datetime.now() and flags come from the compile input when given', () => {
    const root = writeProject({ 'models/when.sql': "select '{{ invocation_id }}' as id, '{{ run_started_at }}' as at, '{{ modules.datetime.datetime.now().isoformat() }}' as now, {{ flags.FULL_REFRESH }} as fr\n" });
    const project = loadProject(root, { env: {} });
    const { manifest } = compileProject({
      project, env: {}, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths),
      invocation: { id: 'run-42', startedAt: new Date('2024-05-06T07:08:09Z') }, flags: { FULL_REFRESH: true },
    });
    const node = manifest.nodes['model.when'];
    assert.ok(node.kind === 'model');
    assert.equal(node.compiledSql, "select 'run-42' as id, '2024-05-06 07:08:09' as at, '2024-05-06T07:08:09' as now, True as fr\n");
  });

  test('unknown config keys a macro reads through config.require are reported', () => {
    const [error] = renderErrors("{{ config.require('partition_by') }}");
    assert.equal(error.code, 'SPK150');
    assert.match(error.message, /config 'partition_by' is required/);
  });
});
