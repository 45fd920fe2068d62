/**
 * Issue 4: a failure injected after each statement of each materialization's plan. Whatever k, the
 * target is always the old complete relation or the new complete one (compared by digest), never
 * missing, empty or partial; and the next build succeeds with the right rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { Manifest } from '../../src/compile/manifest.js';
import { PostgresDialect } from '../../src/plan/postgres-dialect.js';
import { planRun, stateRequest } from '../../src/plan/run-plan.js';
import type { SourceFeed } from '../../src/run/execute-plans.js';
import { executePlans } from '../../src/run/execute-plans.js';
import { executeRun } from '../../src/run/execute-run.js';
import { readWarehouseState } from '../../src/run/read-warehouse-state.js';
import { compileFixture } from '../compile/fixture.js';
import { FailingAdapter } from './failing-adapter.js';

/** Reads a relation from outside the build (a connection of its own). */
export interface Reader {
  digest(relation: string): Promise<string>;
  close(): Promise<void>;
}

/** An engine under test; `reader` is absent where no second connection can read during a build (PGlite). */
export interface ReliabilityEngine {
  name: string;
  copySource: string;
  open(): Promise<Adapter>;
  reader?(): Promise<Reader>;
  dispose(): Promise<void>;
}

/** md5 of every row as text, sorted: equal digests mean equal relations. */
export function digestSql(relation: string): string {
  return `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as digest from public."${relation}" t`;
}

