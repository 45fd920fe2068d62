/**
 * Issue 4: a failure injected after each statement of each materialization's plan. Whatever k, the
 * target is always the old complete relation or the new complete one (compared by digest), never
 * missing, empty or partial; and the next build succeeds with the right rows. Seeds (a changed CSV)
 * and snapshots (the first run, where the old state is no table, and a later run with changed and
 * vanished keys, compared as whole histories) are cases like the models.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Adapter } from '../../src/engines/adapter.js';
import { compileProject } from '../../src/compile/compile-project.js';
import type { Manifest } from '../../src/manifest/manifest.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { planRun, stateRequest } from '../../src/kinds/plan-run.js';
import type { SourceFeed } from '../../src/run/run-context.js';
import { executePlans } from '../../src/kinds/execute-plans.js';
import { executeRun } from '../../src/kinds/execute-run.js';
import { readWarehouseState } from '../../src/run/read-warehouse-state.js';
import { loadProject } from '../../src/project/index.js';
import { openSeedFeed } from '../../src/seeds/seed-feed.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { readSnapshotFiles } from '../../src/snapshots/snapshot-files.js';
import { writeProject } from '../compile/fixture.js';
import { FailingAdapter } from './failing-adapter.js';

/** Reads a relation from outside the build (a connection of its own). */
export interface Reader {
  /** The digest of `rows` (default: every row of `relation`), as digestSql computes it. */
  digest(relation: string, rows?: string): Promise<string>;
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

/** md5 of every row (of `rows`, by default the relation's) as text, sorted: equal digests mean equal relations. */
export function digestSql(relation: string, rows = `select * from public."${relation}"`): string {
  return `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), '')) as digest from (${rows}) t`;
}

/** What a digest reads as when the relation does not exist (a snapshot before its first run). */
export const ABSENT = 'absent';
/** A read's error as a digest: ABSENT for a missing relation, otherwise the error itself. */
export function digestOfError(error: Error): string {
  return /^relation "[^"]+" does not exist$/.test(error.message) ? ABSENT : `error: ${error.message}`;
}

/**
 * A snapshot's history with its run times replaced by their rank among all times in the table
 * (0: NULL), so that runs at other times give the same rows: old history and new history compare
 * by digest like tables do, across resets and retries. scd_id is a hash of the key and the time:
 * only its presence counts.
 */
function historySql(relation: string): string {
  const rank = (column: string) => `(select count(*) from times where times.v <= h.${column}) as ${column}`;
  return `with h as (select * from public."${relation}"),
times as (select distinct v from h cross join lateral (values (h.valid_from), (h.valid_to), (h.snapshot_updated_at)) as x(v) where v is not null)
select h.id, h.kind, ${['valid_from', 'valid_to', 'snapshot_updated_at'].map(rank).join(', ')}, h.scd_id is not null as scd_id from h`;
}

