import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { countRows, editFile, sparkify, tableDigest, withWarehouse } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

// Materializations, incremental strategies and hooks through the real CLI on PGlite (issue 4).
const PROJECT = `name: mat
on_run_start: create table if not exists public.audit (seq serial primary key, event text, n bigint)
on_run_end:
  - "insert into public.audit (event, n) values ('end', 0)"
targets:
  dev:
    type: pglite
    path: .sparkify/dev
    schema: public
`;

const SOURCES = `sources:
  - name: raw
    tables:
      - name: events
        location: data/events
        jsonpaths: auto
        columns:
          - name: id
            type: integer
          - name: kind
            type: varchar(16)
`;

const MODELS: Record<string, string> = {
  'models/inc_append.sql': "{{ config(materialized='incremental') }}\nselect id, kind from {{ source('raw', 'events') }}\n"
    + '{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}\n',
  'models/inc_delete.sql': "{{ config(materialized='incremental', unique_key='id', incremental_strategy='delete+insert') }}\n"
    + "select id, kind from {{ source('raw', 'events') }}\n",
  'models/inc_merge.sql': "{{ config(materialized='incremental', unique_key=['id'], incremental_strategy='merge') }}\n"
    + "select id, kind from {{ source('raw', 'events') }}\n",
  'models/eph_a.sql': "{{ config(materialized='ephemeral') }}\nselect id, kind from {{ source('raw', 'events') }} where id <= 3\n",
  'models/eph_b.sql': "{{ config(materialized='ephemeral') }}\nwith odd as (select * from {{ ref('eph_a') }} where id % 2 = 1)\nselect id from odd\n",
  'models/uses_eph.sql': "select b.id, a.kind from {{ ref('eph_b') }} b join {{ ref('eph_a') }} a using (id)\n",
  'models/hooked.sql': "{{ config(pre_hook=\"insert into public.audit (event, n) values ('pre {{ this }}', 0)\",\n"
    + "  post_hook=[\"insert into public.audit (event, n) select 'post {{ this }}', count(*) from {{ this }}\"]) }}\n"
    + "select id from {{ ref('inc_merge') }}\n",
};

