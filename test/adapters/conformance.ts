/** The adapter suite (STYLE.md §10): the same cases on every engine we can start. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Adapter, Session } from '../../src/engines/adapter.js';
import { formatRows } from '../../src/cli/commands/show.js';
import { quoteIdentifier, quoteLiteral, quoteRelation } from '../../src/sql/quote.js';

/** An engine under test: how to open a fresh adapter on it and what its COPY reads from. */
export interface Engine {
  name: string;
  /** What follows FROM in COPY (as the engine's dialect writes it). */
  copySource: string;
  open(): Promise<Adapter>;
  /** Removes the engine's files or server once the suite is done. */
  dispose(): Promise<void>;
}

const SCHEMA = 'conformance';
const rel = (identifier: string) => quoteRelation({ schema: SCHEMA, identifier });

/** Registers the conformance cases for `engine`. */
export function adapterConformance(engine: Engine): void {
  describe(`adapter conformance on ${engine.name}`, () => {
    let adapter: Adapter;
    const session = <T>(work: (s: Session) => Promise<T>) => adapter.withSession(work);
    const rows = async (sql: string) => (await session((s) => s.execute(sql))).rows;
    const copy = (table: string, chunks: AsyncIterable<Buffer>) =>
      session((s) => s.copyFrom(`COPY ${rel(table)} FROM ${engine.copySource}`, chunks));

    before(async () => {
      adapter = await engine.open();
      await session((s) => s.execute(`CREATE SCHEMA ${quoteIdentifier(SCHEMA)}`));
    });
    after(async () => {
      await adapter?.close();
      await engine.dispose();
    });

    test('execute returns command tags, row counts, rows and column names in order', async () => {
      await session(async (s) => {
        assert.equal((await s.execute(`CREATE TABLE ${rel('tags')} (id int, name text)`)).command, 'CREATE');
        assert.deepEqual(pick(await s.execute(`INSERT INTO ${rel('tags')} VALUES (1, 'a'), (2, 'b'), (3, 'c')`)), ['INSERT', 3]);
        assert.deepEqual(pick(await s.execute(`UPDATE ${rel('tags')} SET name = upper(name) WHERE id < 3`)), ['UPDATE', 2]);
        assert.deepEqual(pick(await s.execute(`CREATE TABLE ${rel('tags_copy')} AS SELECT * FROM ${rel('tags')}`)), ['SELECT', 3]);
        assert.deepEqual(pick(await s.execute(`DELETE FROM ${rel('tags_copy')} WHERE id = 3`)), ['DELETE', 1]);
        const result = await s.execute(`SELECT name, id FROM ${rel('tags')} ORDER BY id`);
        assert.deepEqual(pick(result), ['SELECT', 3]);
        assert.deepEqual(result.columns, ['name', 'id']);
        assert.deepEqual(result.rows, [{ name: 'A', id: 1 }, { name: 'B', id: 2 }, { name: 'c', id: 3 }]);
      });
    });

    test('copyFrom streams several chunks and returns the rows copied', async () => {
      await rows(`CREATE TABLE ${rel('copied')} (id bigint, name text, score double precision)`);
      const chunks = ['1\tplain\t1.5\n2\t\\N\t\\N\n', '3\ttab\\there\\nnewline\t-0.25\n', '4\tback\\\\slash ü ✓\t1e+300\n'];
      assert.equal(await copy('copied', fromStrings(chunks)), 4);
      assert.deepEqual(await rows(`SELECT id::int, name, score FROM ${rel('copied')} ORDER BY id`), [
        { id: 1, name: 'plain', score: 1.5 },
        { id: 2, name: null, score: null },
        { id: 3, name: 'tab\there\nnewline', score: -0.25 },
        { id: 4, name: 'back\\slash ü ✓', score: 1e300 },
      ]);
      assert.equal(await copy('copied', fromStrings([])), 0, 'no chunks copy no rows');
    });

    test('a failing chunk source or a bad value rejects the copy, and ROLLBACK leaves the table as it was', async () => {
      await rows(`CREATE TABLE ${rel('guarded')} (id int)`);
      await rows(`INSERT INTO ${rel('guarded')} VALUES (1)`);
      const inTransaction = (chunks: AsyncIterable<Buffer>) => session(async (s) => {
        await s.execute('BEGIN');
        try {
          return await s.copyFrom(`COPY ${rel('guarded')} FROM ${engine.copySource}`, chunks);
        } finally {
          await s.execute('ROLLBACK');
        }
      });
      await assert.rejects(inTransaction(failingAfter(['2\n3\n'], new Error('bad record at log.json:3:1'))), /bad record at log\.json:3:1/);
      await assert.rejects(inTransaction(fromStrings(['4\n', 'four\n'])), (error: { code?: string }) => error.code === '22P02');
      assert.deepEqual(await rows(`SELECT id FROM ${rel('guarded')}`), [{ id: 1 }]);
    });

    test('relationKind tells tables, views and missing relations apart', async () => {
      await rows(`CREATE TABLE ${rel('kind_table')} (id int)`);
      await rows(`CREATE VIEW ${rel('kind_view')} AS SELECT 1 AS id`);
      await rows(`CREATE MATERIALIZED VIEW ${rel('kind_matview')} AS SELECT 1 AS id`);
      const kind = (identifier: string) => adapter.relationKind({ schema: SCHEMA, identifier });
      assert.equal(await kind('kind_table'), 'table');
      assert.equal(await kind('kind_view'), 'view');
      assert.equal(await kind('kind_matview'), 'view');
      assert.equal(await kind('kind_missing'), undefined);
      assert.equal(await adapter.relationKind({ schema: 'no_such_schema', identifier: 'kind_table' }), undefined);
    });

    test('a failed statement inside BEGIN aborts the transaction and ROLLBACK undoes its DDL', async () => {
      await session(async (s) => {
        await s.execute('BEGIN');
        await s.execute(`CREATE TABLE ${rel('rolled_back')} (id int)`);
        await s.execute(`INSERT INTO ${rel('rolled_back')} VALUES (1)`);
        await assert.rejects(s.execute('SELECT 1/0'), { code: '22012' });
        await assert.rejects(s.execute('SELECT 1'), { code: '25P02' }, 'the transaction is aborted');
        await s.execute('ROLLBACK');
      });
      assert.equal(await adapter.relationKind({ schema: SCHEMA, identifier: 'rolled_back' }), undefined);
    });

    test('a database error keeps its position, code, detail and hint', async () => {
      const sql = 'SELECT 1 AS one,\n  missing_column AS two';
      const error = await rejection(rows(sql));
      assert.equal(Number(error.position), sql.indexOf('missing_column') + 1);
      assert.equal(error.code, '42703');
      await rows(`CREATE TABLE ${rel('unique_ids')} (id int PRIMARY KEY)`);
      const duplicate = await rejection(rows(`INSERT INTO ${rel('unique_ids')} VALUES (1), (1)`));
      assert.equal(duplicate.code, '23505');
      assert.match(String(duplicate.detail), /Key \(id\)=\(1\) already exists/);
      const hinted = await rejection(rows('SELECT length(1, 2, 3)'));
      assert.match(String(hinted.hint), /No function matches/);
    });

    test('? and $1 inside literals, comments and quoted names pass through untouched', async () => {
      const sql = `-- a comment with ? and $1
        SELECT '?' AS q, '$1' AS d, 'a ?? b ?| c' AS ops, $$dollar ? $1 $2$$ AS dq, E'\\\\?' AS escaped,
               1 AS "col?$1" /* ? $1 */`;
      assert.deepEqual(await rows(sql), [{ q: '?', d: '$1', ops: 'a ?? b ?| c', dq: 'dollar ? $1 $2', escaped: '\\?', 'col?$1': 1 }]);
      assert.deepEqual(await rows(`SELECT '{"a":1}'::jsonb ? 'a' AS has_a`), [{ has_a: true }], 'the jsonb ? operator itself');
    });

    test('int8 values come back exact, never as a rounded number, and show prints them', async () => {
      const [row] = await rows(`SELECT 9223372036854775807::int8 AS max, (-9223372036854775808)::int8 AS min,
        9007199254740993::int8 AS past_double, 1541106106796::int8 AS ts`);
      const expected = { max: 9223372036854775807n, min: -9223372036854775808n, past_double: 9007199254740993n, ts: 1541106106796n };
      for (const [name, value] of Object.entries(expected)) {
        // PostgreSQL gives a BigInt always; PGlite gives a number while it is a safe integer.
        const actual = row[name];
        assert.ok(typeof actual === 'bigint' || Number.isSafeInteger(actual), `${name} is ${typeof actual} ${actual}`);
        assert.equal(BigInt(actual as bigint), value, name);
      }
      assert.match(formatRows(['past_double'], [row], 'table'), /\| 9007199254740993 \|/);
      assert.match(formatRows(['past_double'], [row], 'json'), /"past_double": "9007199254740993"/);
      assert.match(formatRows(['past_double'], [row], 'csv'), /^past_double\n9007199254740993\n$/);
    });

    test('timestamps and dates without a zone read as UTC', async () => {
      const [row] = await rows(`SELECT timestamp '2018-11-01 21:01:46.796' AS ts, date '2020-02-29' AS day`);
      assert.equal((row.ts as Date).toISOString(), '2018-11-01T21:01:46.796Z');
      assert.equal((row.day as Date).toISOString(), '2020-02-29T00:00:00.000Z');
    });

    test('injection-shaped identifiers and literals round-trip through src/sql/quote.ts', async () => {
      const names = [`we"ird`, `x"); DROP TABLE students; --`, `it's`, '?', '$1', 'ünï cödé', 'two  spaces'];
      const values = [`O'Brien`, `'); DROP TABLE students; --`, 'back\\slash', '$$ ? $1 $$', '/* not a comment */', 'ünï ✓', "''"];
      const table = `t"; DROP SCHEMA ${SCHEMA}; --`;
      const columns = names.map((n) => `${quoteIdentifier(n)} text`).join(', ');
      await rows(`CREATE TABLE ${rel(table)} (${columns})`);
      await rows(`INSERT INTO ${rel(table)} VALUES (${values.map(quoteLiteral).join(', ')})`);
      assert.equal(await adapter.relationKind({ schema: SCHEMA, identifier: table }), 'table');
      const result = await session((s) => s.execute(`SELECT * FROM ${rel(table)}`));
      assert.deepEqual(result.columns, names);
      assert.deepEqual(result.rows, [Object.fromEntries(names.map((n, i) => [n, values[i]]))]);
    });

    test('a session is released when its work throws', async () => {
      for (let i = 0; i < 6; i++) await assert.rejects(session(async () => Promise.reject(new Error(`work ${i}`))), /work \d/);
      assert.deepEqual(await rows('SELECT 1 AS ok'), [{ ok: 1 }]);
    });

    test('sessions run at once on separate connections when the adapter says it can, one by one otherwise', async () => {
      if (!adapter.capabilities.multipleConnections) {
        // One connection: the second session must wait until the first one is released.
        const events: string[] = [];
        const first = session(async () => {
          events.push('first start');
          await new Promise((resolve) => setTimeout(resolve, 50));
          events.push('first end');
        });
        const second = session(async () => {
          events.push('second start');
        });
        await Promise.all([first, second]);
        assert.deepEqual(events, ['first start', 'first end', 'second start']);
        return;
      }
      const pid = (s: Session) => s.execute('SELECT pg_backend_pid() AS pid').then((r) => r.rows[0].pid);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = session(async (s) => [await pid(s), await gate][0]);
      const second = session(async (s) => {
        const own = await pid(s);
        release();
        return own;
      });
      const [a, b] = await Promise.all([first, second]);
      assert.notEqual(a, b);
    });
  });
}

function pick(result: { command: string; rowCount: number | null }): [string, number | null] {
  return [result.command, result.rowCount];
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  assert.fail('expected the statement to fail');
}

async function* fromStrings(chunks: string[]): AsyncIterable<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk);
}

async function* failingAfter(chunks: string[], error: Error): AsyncIterable<Buffer> {
  yield* fromStrings(chunks);
  throw error;
}
