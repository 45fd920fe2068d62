/**
 * The scenarios of issue 15 ("Redshift as AWS documents it"), run on every engine we can start, so
 * that what test/redshift/ checks against AWS's documentation is shown to hold on PGlite and
 * PostgreSQL too: a user's bound views over a rebuilt table, a view model whose columns changed,
 * `jsonpaths: auto` and `auto ignorecase`, capitalised names, schemas created only when missing,
 * trailing blanks. (The COPY REGION and the Redshift load-error views have no PostgreSQL counterpart:
 * they are golden-checked only, in test/redshift/.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import type { Adapter } from '../../src/engines/adapter.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { executeRun } from '../../src/kinds/execute-run.js';
import { planRun, stateRequest, type RunPlan } from '../../src/kinds/plan-run.js';
import { errorFilesOf, feedOpener } from '../../src/kinds/run-io.js';
import { VARIANTS } from '../../src/plan/materializations/incremental.js';
import { VIEW_VARIANTS } from '../../src/plan/materializations/view.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import type { NodeResult } from '../../src/run/node-result.js';
import { readWarehouseState } from '../../src/run/read-warehouse-state.js';
import { SNAPSHOT_VARIANTS } from '../../src/snapshots/plan-snapshot.js';
import { readSnapshotFiles } from '../../src/snapshots/snapshot-files.js';
import { writeProject } from '../compile/fixture.js';
import type { Engine } from './conformance.js';

/** An engine of the suite; `openAs` connects as another user (PostgreSQL only: PGlite has one connection). */
export interface AgreementEngine extends Engine {
  openAs?(user: string, password: string): Promise<Adapter>;
}

/** A compiled fixture project and the folder it lives in (its data files are read from there). */
interface Project {
  root: string;
  compiled: CompiledProject;
}

/** sources.yml with one table `name` (location data/<name>) of columns id and `second`. */
function sources(name: string, jsonpaths = 'auto', second = 'kind varchar(16)'): string {
  const [column, ...type] = second.split(' ');
  return `sources:\n  - name: raw\n    tables:\n      - name: ${name}\n        location: data/${name}\n        jsonpaths: ${jsonpaths}\n`
    + `        columns:\n          - {name: id, type: integer}\n          - {name: ${column}, type: ${type.join(' ')}}\n`;
}

function project(files: Record<string, string>): Project {
  const root = writeProject(files);
  const loaded = loadProject(root, { env: {} });
  const { modelPaths, macroPaths, snapshotPaths, testPaths } = loaded.config;
  const compiled = compileProject({
    project: loaded, env: {}, files: readProjectFiles(root, modelPaths, macroPaths),
    dataTests: readDataTestFiles(root, [...modelPaths, ...snapshotPaths], testPaths), snapshots: readSnapshotFiles(root, snapshotPaths),
  });
  return { root, compiled };
}