function writeProject(): string {
  const dir = tempDir('sparkify-mat-');
  for (const [path, text] of Object.entries({ 'project.yml': PROJECT, 'sources.yml': SOURCES, ...MODELS })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function writeEvents(dir: string, file: string, rows: [number, string][]): void {
  mkdirSync(join(dir, 'data/events'), { recursive: true });
  writeFileSync(join(dir, 'data/events', file), rows.map(([id, kind]) => JSON.stringify({ id, kind })).join('\n') + '\n');
}

const rowsOf = (dir: string, table: string) => withWarehouse(dir, async (db) =>
  (await db.query<{ id: number; kind: string }>(`select id, kind from public."${table}" order by id, kind`)).rows.map((r) => `${r.id}${r.kind}`));
const INCREMENTAL = ['inc_append', 'inc_delete', 'inc_merge'];

describe('incremental models, ephemeral models and hooks on PGlite', () => {
  let dir: string;
  before(() => {
    dir = writeProject();
    writeEvents(dir, '1.json', [[1, 'a'], [2, 'b'], [3, 'c']]);
  });

  test('the first build creates each incremental model in full', async () => {
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    for (const name of INCREMENTAL) assert.match(result.stdout, new RegExp(`OK created incremental model public\\.${name} \\.+ \\[SELECT 3 in`));
    for (const name of INCREMENTAL) assert.deepEqual(await rowsOf(dir, name), ['1a', '2b', '3c']);
  });

  test('each strategy, run twice over the same data, adds nothing', async () => {
    const digests = () => withWarehouse(dir, (db) => Promise.all(INCREMENTAL.map((t) => tableDigest(db, t))));
    const before = await digests();
    const result = sparkify(dir, ['build', '--select', ...INCREMENTAL]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /OK updated incremental model public\.inc_append \.+ \[INSERT 0 in/);
    assert.match(result.stdout, /OK updated incremental model public\.inc_merge \.+ \[MERGE 0 in/);
    assert.match(result.stdout, /OK updated incremental model public\.inc_delete \.+ \[INSERT 3 in/);
    assert.deepEqual(await digests(), before);
  });

  test('new and changed rows: append adds the new ones, delete+insert and merge also replace changed ones', async () => {
    writeEvents(dir, '1.json', [[1, 'a'], [2, 'B'], [3, 'c']]);
    writeEvents(dir, '2.json', [[4, 'd']]);
    const result = sparkify(dir, ['build', '--select', 'source:raw.events', ...INCREMENTAL]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.deepEqual(await rowsOf(dir, 'inc_append'), ['1a', '2b', '3c', '4d']);
    assert.deepEqual(await rowsOf(dir, 'inc_delete'), ['1a', '2B', '3c', '4d']);
    assert.deepEqual(await rowsOf(dir, 'inc_merge'), ['1a', '2B', '3c', '4d']);
    assert.match(result.stdout, /inc_merge \.+ \[MERGE 2 in/);
  });

  test('a batch holding a unique key twice fails, naming the key and a value, and changes nothing', async () => {
    writeEvents(dir, '3.json', [[5, 'e'], [5, 'f']]);
    const before = await withWarehouse(dir, (db) => tableDigest(db, 'inc_merge'));
    const result = sparkify(dir, ['build', '--select', 'source:raw.events', ...INCREMENTAL]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /new rows of incremental model inc_merge hold the same unique_key \(id\) more than once: id = 5, rows = 2 \[SPK510\]/);
    assert.match(result.stderr, /new rows of incremental model inc_delete hold the same unique_key \(id\) more than once: id = 5/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'inc_merge')), before);
    assert.deepEqual(await rowsOf(dir, 'inc_append'), ['1a', '2b', '3c', '4d', '5e', '5f'], 'append has no unique_key');
    rmSync(join(dir, 'data/events/3.json'));
    assert.equal(sparkify(dir, ['build', '--select', 'source:raw.events']).code, 0);
  });

  test('a changed model fails with a hint to --full-refresh, which rebuilds it', async () => {
    editFile(dir, 'models/inc_merge.sql', (t) => t.replace('select id, kind', 'select id, kind, 1 as version'));
    const failed = sparkify(dir, ['build', '--select', 'inc_merge']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /columns of incremental model inc_merge changed since its table was built: column = 'version', table_type = NULL, new_type = 'integer' \[SPK511\]/);
    assert.match(failed.stderr, /hint: rebuild it from scratch: sparkify build --select inc_merge --full-refresh/);
    const rebuilt = sparkify(dir, ['build', '--select', 'inc_merge', '--full-refresh']);
    assert.equal(rebuilt.code, 0, rebuilt.stderr + rebuilt.stdout);
    assert.match(rebuilt.stdout, /OK created incremental model public\.inc_merge \.+ \[SELECT 4 in/);
    const versions = await withWarehouse(dir, async (db) => (await db.query<{ n: number }>('select count(version)::int as n from public.inc_merge')).rows[0].n);
    assert.equal(versions, 4);
  });

  test('ephemeral models are inlined, never created, listed, and built alone build nothing', async () => {
    const relations = await withWarehouse(dir, async (db) =>
      (await db.query<{ relname: string }>("select relname from pg_class where relname like 'eph%' or relname like 'uses_eph%'")).rows.map((r) => r.relname));
    assert.deepEqual(relations, ['uses_eph']);
    assert.deepEqual(await withWarehouse(dir, async (db) => (await db.query<{ id: number; kind: string }>(
      'select id, kind from public.uses_eph order by id')).rows), [{ id: 1, kind: 'a' }, { id: 3, kind: 'c' }]);
    assert.deepEqual(sparkify(dir, ['ls', '--select', 'eph_a+']).stdout.trim().split('\n'), ['eph_a', 'eph_b', 'uses_eph']);
    const alone = sparkify(dir, ['build', '--select', 'eph_a', 'eph_b']);
    assert.equal(alone.code, 0, alone.stderr);
    assert.match(alone.stdout, /Nothing to build: eph_a, eph_b are ephemeral — inlined as a CTE into the models that ref them \(eph_b, uses_eph\)/);
    assert.doesNotMatch(alone.stdout, /Run id/);
    const compiled = sparkify(dir, ['compile', '--select', 'uses_eph']);
    assert.match(compiled.stdout, /with "__sparkify_cte__eph_a" as \(\nselect id, kind from "public"\."events" where id <= 3\n\),\n"__sparkify_cte__eph_b" as \(/);
  });

  test('hooks: on_run_start, pre_hook and post_hook in the model\'s transaction, on_run_end', async () => {
    await withWarehouse(dir, (db) => db.query('truncate public.audit'));
    const result = sparkify(dir, ['build', '--select', 'hooked']);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /OK ran on_run_start hooks of project\.yml/);
    assert.match(result.stdout, /OK ran on_run_end hooks of project\.yml/);
    const audit = () => withWarehouse(dir, async (db) =>
      (await db.query<{ event: string; n: number }>('select event, n::int as n from public.audit order by seq')).rows);
    assert.deepEqual(await audit(), [
      { event: 'pre "public"."hooked"', n: 0 }, { event: 'post "public"."hooked"', n: 4 }, { event: 'end', n: 0 },
    ]);
    const compiled = sparkify(dir, ['compile', '--select', 'hooked']);
    assert.match(compiled.stdout, /-- run\.on_run_start \(project\.yml\): on_run_start hooks of project\.yml\ncreate table if not exists public\.audit/);
    assert.match(compiled.stdout, /BEGIN;\n\ninsert into public\.audit \(event, n\) values \('pre "public"\."hooked"', 0\);/);
  });

  test('a failing post_hook rolls the model back with its pre_hook; on_run_end still runs', async () => {
    const before = await withWarehouse(dir, (db) => tableDigest(db, 'hooked'));
    await withWarehouse(dir, (db) => db.query('truncate public.audit'));
    editFile(dir, 'models/hooked.sql', (t) => t.replace('post_hook=[', 'post_hook=["select 1 / 0", '));
    const result = sparkify(dir, ['build', '--select', 'hooked']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /division by zero/);
    assert.equal(await withWarehouse(dir, (db) => tableDigest(db, 'hooked')), before);
    assert.deepEqual(await withWarehouse(dir, async (db) => (await db.query<{ event: string }>('select event from public.audit')).rows), [{ event: 'end' }]);
    assert.equal(await withWarehouse(dir, (db) => countRows(db, 'hooked')), 4);
  });
});
