/** Planned rebuilds executed on every engine we can start: state reading, swaps, incremental runs. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Adapter } from '../../src/engines/adapter.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import type { RunPlan } from '../../src/kinds/plan-run.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import { executeRun } from '../../src/kinds/execute-run.js';
import type { NodeResult } from '../../src/run/node-result.js';
import { readWarehouseState } from '../../src/run/read-warehouse-state.js';
import { compileFixture } from '../compile/fixture.js';
import type { Engine } from './conformance.js';

const { manifest } = compileFixture({
  'models/base.sql': "select id, kind from {{ source('raw', 'events') }}\n",
  'models/inc_merge.sql': "{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\n"
    + "select id, kind from {{ source('raw', 'events') }}\n",
});
const IDS = ['model.base', 'model.inc_merge'];

/** Registers the cases for `engine` (the PostgreSQL dialect: PGlite and PostgreSQL). */
export function materializationSuite(engine: Engine): void {
  describe(`planned rebuilds on ${engine.name}`, () => {
    let adapter: Adapter;
    const dialect = new PostgresDialect(engine.name, engine.copySource);
    const sql = (text: string) => adapter.withSession((s) => s.execute(text));
    const rows = async (text: string) => (await sql(text)).rows;
    const build = async (runId: string): Promise<{ run: RunPlan; results: NodeResult[] }> => {
      const state = await readWarehouseState(adapter, dialect, stateRequest(manifest, IDS));
      const run = planRun(manifest, IDS, dialect, { runId, state });
      const outcome = await executeRun(run, {
        adapter, manifest, threads: 1, openFeed: () => assert.fail('no sources'), filesOf: () => ({ runFile: 'x.sql' }),
        reporter: { started() {}, finished() {} }, steps: { finished() {} },
      });
      return { run, results: outcome.results };
    };

    before(async () => {
      adapter = await engine.open();
      await sql('CREATE TABLE public.events (id integer, kind varchar(16))');
      await sql("INSERT INTO public.events VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
    });

    test('a first build: nothing exists, both models are built in full', async () => {
      const { run, results } = await build('first001');
      assert.deepEqual(results.map((r) => [r.id, r.status, r.message]), [['model.base', 'success', 'SELECT 3'], ['model.inc_merge', 'success', 'SELECT 3']]);
      assert.equal(run.cleanup, undefined);
    });

    test('the state holds kinds, columns, dependent views (qualified) and leftovers', async () => {
      await sql('CREATE VIEW public.v_base AS SELECT kind FROM base WHERE id > 1');
      await sql('CREATE VIEW public.v_count AS SELECT count(*) AS n FROM public.v_base');
      await sql('CREATE TABLE public.base__sparkify_new_dead0000 (x int)');
      const state = await readWarehouseState(adapter, dialect, stateRequest(manifest, IDS));
      assert.ok(state.serverVersion! >= 150000, String(state.serverVersion));
      const base = state.relations['["public","base"]'];
      assert.equal(base.kind, 'table');
      assert.deepEqual(base.dependentViews!.map((v) => v.relation.identifier), ['v_base']);
      assert.match(base.dependentViews![0].definition, /FROM public\.base/);
      assert.deepEqual(state.relations['["public","inc_merge"]'].columns, [{ name: 'id', type: 'integer' }, { name: 'kind', type: 'character varying(16)' }]);
      assert.deepEqual(state.leftovers, [{ relation: { schema: 'public', identifier: 'base__sparkify_new_dead0000' }, kind: 'table' }]);
    });

    test('a rebuild re-points the views, merges the new rows and drops the leftover', async () => {
      await sql("UPDATE public.events SET kind = 'B' WHERE id = 2");
      await sql("INSERT INTO public.events VALUES (4, 'd')");
      const { run, results } = await build('second02');
      assert.ok(run.cleanup);
      assert.deepEqual(results.map((r) => [r.id, r.status, r.message]), [['model.base', 'success', 'SELECT 4'], ['model.inc_merge', 'success', 'MERGE 2']]);
      assert.deepEqual(await rows('SELECT kind FROM public.v_base ORDER BY kind'), [{ kind: 'B' }, { kind: 'c' }, { kind: 'd' }]);
      assert.deepEqual(await rows('SELECT n::int FROM public.v_count'), [{ n: 3 }]);
      assert.deepEqual(await rows('SELECT id, kind FROM public.inc_merge ORDER BY id'),
        [{ id: 1, kind: 'a' }, { id: 2, kind: 'B' }, { id: 3, kind: 'c' }, { id: 4, kind: 'd' }]);
      assert.deepEqual(await rows("SELECT relname FROM pg_class WHERE relname LIKE '%sparkify%'"), []);
    });

    test('a batch with a unique key twice fails with the key and a value, and leaves the table', async () => {
      await sql("INSERT INTO public.events VALUES (5, 'e'), (5, 'f')");
      const { results } = await build('third003');
      const merge = results.find((r) => r.id === 'model.inc_merge')!;
      assert.equal(merge.status, 'error');
      assert.match(merge.message, /unique_key \(id\) more than once: id = 5, rows = '?2'?/);
      assert.deepEqual(await rows('SELECT count(*)::int AS n FROM public.inc_merge'), [{ n: 4 }]);
    });
  });
}