const EMPTY = 'd41d8cd98f00b204e9800998ecf8427e'; // md5('')
const SOURCE = "{{ source('raw', 'events') }}";
const models = (suffix: string) => ({
  'models/tbl.sql': `select id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/vw.sql': `{{ config(materialized='view') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_merge.sql': `{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_delete.sql': `{{ config(materialized='incremental', unique_key='id', incremental_strategy='delete+insert') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_append.sql': `{{ config(materialized='incremental', incremental_strategy='append') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
});
const OLD = compileFixture(models('')).manifest;
const NEW = compileFixture(models('!')).manifest;
const ALL = ['source.raw.events', 'model.tbl', 'model.vw', 'model.inc_merge', 'model.inc_delete', 'model.inc_append'];
const ROWS_OLD = '1\ta\n2\tb\n3\tc\n';
const ROWS_NEW = '1\tA\n2\tb\n4\td\n5\te\n';

/** What each case rebuilds: the node, the manifest and source rows of its second build. */
const CASES: { name: string; id: string; relation: string; manifest: Manifest; rows: string }[] = [
  { name: 'a source load', id: 'source.raw.events', relation: 'events', manifest: OLD, rows: ROWS_NEW },
  { name: 'a table model', id: 'model.tbl', relation: 'tbl', manifest: NEW, rows: ROWS_OLD },
  { name: 'a view model', id: 'model.vw', relation: 'vw', manifest: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (merge)', id: 'model.inc_merge', relation: 'inc_merge', manifest: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (delete+insert)', id: 'model.inc_delete', relation: 'inc_delete', manifest: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (append)', id: 'model.inc_append', relation: 'inc_append', manifest: NEW, rows: ROWS_OLD },
];

function feedOf(rows: string): () => SourceFeed {
  return () => ({
    stats: { files: 1, rows: rows.split('\n').length - 1, bytes: rows.length, rejected: [] },
    async *chunks() {
      yield Buffer.from(rows);
    },
  });
}

/** Registers the failure-injection cases for `engine`. */
export function failureInjectionSuite(engine: ReliabilityEngine): void {
  describe(`a failure after each statement on ${engine.name}`, () => {
    let adapter: Adapter;
    const dialect = new PostgresDialect(engine.name, engine.copySource);
    const digest = async (relation: string) => (await adapter.withSession((s) => s.execute(digestSql(relation)))).rows[0].digest as string;
    const runOptions = (on: Adapter, manifest: Manifest, rows: string) => ({
      adapter: on, manifest, threads: 1, openFeed: feedOf(rows), filesOf: () => ({ runFile: 'x.sql' }),
      reporter: { started() {}, finished() {} }, steps: { finished() {} },
    });
    const planOf = async (manifest: Manifest, ids: string[], runId: string) =>
      planRun(manifest, ids, dialect, { runId, state: await readWarehouseState(adapter, dialect, stateRequest(manifest, ids)) });
    const build = async (manifest: Manifest, ids: string[], rows: string, runId: string) => {
      const { results } = await executeRun(await planOf(manifest, ids, runId), runOptions(adapter, manifest, rows));
      for (const r of results) assert.equal(r.status, 'success', `${r.id}: ${r.message}`);
    };
    /** Everything rebuilt from scratch with the old models and rows: the state each k starts from. */
    const reset = async () => {
      await adapter.withSession(async (s) => {
        await s.execute('DROP SCHEMA IF EXISTS public CASCADE');
        await s.execute('CREATE SCHEMA public');
      });
      await build(OLD, ALL, ROWS_OLD, 'old00000');
    };

    before(async () => {
      adapter = await engine.open();
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
    });

    for (const c of CASES) {
      test(`${c.name}: old or new complete at every k, and the next build succeeds`, async () => {
        await reset();
        const before = await digest(c.relation);
        await build(c.manifest, [c.id], c.rows, 'new00000');
        const after = await digest(c.relation);
        assert.notEqual(before, after, 'the second build changes the relation');
        for (const d of [before, after]) assert.notEqual(d, EMPTY);
        await reset();
        const statements = (await planOf(c.manifest, [c.id], 'fail0000')).nodes[0].statements.length;
        assert.ok(statements >= 4, `${statements} statements`);

        const seenAll = new Set<string>();
        for (let k = 1; k <= statements; k++) {
          await reset();
          const seen = await injectFailure(k, c);
          for (const d of seen) seenAll.add(d);
          const states = new Set([before, after]);
          for (const d of seen) assert.ok(states.has(d), `k=${k}: a reader saw ${d}, neither the old (${before}) nor the new (${after}) ${c.relation}`);
          const now = await digest(c.relation);
          assert.ok(states.has(now), `k=${k}: after the failure ${c.relation} is ${now}`);
          await build(c.manifest, [c.id], c.rows, `retry${String(k).padStart(3, '0')}`);
          // An append that had committed before the failure appends again: that is what append means.
          if (!(c.id === 'model.inc_append' && now === after)) assert.equal(await digest(c.relation), after, `k=${k}: the next build`);
          assert.deepEqual((await adapter.withSession((s) => s.execute("SELECT relname FROM pg_class WHERE relname LIKE '%sparkify%'"))).rows, [], `k=${k}: no side relations left`);
        }
        // The reader was live: it saw the old relation, and the new one once a failure came after COMMIT.
        if (engine.reader) assert.deepEqual([...seenAll].sort(), [before, after].sort());
      });
    }

    /** Runs the case's plan, failing after statement k; returns the digests a second connection read meanwhile. */
    async function injectFailure(k: number, c: (typeof CASES)[number]): Promise<string[]> {
      const plan = (await planOf(c.manifest, [c.id], 'fail0000')).nodes[0];
      const reader = await engine.reader?.();
      const seen: string[] = [];
      let stop = false;
      let reads = 0;
      const poll = (async () => {
        while (reader && !stop) {
          seen.push(await reader.digest(c.relation).catch((error: Error) => `error: ${error.message}`));
          reads++;
        }
      })();
      // Between statements, wait for one more read (unless it waits on the build's lock).
      const readBetween = async () => {
        if (!reader) return;
        const target = reads + 2;
        const deadline = Date.now() + 100;
        while (reads < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
      };
      const failing = new FailingAdapter(adapter, k, readBetween);
      try {
        const [result] = await executePlans({ ...runOptions(failing, c.manifest, c.rows), plans: [plan] });
        assert.equal(result.status, 'error', `k=${k}`);
        assert.match(result.message, new RegExp(`injected failure after statement ${k}`));
        assert.equal(failing.statements, k);
      } finally {
        stop = true;
        await poll;
        await reader?.close();
      }
      if (reader) assert.ok(seen.length >= 1, 'the reader read');
      return seen;
    }
  });
}