/** Registers the scenarios for `engine` (the PostgreSQL dialect: PGlite and PostgreSQL). */
export function agreementSuite(engine: AgreementEngine): void {
  describe(`issue 15 scenarios on ${engine.name}`, () => {
    let adapter: Adapter;
    let runs = 0;
    const dialect = new PostgresDialect(engine.name, engine.copySource);
    const sql = (text: string, on = adapter) => on.withSession((s) => s.execute(text));
    const rows = async (text: string) => (await sql(text)).rows;
    const state = (p: Project, ids: string[], on = adapter): Promise<WarehouseState> => readWarehouseState(on, dialect, stateRequest(p.compiled.manifest, ids));
    /** One `sparkify build --select ids`: state, plan, execute (as build-run.ts does). */
    const build = async (p: Project, ids: string[], on = adapter, known?: WarehouseState): Promise<{ run: RunPlan; results: NodeResult[] }> => {
      const { manifest } = p.compiled;
      const run = planRun(manifest, ids, dialect, { runId: `agree${String(++runs).padStart(3, '0')}`, state: known ?? await state(p, ids, on) });
      const outcome = await executeRun(run, {
        adapter: on, manifest, threads: 1, filesOf: errorFilesOf(manifest),
        openFeed: feedOpener(manifest, { root: p.root, signal: new AbortController().signal, progress: process.stderr }),
        reporter: { started() {}, finished() {} }, steps: { finished() {} },
      });
      return { run, results: outcome.results };
    };
    const succeeded = (results: NodeResult[]) => {
      for (const r of results) assert.equal(r.status, 'success', `${r.id}: ${r.message} ${JSON.stringify(r.diagnostics ?? [])}`);
    };
    const privilege = async (role: string, relation: string) =>
      (await rows(`SELECT has_table_privilege('${role}', '${relation}', 'SELECT') AS ok`))[0].ok;

    before(async () => {
      adapter = await engine.open();
      await sql('CREATE ROLE sparkify_reader');
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
    });

    test('1. a rebuilt table keeps a user\'s bound views, the views on them, and the privileges others hold on it and them', async () => {
      const p = project({ 'sources.yml': sources('deps_events'), 'models/deps_base.sql': "select id, kind from {{ source('raw', 'deps_events') }}\n" });
      await sql('CREATE TABLE public.deps_events (id integer, kind varchar(16))');
      await sql("INSERT INTO public.deps_events VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      succeeded((await build(p, ['model.deps_base'])).results);
      await sql('CREATE VIEW public.deps_v AS SELECT kind FROM public.deps_base WHERE id > 1');
      await sql('CREATE VIEW public.deps_top AS SELECT count(*) AS n FROM public.deps_v');
      await sql('GRANT SELECT ON public.deps_base TO sparkify_reader');
      await sql('GRANT SELECT ON public.deps_v TO sparkify_reader');
      const known = await state(p, ['model.deps_base']);
      const base = known.relations['["public","deps_base"]'];
      assert.deepEqual(base.dependentViews?.map((v) => v.relation.identifier), ['deps_v']);
      assert.deepEqual(base.grants, [{ grantee: 'sparkify_reader', granteeKind: 'user', privileges: ['SELECT'], grantable: [] }]);
      await sql("INSERT INTO public.deps_events VALUES (4, 'd')");
      succeeded((await build(p, ['model.deps_base'], adapter, known)).results);
      assert.deepEqual(await rows('SELECT n::int AS n FROM public.deps_top'), [{ n: 3 }]);
      assert.equal(await privilege('sparkify_reader', 'public.deps_base'), true, 'the rebuilt table keeps the grant');
      assert.equal(await privilege('sparkify_reader', 'public.deps_v'), true, 'the re-pointed view keeps its grant');
      // A view made after the catalog was read is not known to the plan: the build fails, loudly, and changes nothing.
      const stale = await state(p, ['model.deps_base']);
      await sql('CREATE VIEW public.deps_late AS SELECT id FROM public.deps_base');
      await sql("INSERT INTO public.deps_events VALUES (5, 'e')");
      const { results } = await build(p, ['model.deps_base'], adapter, stale);
      assert.equal(results[0].status, 'error');
      assert.match(results[0].message, /depend/);
      assert.deepEqual(await rows('SELECT count(*)::int AS n FROM public.deps_late'), [{ n: 4 }], 'rolled back: the old table, still 4 rows');
    });

    test('2. a view model whose columns changed is built aside and swapped in, its grants and the views that read it kept', async () => {
      const files = (view: string) => ({
        'sources.yml': sources('vc_events'),
        'models/vc_base.sql': "select id, kind from {{ source('raw', 'vc_events') }}\n",
        'models/vc_view.sql': `{{ config(materialized='view') }}\n${view}\n`,
      });
      await sql('CREATE TABLE public.vc_events (id integer, kind varchar(16))');
      await sql("INSERT INTO public.vc_events VALUES (1, 'a'), (2, 'b')");
      succeeded((await build(project(files("select id, kind from {{ ref('vc_base') }}")), ['model.vc_base', 'model.vc_view'])).results);
      await sql('GRANT SELECT ON public.vc_view TO sparkify_reader');
      await sql('CREATE VIEW public.vc_user AS SELECT id FROM public.vc_view');
      // What CREATE OR REPLACE VIEW would do with the new query: refuse it.
      await assert.rejects(sql("CREATE OR REPLACE VIEW public.vc_view AS SELECT id, upper(kind) AS kind_upper, kind FROM public.vc_base"),
        /cannot change name of view column|cannot drop columns from view/);
      const changed = project(files("select id, upper(kind) as kind_upper, kind from {{ ref('vc_base') }}"));
      const { run, results } = await build(changed, ['model.vc_view']);
      succeeded(results);
      assert.equal(run.nodes[0].variant, VIEW_VARIANTS.replace);
      assert.deepEqual(await rows('SELECT * FROM public.vc_view ORDER BY id'), [{ id: 1, kind_upper: 'A', kind: 'a' }, { id: 2, kind_upper: 'B', kind: 'b' }]);
      assert.deepEqual(await rows('SELECT id FROM public.vc_user ORDER BY id'), [{ id: 1 }, { id: 2 }]);
      assert.equal(await privilege('sparkify_reader', 'public.vc_view'), true);
      // A change the user's view cannot follow (it reads id) fails the build and leaves the view as it was.
      const broken = await build(project(files("select kind from {{ ref('vc_base') }}")), ['model.vc_view']);
      assert.equal(broken.results[0].status, 'error');
      assert.deepEqual((await sql('SELECT * FROM public.vc_view LIMIT 0')).columns, ['id', 'kind_upper', 'kind']);
    });

    test('3. jsonpaths: auto matches keys case-sensitively (a camelCase key leaves its column NULL, with SPK305); auto ignorecase fills it', async () => {
      const data = { 'data/keys_events/a.json': '{"id": 1, "sessionId": 7}\n{"id": 2, "sessionId": 8}\n' };
      const strict = project({ ...data, 'sources.yml': sources('keys_events', 'auto', 'sessionid integer') });
      const loaded = await build(strict, ['source.raw.keys_events']);
      succeeded(loaded.results);
      assert.deepEqual(await rows('SELECT id, sessionid FROM public.keys_events ORDER BY id'), [{ id: 1, sessionid: null }, { id: 2, sessionid: null }]);
      assert.deepEqual(loaded.results[0].warnings?.map((w) => [w.code, w.location?.file, w.location?.line]), [['SPK305', 'sources.yml', 9]]);
      assert.match(loaded.results[0].warnings![0].message, /the closest key is 'sessionId'/);
      const lenient = project({ ...data, 'sources.yml': sources('keys_events', 'auto ignorecase', 'sessionid integer') });
      const again = await build(lenient, ['source.raw.keys_events']);
      succeeded(again.results);
      assert.equal(again.results[0].warnings, undefined);
      assert.deepEqual(await rows('SELECT id, sessionid FROM public.keys_events ORDER BY id'), [{ id: 1, sessionid: 7 }, { id: 2, sessionid: 8 }]);
    });

    test('4. capitalised model, snapshot and column names: the second run finds them (incremental run, later snapshot run)', async () => {
      const p = project({
        'sources.yml': sources('caps_events'),
        'models/DimCaps.sql': "{{ config(materialized='incremental', unique_key='UserId') }}\nselect id as \"UserId\", kind as \"Kind\" from {{ source('raw', 'caps_events') }}\n",
        'snapshots/SnapCaps.sql': "{{ config(strategy='check', unique_key='UserId', check_cols=['Kind']) }}\nselect * from {{ ref('DimCaps') }}\n",
      });
      const ids = ['model.DimCaps', 'snapshot.SnapCaps'];
      await sql('CREATE TABLE public.caps_events (id integer, kind varchar(16))');
      await sql("INSERT INTO public.caps_events VALUES (1, 'free'), (2, 'paid')");
      const first = await build(p, ids);
      succeeded(first.results);
      await sql("UPDATE public.caps_events SET kind = 'paid' WHERE id = 1");
      const second = await build(p, ids);
      succeeded(second.results);
      assert.deepEqual(second.run.nodes.map((n) => n.variant), [VARIANTS.incremental, SNAPSHOT_VARIANTS.later]);
      // PostgreSQL keeps a quoted name's case: the relations are "DimCaps" and "SnapCaps".
      assert.deepEqual(await rows('SELECT "UserId", "Kind" FROM public."DimCaps" ORDER BY 1'), [{ UserId: 1, Kind: 'paid' }, { UserId: 2, Kind: 'paid' }]);
      assert.deepEqual(await rows('SELECT "UserId", "Kind", valid_to IS NULL AS current FROM public."SnapCaps" ORDER BY 1, valid_from'), [
        { UserId: 1, Kind: 'free', current: false }, { UserId: 1, Kind: 'paid', current: true }, { UserId: 2, Kind: 'paid', current: true },
      ]);
    });

    test('5. a schema is created once, before the nodes, only while the catalog says it is missing; public never', async () => {
      const p = project({ 'models/in_schema.sql': "{{ config(schema='agree_analytics') }}\nselect 1 as id\n", 'models/in_public.sql': 'select 1 as id\n' });
      const ids = ['model.in_schema', 'model.in_public'];
      const first = await build(p, ids);
      succeeded(first.results);
      assert.deepEqual(first.run.schemas?.statements.map((s) => s.sql), ['CREATE SCHEMA IF NOT EXISTS "agree_analytics"']);
      assert.ok(first.run.nodes.every((plan) => plan.statements.every((s) => !/CREATE SCHEMA/.test(s.sql))), 'no node creates a schema');
      const second = await build(p, ids);
      succeeded(second.results);
      assert.equal(second.run.schemas, undefined, 'the catalog says it exists now');
      assert.deepEqual(await rows('SELECT id FROM agree_analytics.in_schema'), [{ id: 1 }]);
    });

    test('5b. a deploy user without the privilege to create schemas builds into a schema that exists (PostgreSQL checks it before IF NOT EXISTS)', { skip: !engine.openAs }, async () => {
      await sql('CREATE SCHEMA agree_deploy');
      await sql("CREATE ROLE agree_deployer LOGIN PASSWORD 'deploy-pass'");
      await sql('GRANT USAGE, CREATE ON SCHEMA agree_deploy TO agree_deployer');
      const deployer = await engine.openAs!('agree_deployer', 'deploy-pass');
      try {
        // What every node used to start with: refused, though the schema exists.
        await assert.rejects(sql('CREATE SCHEMA IF NOT EXISTS agree_deploy', deployer), { code: '42501' });
        const p = project({ 'models/deployed.sql': "{{ config(schema='agree_deploy') }}\nselect 1 as id\n" });
        const built = await build(p, ['model.deployed'], deployer);
        succeeded(built.results);
        assert.equal(built.run.schemas, undefined);
      } finally {
        await deployer.close();
      }
    });

    test('8. trailing blanks are significant in PostgreSQL\'s varchar comparisons (Redshift ignores them): a snapshot sees the change, the unique key check two keys', async () => {
      const p = project({
        'snapshots/blank_snap.sql': "{{ config(strategy='check', unique_key='id', check_cols=['level']) }}\nselect id, level from public.blank_src\n",
        'models/blank_keys.sql': "{{ config(materialized='incremental', unique_key='k') }}\nselect k from public.blank_keys_src\n",
      });
      await sql('CREATE TABLE public.blank_src (id integer, level varchar(8))');
      await sql("INSERT INTO public.blank_src VALUES (1, 'paid')");
      await sql('CREATE TABLE public.blank_keys_src (k varchar(8))');
      await sql("INSERT INTO public.blank_keys_src VALUES ('a'), ('a ')");
      succeeded((await build(p, ['snapshot.blank_snap', 'model.blank_keys'])).results);
      await sql("UPDATE public.blank_src SET level = 'paid '");
      const { results } = await build(p, ['snapshot.blank_snap', 'model.blank_keys']);
      succeeded(results);
      assert.equal(results[0].message, 'INSERT 1');
      assert.deepEqual(await rows('SELECT count(*)::int AS n FROM public.blank_snap'), [{ n: 2 }], "'paid ' is a new version on PostgreSQL");
      assert.deepEqual(await rows('SELECT count(*)::int AS n FROM public.blank_keys'), [{ n: 2 }], "'a' and 'a ' are two keys on PostgreSQL");
    });
  });
}
