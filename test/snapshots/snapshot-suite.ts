/** Snapshot runs planned and executed on every engine we can start (PGlite, PostgreSQL). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Adapter } from '../../src/engines/adapter.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import { executeRun } from '../../src/kinds/execute-run.js';
import type { NodeResult } from '../../src/run/node-result.js';
import { readWarehouseState } from '../../src/run/read-warehouse-state.js';
import type { Engine } from '../adapters/conformance.js';
import { compileSnapshotFixture } from './fixture.js';

const snapshot = (config: string, from: string) => `{{ config(${config}) }}\nselect * from ${from}\n`;
const { manifest } = compileSnapshotFixture({
  'snapshots/ts.sql': snapshot("strategy='timestamp', unique_key='id', updated_at='updated_at'", 'public.src_ts'),
  'snapshots/chk.sql': snapshot("strategy='check', unique_key='id', check_cols=['a']", 'public.src_chk'),
  'snapshots/chk_all.sql': snapshot("strategy='check', unique_key='id', check_cols='all'", 'public.src_all'),
  'snapshots/inv.sql': snapshot("strategy='check', unique_key='id', check_cols=['a'], invalidate_hard_deletes=true", 'public.src_inv'),
  'snapshots/rec.sql': snapshot("strategy='check', unique_key='id', check_cols=['a'], hard_deletes='new_record'", 'public.src_rec'),
  'snapshots/dup.sql': snapshot("strategy='check', unique_key=['id'], check_cols='all'", 'public.src_dup'),
  'snapshots/wide.sql': snapshot("strategy='check', unique_key='id', check_cols=['a']", 'public.src_wide'),
  'snapshots/cur.sql': snapshot("strategy='check', unique_key='id', check_cols=['a'], valid_to_current=\"timestamp '9999-12-31'\"", 'public.src_cur'),
  'snapshots/named.sql': snapshot("strategy='check', unique_key='id', check_cols=['a'], hard_deletes='new_record', "
    + "snapshot_meta_column_names={'valid_from': 'start_at', 'valid_to': 'end_at', 'scd_id': 'row_key', 'updated_at': 'seen_at', 'is_deleted': 'gone'}", 'public.src_named'),
});

/** Registers the cases for `engine`. */
export function snapshotSuite(engine: Engine): void {
  describe(`snapshots on ${engine.name}`, () => {
    let adapter: Adapter;
    let run = 0;
    const dialect = new PostgresDialect(engine.name, engine.copySource);
    const sql = (text: string) => adapter.withSession((s) => s.execute(text));
    const rows = async (text: string) => (await sql(text)).rows;
    /** One `sparkify snapshot --select <name>`: reads the state, plans, executes. */
    const snap = async (name: string): Promise<NodeResult> => {
      const ids = [`snapshot.${name}`];
      const state = await readWarehouseState(adapter, dialect, stateRequest(manifest, ids));
      const plan = planRun(manifest, ids, dialect, { runId: `run${String(++run).padStart(5, '0')}`, state });
      const { results } = await executeRun(plan, {
        adapter, manifest, threads: 1, openFeed: () => assert.fail('no sources'), filesOf: () => ({ runFile: 'x.sql' }),
        reporter: { started() {}, finished() {} }, steps: { finished() {} },
      });
      return results[0];
    };
    const ok = async (name: string, message: string) => {
      const result = await snap(name);
      assert.deepEqual([result.status, result.message], ['success', message], JSON.stringify(result.diagnostics));
    };
    /** The history of a snapshot: id, a value, whether current, ordered. */
    const history = (table: string, value = 'a') => rows(
      `select id, ${value} as v, valid_to is null as current from public.${table} order by id, valid_from, valid_to nulls last`);

    before(async () => {
      adapter = await engine.open();
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
    });

    test('timestamp: the first run copies the rows; a changed row closes at the new updated_at and opens; unchanged adds nothing', async () => {
      await sql("create table public.src_ts (id int, name text, updated_at timestamp)");
      await sql("insert into public.src_ts values (1, 'a', '2024-01-01'), (2, 'b', '2024-01-01'), (3, 'c', '2024-01-01')");
      await ok('ts', 'SELECT 3');
      assert.deepEqual(await rows('select id, valid_from::text as vf, valid_to from public.ts order by id'), [
        { id: 1, vf: '2024-01-01 00:00:00', valid_to: null }, { id: 2, vf: '2024-01-01 00:00:00', valid_to: null }, { id: 3, vf: '2024-01-01 00:00:00', valid_to: null },
      ]);
      await ok('ts', 'INSERT 0');
      await sql("update public.src_ts set name = 'B', updated_at = '2024-02-01' where id = 2");
      await sql("update public.src_ts set name = 'C' where id = 3"); // updated_at unchanged: not a change for this strategy
      await ok('ts', 'INSERT 1');
      assert.deepEqual(await rows(`select id, name, valid_from::text as vf, valid_to::text as vt, snapshot_updated_at::text as upd
        from public.ts where id = 2 order by valid_from`), [
        { id: 2, name: 'b', vf: '2024-01-01 00:00:00', vt: '2024-02-01 00:00:00', upd: '2024-01-01 00:00:00' },
        { id: 2, name: 'B', vf: '2024-02-01 00:00:00', vt: null, upd: '2024-02-01 00:00:00' },
      ]);
      await ok('ts', 'INSERT 0');
      assert.deepEqual(await rows('select count(*)::int as n, count(distinct scd_id)::int as ids from public.ts'), [{ n: 4, ids: 4 }]);
    });

    test('check with check_cols: only those columns count, compared null-safely; valid_to of the old row is valid_from of the new', async () => {
      await sql('create table public.src_chk (id int, a text, b text)');
      await sql("insert into public.src_chk values (1, null, 'x'), (2, 'p', 'x'), (3, 'q', 'x')");
      await ok('chk', 'SELECT 3');
      await sql("update public.src_chk set b = 'changed'"); // not a check column
      await ok('chk', 'INSERT 0');
      await sql("update public.src_chk set a = case id when 1 then 'now set' when 2 then null else a end");
      await ok('chk', 'INSERT 2');
      assert.deepEqual(await history('chk'), [
        { id: 1, v: null, current: false }, { id: 1, v: 'now set', current: true },
        { id: 2, v: 'p', current: false }, { id: 2, v: null, current: true }, { id: 3, v: 'q', current: true },
      ]);
      assert.deepEqual(await rows(`select count(*)::int as n from public.chk o join public.chk n
        on n.id = o.id and o.valid_to = n.valid_from`), [{ n: 2 }]);
      await ok('chk', 'INSERT 0');
    });

    test("check_cols='all': any column counts, NULL equals NULL", async () => {
      await sql('create table public.src_all (id int, a text, b int)');
      await sql("insert into public.src_all values (1, 'x', null), (2, 'y', 1)");
      await ok('chk_all', 'SELECT 2');
      await ok('chk_all', 'INSERT 0');
      await sql('update public.src_all set b = 2 where id = 2');
      await ok('chk_all', 'INSERT 1');
      assert.deepEqual(await history('chk_all', 'b'), [{ id: 1, v: null, current: true }, { id: 2, v: 1, current: false }, { id: 2, v: 2, current: true }]);
    });

    test('hard_deletes invalidate (legacy invalidate_hard_deletes): a vanished key is closed, a returning key opens anew', async () => {
      await sql('create table public.src_inv (id int, a text)');
      await sql("insert into public.src_inv values (1, 'x'), (2, 'y')");
      await ok('inv', 'SELECT 2');
      await sql('delete from public.src_inv where id = 2');
      await ok('inv', 'INSERT 0');
      assert.deepEqual(await history('inv'), [{ id: 1, v: 'x', current: true }, { id: 2, v: 'y', current: false }]);
      await ok('inv', 'INSERT 0');
      await sql("insert into public.src_inv values (2, 'y')");
      await ok('inv', 'INSERT 1');
      assert.deepEqual(await history('inv'), [{ id: 1, v: 'x', current: true }, { id: 2, v: 'y', current: false }, { id: 2, v: 'y', current: true }]);
    });

    test('hard_deletes new_record: a deletion row, once; a returning key closes it and opens a row', async () => {
      await sql('create table public.src_rec (id int, a text)');
      await sql("insert into public.src_rec values (1, 'x'), (2, 'y')");
      await ok('rec', 'SELECT 2');
      assert.deepEqual(await rows('select distinct is_deleted from public.rec'), [{ is_deleted: false }]);
      await sql('delete from public.src_rec where id = 2');
      await ok('rec', 'INSERT 0');
      await ok('rec', 'INSERT 0');
      const deleted = () => rows('select a, is_deleted, valid_to is null as current from public.rec where id = 2 order by valid_from');
      assert.deepEqual(await deleted(), [{ a: 'y', is_deleted: false, current: false }, { a: 'y', is_deleted: true, current: true }]);
      assert.deepEqual(await rows(`select count(*)::int as n from public.rec o join public.rec d
        on d.id = o.id and d.is_deleted and o.valid_to = d.valid_from`), [{ n: 1 }]);
      await sql("insert into public.src_rec values (2, 'y')");
      await ok('rec', 'INSERT 1');
      assert.deepEqual(await deleted(), [
        { a: 'y', is_deleted: false, current: false }, { a: 'y', is_deleted: true, current: false }, { a: 'y', is_deleted: false, current: true },
      ]);
      await ok('rec', 'INSERT 0');
    });

    test('a query returning a unique_key twice fails, naming the key and the value, and leaves the table as it was', async () => {
      await sql('create table public.src_dup (id int, a text)');
      await sql("insert into public.src_dup values (1, 'x'), (2, 'y')");
      await ok('dup', 'SELECT 2');
      const before = await rows('select * from public.dup order by id');
      await sql("insert into public.src_dup values (2, 'z'), (3, 'new')");
      const failed = await snap('dup');
      assert.equal(failed.status, 'error');
      assert.match(failed.message, /query of snapshot dup returns a unique_key \(id\) that is NULL or occurs more than once: id = 2, rows = '?2'?/);
      assert.equal(failed.diagnostics?.[0].code, 'SPK710');
      assert.deepEqual(await rows('select * from public.dup order by id'), before);
    });

    test('a column added to the query is added to the table; earlier rows hold NULL in it', async () => {
      await sql('create table public.src_wide (id int, a text)');
      await sql("insert into public.src_wide values (1, 'x')");
      await ok('wide', 'SELECT 1');
      await sql('alter table public.src_wide add column extra int');
      await sql("update public.src_wide set a = 'y', extra = 7");
      await sql("insert into public.src_wide values (2, 'z', 8)");
      await ok('wide', 'INSERT 2');
      assert.deepEqual(await rows('select id, a, extra from public.wide order by id, valid_from'), [
        { id: 1, a: 'x', extra: null }, { id: 1, a: 'y', extra: 7 }, { id: 2, a: 'z', extra: 8 },
      ]);
      await ok('wide', 'INSERT 0');
    });

    test('valid_to_current: current rows hold it instead of NULL, and still count as current', async () => {
      await sql('create table public.src_cur (id int, a text)');
      await sql("insert into public.src_cur values (1, 'x'), (2, 'y')");
      await ok('cur', 'SELECT 2');
      await ok('cur', 'INSERT 0');
      await sql("update public.src_cur set a = 'x2' where id = 1");
      await ok('cur', 'INSERT 1');
      assert.deepEqual(await rows("select id, a, valid_to = timestamp '9999-12-31' as current, valid_to is null as open from public.cur order by id, valid_from"), [
        { id: 1, a: 'x', current: false, open: false }, { id: 1, a: 'x2', current: true, open: false }, { id: 2, a: 'y', current: true, open: false },
      ]);
    });

    test('snapshot_meta_column_names renames every meta column', async () => {
      await sql('create table public.src_named (id int, a text)');
      await sql("insert into public.src_named values (1, 'x'), (2, 'y')");
      await ok('named', 'SELECT 2');
      await sql("update public.src_named set a = 'x2' where id = 1");
      await sql('delete from public.src_named where id = 2');
      await ok('named', 'INSERT 1');
      assert.deepEqual((await rows(`select column_name from information_schema.columns where table_name = 'named' order by ordinal_position`)).map((r) => r.column_name),
        ['id', 'a', 'row_key', 'seen_at', 'start_at', 'end_at', 'gone']);
      assert.deepEqual(await rows('select id, a, gone, end_at is null as current from public.named order by id, start_at'), [
        { id: 1, a: 'x', gone: false, current: false }, { id: 1, a: 'x2', gone: false, current: true },
        { id: 2, a: 'y', gone: false, current: false }, { id: 2, a: 'y', gone: true, current: true },
      ]);
    });
  });
}
