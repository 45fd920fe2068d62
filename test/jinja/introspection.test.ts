/**
 * A run-time render (execute true) on a real PGlite: statement/load_result, run_query,
 * adapter.get_relation and adapter.get_columns_in_relation answered through the Introspector,
 * the render suspended and retried per question; the SQL it produces runs on the same database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { compileProject, type CompileInput } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { renderModelForRun } from '../../src/compile/render-for-run.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { IntrospectionSession, renderIntrospecting, type Introspector } from '../../src/jinja/context/introspection.js';
import { sqlIntrospector } from '../../src/jinja/context/sql-introspector.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';

const PIVOT = `{%- set columns = adapter.get_columns_in_relation(source('raw', 'events')) -%}
{%- set existing = adapter.get_relation(database=target.database, schema=target.schema, identifier='events') -%}
{%- call statement('kinds', fetch_result=True) -%}
  select distinct kind from {{ source('raw', 'events') }} order by kind
{%- endcall -%}
{%- set kinds = load_result('kinds')['data'] | map(attribute=0) | list if execute else [] -%}
{%- set total = run_query('select count(*) as n from ' ~ source('raw', 'events')).columns[0].values()[0] if execute else 0 -%}
select
  {%- for kind in kinds %}
  count(*) filter (where kind = '{{ kind }}') as {{ kind }}_events,
  {%- endfor %}
  {{ total }} as total_events,
  {{ columns | map(attribute='name') | list | length }} as source_columns,
  '{{ existing.is_table if existing else 'none' }}' as events_is_table,
  '{{ (columns | selectattr('name', 'equalto', 'kind') | first).data_type if columns else 'unknown' }}' as kind_type
from {{ source('raw', 'events') }}
`;

describe('introspection at run time', () => {
  let db: PGlite;
  let introspector: Introspector;
  let input: CompileInput;

  before(async () => {
    db = new PGlite();
    await db.exec("create table public.events (id integer, kind varchar(16)); insert into public.events values (1, 'click'), (2, 'view'), (3, 'click');");
    introspector = sqlIntrospector(async (sql, params) => {
      const result = await db.query<unknown[]>(sql, params, { rowMode: 'array' });
      return { columns: result.fields.map((f) => ({ name: f.name })), rows: result.rows };
    });
    const root = writeProject({ 'models/pivot.sql': PIVOT, 'models/plain.sql': 'select 1 as one\n' });
    const project = loadProject(root, { env: {} });
    input = { project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {} };
  });

  after(async () => {
    await db.close();
  });

  test('compile renders the pure branch and marks the model; the run renders it with answers from the warehouse', async () => {
    const { manifest } = compileProject(input);
    const compiled = manifest.nodes['model.pivot'];
    assert.ok(compiled.kind === 'model');
    assert.equal(compiled.introspects, true);
    assert.match(compiled.compiledSql, /0 as total_events,\n  0 as source_columns,\n  'none' as events_is_table,\n  'unknown' as kind_type/);

    const run = await renderModelForRun({ compile: input, manifest, introspector }, 'pivot');
    assert.equal(run.compiledSql, `select
  count(*) filter (where kind = 'click') as click_events,
  count(*) filter (where kind = 'view') as view_events,
  3 as total_events,
  2 as source_columns,
  'True' as events_is_table,
  'character varying(16)' as kind_type
from "public"."events"
`);
    assert.deepEqual(run.asked.map((q) => q.kind), ['columns', 'relation', 'query', 'query']);
    const built = await db.query<{ click_events: number; view_events: number; total_events: number }>(run.compiledSql);
    assert.deepEqual(built.rows[0], { click_events: 2, view_events: 1, total_events: 3, source_columns: 2, events_is_table: 'True', kind_type: 'character varying(16)' });
  });

  test('a run-time render of a model that refs an ephemeral model inlines it and leaves the manifest as it was', async () => {
    const root = writeProject({
      'models/base.sql': "{{ config(materialized='ephemeral') }}select 1 as id\n",
      'models/counted.sql': "{% set n = run_query('select count(*) from ' ~ ref('plain')).rows[0][0] if execute else 0 %}select id, {{ n }} as n from {{ ref('base') }}\n",
      'models/plain.sql': 'select 1 as one\n',
    });
    const project = loadProject(root, { env: {} });
    const ephemeralInput = { project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {} };
    const { manifest } = compileProject(ephemeralInput);
    await db.exec('create table if not exists public.plain as select 1 as one');
    const before = JSON.stringify(manifest);
    const run = await renderModelForRun({ compile: ephemeralInput, manifest, introspector }, 'counted');
    assert.equal(run.compiledSql, 'with "__sparkify_cte__base" as (\nselect 1 as id\n)\nselect id, 1 as n from "__sparkify_cte__base"\n');
    assert.deepEqual(run.asked, [{ kind: 'query', sql: 'select count(*) from "public"."plain"' }]);
    assert.equal(JSON.stringify(manifest), before);
  });

  test('each question is asked once; a render that keeps asking stops with SPK155', async () => {
    let queries = 0;
    const counting: Introspector = { ...introspector, query: async (sql) => { queries++; return introspector.query(sql); } };
    const session = new IntrospectionSession();
    const answer = await renderIntrospecting((s) => {
      const a = s.answer({ kind: 'query', sql: 'select 1' }) as { rows: unknown[][] };
      const b = s.answer({ kind: 'query', sql: 'select 1' }) as { rows: unknown[][] };
      return `${String(a.rows[0][0])}${String(b.rows[0][0])}`;
    }, counting, session);
    assert.equal(answer, '11');
    assert.equal(queries, 1);
    await assert.rejects(
      renderIntrospecting((s) => String(s.answer({ kind: 'query', sql: `select ${s.asked.length}` })), introspector, new IntrospectionSession(), 5),
      (error: unknown) => error instanceof SparkifyError && error.diagnostics[0].code === 'SPK155',
    );
  });

  test('a template error in the run-time render is a diagnostic at its line', async () => {
    const root = writeProject({ 'models/bad.sql': "{% if execute %}\n{{ run_query('select 1').rows[0][0] + 'x' }}\n{% endif %}select 1\n" });
    const project = loadProject(root, { env: {} });
    const badInput = { project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {} };
    const { manifest } = compileProject(badInput);
    await assert.rejects(renderModelForRun({ compile: badInput, manifest, introspector }, 'bad'), (error: unknown) => {
      assert.ok(error instanceof SparkifyError);
      assert.deepEqual([error.diagnostics[0].code, error.diagnostics[0].location?.line], ['SPK110', 2]);
      assert.match(error.diagnostics[0].message, /unsupported operand type\(s\) for \+: 'int' and 'str'/);
      return true;
    });
  });
});