const EMPTY = 'd41d8cd98f00b204e9800998ecf8427e'; // md5('')
// Relations a run builds aside; a source's load ledger and consumption tables (issue 12) are meant to stay.
const SIDE_RELATIONS = "SELECT relname FROM pg_class WHERE relname LIKE '%sparkify%' AND relname !~ '__sparkify_(ledger|consumed)$'";
const SOURCE = "{{ source('raw', 'events') }}";
const models = (suffix: string) => ({
  'models/tbl.sql': `select id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/vw.sql': `{{ config(materialized='view') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_merge.sql': `{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_delete.sql': `{{ config(materialized='incremental', unique_key='id', incremental_strategy='delete+insert') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
  'models/inc_append.sql': `{{ config(materialized='incremental', incremental_strategy='append') }}\nselect id, kind || '${suffix}' as kind from ${SOURCE}\n`,
});
// Type-2 history of the source's rows, in the same file in both builds: what changes is the source's rows.
const snapshot = `{{ config(strategy='check', unique_key='id', check_cols=['kind'], hard_deletes='invalidate') }}\nselect id, kind from ${SOURCE}\n`;
const project = (suffix: string, seed: string) => ({
  ...models(suffix),
  'seeds/seed.csv': seed,
  'snapshots/snap_first.sql': snapshot,
  'snapshots/snap_later.sql': snapshot,
});

/** A compiled fixture project and its folder (where its seed CSV files are read from at run time). */
interface Fixture {
  manifest: Manifest;
  root: string;
}

/** Compiles a fixture project as the CLI does: models, seeds and snapshots. */
function compileWithSeeds(files: Record<string, string>): Fixture {
  const root = writeProject(files);
  const loaded = loadProject(root, { env: {} });
  const { modelPaths, macroPaths, snapshotPaths } = loaded.config;
  const { manifest } = compileProject({
    project: loaded, env: {}, files: readProjectFiles(root, modelPaths, macroPaths),
    seeds: readSeedFiles(root), snapshots: readSnapshotFiles(root, snapshotPaths),
  });
  return { manifest, root };
}

const OLD = compileWithSeeds(project('', 'id,name\n1,a\n2,b\n3,c\n'));
const NEW = compileWithSeeds(project('!', 'id,name\n1,A\n2,b\n4,d\n5,e\n'));
// snap_first is not built here: its case is the first run.
const ALL = ['source.raw.events', 'model.tbl', 'model.vw', 'model.inc_merge', 'model.inc_delete', 'model.inc_append', 'seed.seed', 'snapshot.snap_later'];
const ROWS_OLD = '1\ta\n2\tb\n3\tc\n';
const ROWS_NEW = '1\tA\n2\tb\n4\td\n5\te\n';

/**
 * What each case rebuilds: the node, the project and source rows of its second build; `setup`, a
 * build run after the reset (the old state of the case); `rows`, what is compared (default: the relation's rows).
 */
interface Case {
  name: string;
  id: string;
  relation: string;
  project: Fixture;
  rows: string;
  setup?: { ids: string[]; rows: string };
  digestRows?: string;
}
const CASES: Case[] = [
  // Each load stamps its rows with its own load id (issue 12's ledger): the rows compare without it.
  { name: 'a source load', id: 'source.raw.events', relation: 'events', project: OLD, rows: ROWS_NEW, digestRows: 'select id, kind from public."events"' },
  { name: 'a table model', id: 'model.tbl', relation: 'tbl', project: NEW, rows: ROWS_OLD },
  { name: 'a view model', id: 'model.vw', relation: 'vw', project: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (merge)', id: 'model.inc_merge', relation: 'inc_merge', project: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (delete+insert)', id: 'model.inc_delete', relation: 'inc_delete', project: NEW, rows: ROWS_OLD },
  { name: 'an incremental model (append)', id: 'model.inc_append', relation: 'inc_append', project: NEW, rows: ROWS_OLD },
  { name: 'a seed whose CSV changed', id: 'seed.seed', relation: 'seed', project: NEW, rows: ROWS_OLD },
  // Before the first run there is no table: the reader sees none or the complete new one.
  { name: "a snapshot's first run", id: 'snapshot.snap_first', relation: 'snap_first', project: OLD, rows: ROWS_OLD, digestRows: historySql('snap_first') },
  // The source changed since the first run: key 1 changed, 2 did not, 3 vanished (invalidate), 4 and 5 are new.
  {
    name: "a snapshot's later run (changed and vanished keys)", id: 'snapshot.snap_later', relation: 'snap_later', project: OLD, rows: ROWS_NEW,
    setup: { ids: ['source.raw.events'], rows: ROWS_NEW }, digestRows: historySql('snap_later'),
  },
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
    const digest = async (c: Case) => {
      try {
        return (await adapter.withSession((s) => s.execute(digestSql(c.relation, c.digestRows)))).rows[0].digest as string;
      } catch (error) {
        if (digestOfError(error as Error) === ABSENT) return ABSENT;
        throw error;
      }
    };
    // Sources read the given rows; seeds their project's CSV file, as the CLI's openFeed does.
    const runOptions = (on: Adapter, { manifest, root }: Fixture, rows: string) => ({
      adapter: on, manifest, threads: 1, filesOf: () => ({ runFile: 'x.sql' }),
      openFeed: (id: string): SourceFeed => {
        // A source's second COPY fills its load ledger (issue 12): no file was read here, so no ledger row.
        if (id.endsWith('#ledger')) return feedOf('')();
        const node = manifest.nodes[id];
        return node?.kind === 'seed' ? openSeedFeed(root, node) : feedOf(rows)();
      },
      reporter: { started() {}, finished() {} }, steps: { finished() {} },
    });
    const planOf = async (manifest: Manifest, ids: string[], runId: string) =>
      planRun(manifest, ids, dialect, { runId, state: await readWarehouseState(adapter, dialect, stateRequest(manifest, ids)) });
    const build = async (fixture: Fixture, ids: string[], rows: string, runId: string) => {
      const { results } = await executeRun(await planOf(fixture.manifest, ids, runId), runOptions(adapter, fixture, rows));
      for (const r of results) assert.equal(r.status, 'success', `${r.id}: ${r.message}`);
    };
    /** Everything rebuilt from scratch with the old models and rows, then the case's setup: the state each k starts from. */
    const reset = async (c: Case) => {
      await adapter.withSession(async (s) => {
        await s.execute('DROP SCHEMA IF EXISTS public CASCADE');
        await s.execute('CREATE SCHEMA public');
      });
      await build(OLD, ALL, ROWS_OLD, 'old00000');
      if (c.setup) await build(OLD, c.setup.ids, c.setup.rows, 'setup000');
    };

    before(async () => {
      adapter = await engine.open();
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
      for (const { root } of [OLD, NEW]) rmSync(root, { recursive: true, force: true });
    });

    for (const c of CASES) {
      test(`${c.name}: old or new complete at every k, and the next build succeeds`, async () => {
        await reset(c);
        const before = await digest(c);
        await build(c.project, [c.id], c.rows, 'new00000');
        const after = await digest(c);
        assert.notEqual(before, after, 'the second build changes the relation');
        for (const d of [before, after]) assert.notEqual(d, EMPTY);
        assert.notEqual(after, ABSENT);
        await reset(c);
        const statements = (await planOf(c.project.manifest, [c.id], 'fail0000')).nodes[0].statements.length;
        assert.ok(statements >= 4, `${statements} statements`);

        const seenAll = new Set<string>();
        for (let k = 1; k <= statements; k++) {
          await reset(c);
          const seen = await injectFailure(k, c);
          for (const d of seen) seenAll.add(d);
          const states = new Set([before, after]);
          for (const d of seen) assert.ok(states.has(d), `k=${k}: a reader saw ${d}, neither the old (${before}) nor the new (${after}) ${c.relation}`);
          const now = await digest(c);
          assert.ok(states.has(now), `k=${k}: after the failure ${c.relation} is ${now}`);
          await build(c.project, [c.id], c.rows, `retry${String(k).padStart(3, '0')}`);
          // An append that had committed before the failure appends again: that is what append means.
          if (!(c.id === 'model.inc_append' && now === after)) assert.equal(await digest(c), after, `k=${k}: the next build`);
          assert.deepEqual((await adapter.withSession((s) => s.execute(SIDE_RELATIONS))).rows, [], `k=${k}: no side relations left`);
        }
        // The reader was live: it saw the old relation, and the new one once a failure came after COMMIT.
        if (engine.reader) assert.deepEqual([...seenAll].sort(), [before, after].sort());
      });
    }

    /** Runs the case's plan, failing after statement k; returns the digests a second connection read meanwhile. */
    async function injectFailure(k: number, c: Case): Promise<string[]> {
      const plan = (await planOf(c.project.manifest, [c.id], 'fail0000')).nodes[0];
      const reader = await engine.reader?.();
      const seen: string[] = [];
      let stop = false;
      let reads = 0;
      const poll = (async () => {
        while (reader && !stop) {
          seen.push(await reader.digest(c.relation, c.digestRows).catch(digestOfError));
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
        const [result] = await executePlans({ ...runOptions(failing, c.project, c.rows), plans: [plan] });
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
