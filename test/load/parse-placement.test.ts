/**
 * Issue 13: records parsed in a worker thread come out exactly as in the main thread, with the
 * same stats, rejections, errors and progress, and stopping early stops the worker.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generateSample } from '../../scripts/generate/generate.js';
import { PGlite } from '@electric-sql/pglite';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import type { SourceTable } from '../../src/project/types.js';
import { openSourceStream } from '../../src/load/index.js';
import type { LoadOptions, LoadProgress } from '../../src/load/types.js';
import { columns, load, repoRoot, sourceTable, tempProject } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

let dataRoot: string;
let tables: SourceTable[];

before(() => {
  dataRoot = tempDir('sparkify-placement-');
  generateSample({ out: path.join(dataRoot, 'data'), scale: 3, seed: 2018 });
  tables = loadProject(repoRoot(), { varsText: JSON.stringify({ data_root: path.join(dataRoot, 'data') }), env: {} }).sources;
});
after(() => rmSync(dataRoot, { recursive: true, force: true }));

test('the project sources load byte for byte alike in the main thread and in a worker', async () => {
  for (const table of tables) {
    // Songs: small chunks, copied across; events: chunks past 64 KiB, whose memory is transferred.
    const options: LoadOptions = { root: dataRoot, chunkBytes: table.name === 'staging_songs' ? 4096 : 70 * 1024 };
    const main = await load(table, { ...options, parseIn: 'main' });
    const worker = await load(table, { ...options, parseIn: 'worker' });
    assert.ok(main.stats.rows >= 60, `${table.name}: ${main.stats.rows} rows`);
    assert.equal(worker.text, main.text, table.name);
    assert.deepEqual(worker.stats, main.stats, table.name);
    assert.ok(worker.chunks.length > 1, 'several chunks crossed the thread boundary');
  }
});

test('bad records and the failure past maxerrors cross from the worker unchanged', async () => {
  const files = { 'data/a.json': '{"id":1}\n{"id":"x"}\n{"id":2}\n{"id":\n', 'data/b.json': '{"id":"y"}' };
  const tolerant = await load(sourceTable({ maxerrors: 5 }), { root: tempProject(files), parseIn: 'worker' });
  const inMain = await load(sourceTable({ maxerrors: 5 }), { root: tempProject(files), parseIn: 'main' });
  assert.deepEqual(tolerant.stats.rejected, inMain.stats.rejected);
  assert.equal(tolerant.stats.rejected.length, 3);
  const errors = [];
  for (const parseIn of ['main', 'worker'] as const) {
    try {
      await load(sourceTable({ maxerrors: 1 }), { root: tempProject(files), parseIn });
    } catch (error) {
      assert.ok(error instanceof SparkifyError, String(error));
      errors.push({ exitCode: error.exitCode, diagnostics: error.diagnostics });
    }
  }
  assert.equal(errors.length, 2);
  assert.deepEqual(errors[1], errors[0]);
});

test('breaking out of the chunks stops the worker; progress ends with everything done', async () => {
  const table = tables.find((t) => t.name === 'staging_events')!;
  const ticks: LoadProgress[] = [];
  const stream = openSourceStream(table, { root: dataRoot, chunkBytes: 16 * 1024, parseIn: 'worker', onProgress: (p) => ticks.push(p) });
  let taken = 0;
  for await (const chunk of stream.chunks()) {
    assert.ok(chunk.length > 0);
    if (++taken === 2) break;
  }
  assert.ok(stream.stats.rows > 0 && stream.stats.files < 30, `stopped early: ${stream.stats.files} files`);
  const whole = await load(table, { root: dataRoot, parseIn: 'worker', onProgress: (p) => ticks.push(p) });
  const last = ticks[ticks.length - 1];
  assert.equal(last.filesDone, last.filesTotal);
  assert.equal(last.rows, whole.stats.rows);
  assert.equal(last.bytesRead, last.bytesTotal);
});

test('chunks from the worker are COPY input PGlite takes as it is, giving the same table as the main thread', async () => {
  const table = tables.find((t) => t.name === 'staging_events')!;
  const db = new PGlite();
  try {
    const columns = table.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
    const digests: string[] = [];
    for (const parseIn of ['main', 'worker'] as const) {
      await db.exec(`drop table if exists t; create table t (${columns})`);
      const stream = openSourceStream(table, { root: dataRoot, parseIn, chunkBytes: 256 * 1024 });
      let copied = 0;
      for await (const chunk of stream.chunks()) {
        copied += (await db.query("COPY t FROM '/dev/blob'", [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) })).affectedRows ?? 0;
      }
      assert.equal(copied, stream.stats.rows);
      digests.push((await db.query<{ d: string }>("select md5(string_agg(t::text, E'\\n' order by t::text)) as d from t")).rows[0].d);
    }
    assert.equal(digests[1], digests[0]);
  } finally {
    await db.close();
  }
});

test('chunks stay small when the COPY streams to another process, and grow to 4 MiB beside PGlite, with the same rows', async () => {
  const row = (k: number) => `{"id":${k},"name":"${'n'.repeat(80 + (k % 40))}"}`;
  const lines = Array.from({ length: 40_000 }, (_, k) => row(k)).join('\n');
  const table = sourceTable({ columns: columns(['id', 'integer'], ['name', 'varchar(256)']) });
  const root = tempProject({ 'data/a.json': `${lines}\n` });
  const streamed = await load(table, { root, parseIn: 'main', copyInProcess: false });
  const inProcess = await load(table, { root, parseIn: 'main', copyInProcess: true });
  assert.equal(streamed.text, inProcess.text);
  const largest = (chunks: Buffer[]) => Math.max(...chunks.map((chunk) => chunk.length));
  const rowBytes = 200;
  assert.ok(largest(streamed.chunks) <= 512 * 1024 + rowBytes, `largest streamed chunk ${largest(streamed.chunks)}`);
  assert.ok(largest(inProcess.chunks) > 1024 * 1024, `largest chunk beside PGlite ${largest(inProcess.chunks)}`);
});
