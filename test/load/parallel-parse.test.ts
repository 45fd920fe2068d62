/**
 * Issue 13: records parsed by two workers, each taking every other block of files, come out as one
 * thread reading the files in order gives them: the same COPY text, stats, per-file rows and
 * checksums, rejected records in file order, the same failure past maxerrors (even when neither
 * worker alone is past it), the same `jsonpaths: auto` warnings and the same unreadable-file error.
 */
import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generateSample } from '../../scripts/generate/generate.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import type { SourceTable } from '../../src/project/types.js';
import type { SourceFile } from '../../src/load/file-store.js';
import { openSourceStream } from '../../src/load/index.js';
import type { LoadOptions, LoadProgress } from '../../src/load/types.js';
import { parseWorkers } from '../../src/load/worker/parse-placement.js';
import { columns, load, repoRoot, sourceTable, tempProject } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

let dataRoot: string;
let tables: SourceTable[];

before(() => {
  dataRoot = tempDir('sparkify-parallel-');
  generateSample({ out: path.join(dataRoot, 'data'), scale: 3, seed: 2018 });
  tables = loadProject(repoRoot(), { varsText: JSON.stringify({ data_root: path.join(dataRoot, 'data') }), env: {} }).sources;
});
after(() => rmSync(dataRoot, { recursive: true, force: true }));

/** The error a load fails with, as plain data. */
async function failureOf(table: SourceTable, options: LoadOptions): Promise<{ exitCode: number; diagnostics: unknown }> {
  try {
    await load(table, options);
  } catch (error) {
    assert.ok(error instanceof SparkifyError, String(error));
    return { exitCode: error.exitCode, diagnostics: error.diagnostics };
  }
  assert.fail('the load did not fail');
}

/** Ten files of three records each; `bad` names the records (file, record) that are not objects of the table. */
function tenFiles(bad: Array<[number, number]>): Record<string, string> {
  const files: Record<string, string> = {};
  for (let f = 0; f < 10; f++) {
    const lines = [0, 1, 2].map((r) => (bad.some(([bf, br]) => bf === f && br === r) ? `{"id":"not a number ${f}.${r}"}` : `{"id":${f * 10 + r},"name":"n${f}"}`));
    files[`data/f${f}.json`] = `${lines.join('\n')}\n`;
  }
  return files;
}

test('the project sources load byte for byte alike in one thread and in two workers, blocks and all', async () => {
  for (const table of tables) {
    // Small chunks make small blocks: each worker gets several, so their order is put back together.
    const options: LoadOptions = { root: dataRoot, chunkBytes: table.name === 'staging_songs' ? 512 : 16 * 1024 };
    const main = await load(table, { ...options, parseIn: 'main' });
    const workers = await load(table, { ...options, parseIn: 'workers' });
    assert.ok(main.stats.rows >= 60, `${table.name}: ${main.stats.rows} rows`);
    assert.equal(workers.text, main.text, table.name);
    assert.deepEqual(workers.stats, main.stats, table.name);
    assert.equal(workers.stats.fileChecksums?.length, main.stats.files);
    assert.ok(workers.chunks.length > 2, `${table.name}: ${workers.chunks.length} chunks`);
  }
});

test('rejected records come back in file order, and maxerrors fails at the same record, summed over both workers', async () => {
  // With one file per block, worker 0 reads files 0, 2, 4… and worker 1 files 1, 3, 5…: each sees
  // only 2 of the 4 bad records, so only the merged count can pass maxerrors 3.
  const files = tenFiles([[1, 0], [2, 2], [5, 1], [8, 0]]);
  const options = { root: tempProject(files), chunkBytes: 64 };
  const inMain = await load(sourceTable({ maxerrors: 10 }), { ...options, parseIn: 'main' });
  const inWorkers = await load(sourceTable({ maxerrors: 10 }), { ...options, parseIn: 'workers' });
  assert.equal(inMain.stats.rejected.length, 4);
  assert.deepEqual(inWorkers.stats.rejected, inMain.stats.rejected);
  assert.equal(inWorkers.text, inMain.text);
  const expected = await failureOf(sourceTable({ maxerrors: 3 }), { ...options, parseIn: 'main' });
  assert.deepEqual(await failureOf(sourceTable({ maxerrors: 3 }), { ...options, parseIn: 'workers' }), expected);
  assert.match(JSON.stringify(expected), /f8\.json/);
  // Past maxerrors at the third bad record, in file 5, worker 1's: worker 0's later file 8 must not show.
  const early = await failureOf(sourceTable({ maxerrors: 2 }), { ...options, parseIn: 'workers' });
  assert.deepEqual(early, await failureOf(sourceTable({ maxerrors: 2 }), { ...options, parseIn: 'main' }));
  assert.doesNotMatch(JSON.stringify(early), /f8\.json/);
});

test('jsonpaths: auto warns of a column only when no worker found its key', async () => {
  // `name` is only in files 1 and 7 (worker 1's), `nickname` in none.
  const files: Record<string, string> = {};
  for (let f = 0; f < 10; f++) files[`data/f${f}.json`] = f === 1 || f === 7 ? `{"id":${f},"name":"x"}\n` : `{"id":${f},"Nickname":"y"}\n`;
  const table = sourceTable({ columns: columns(['id', 'integer'], ['name', 'text'], ['nickname', 'text']) });
  const options = { root: tempProject(files), chunkBytes: 32 };
  const inMain = await load(table, { ...options, parseIn: 'main' });
  const inWorkers = await load(table, { ...options, parseIn: 'workers' });
  assert.deepEqual(inMain.stats.warnings?.map((w) => w.location?.line), [12]);
  assert.deepEqual(inWorkers.stats.warnings, inMain.stats.warnings);
  assert.equal(inWorkers.text, inMain.text);
});

test('a file gone before its turn fails the load as in one thread, after the rows of the files before it', async () => {
  const root = tempProject(tenFiles([]));
  const listed: SourceFile[] = [];
  for (let f = 0; f < 10; f++) {
    const file = path.join(root, 'data', `f${f}.json`);
    listed.push({ path: f === 6 ? `${file}.gone` : file, display: `data/f${f}.json`, size: statSync(file).size });
  }
  const options = { root, chunkBytes: 64, files: listed };
  const expected = await failureOf(sourceTable(), { ...options, parseIn: 'main' });
  assert.match(JSON.stringify(expected), /SPK304/);
  assert.deepEqual(await failureOf(sourceTable(), { ...options, parseIn: 'workers' }), expected);
});

test('breaking out of the chunks stops both workers; progress ends with everything done', async () => {
  const table = tables.find((t) => t.name === 'staging_events')!;
  const stream = openSourceStream(table, { root: dataRoot, chunkBytes: 16 * 1024, parseIn: 'workers' });
  let taken = 0;
  for await (const chunk of stream.chunks()) {
    assert.ok(chunk.length > 0);
    if (++taken === 2) break;
  }
  assert.ok(stream.stats.rows > 0 && stream.stats.files < 30, `stopped early: ${stream.stats.files} files`);
  const ticks: LoadProgress[] = [];
  const whole = await load(table, { root: dataRoot, chunkBytes: 16 * 1024, parseIn: 'workers', onProgress: (p) => ticks.push(p) });
  const last = ticks[ticks.length - 1];
  assert.equal(last.filesDone, last.filesTotal);
  assert.equal(last.rows, whole.stats.rows);
  assert.equal(last.bytesRead, last.bytesTotal);
});

test('auto placement: beside PGlite one worker for a load of many bytes; with the COPY in another process the main thread, or two workers for big loads with cores to spare', () => {
  const big = Array.from({ length: 90 }, (_, k): SourceFile => ({ path: `/d/${k}.json`, display: `${k}.json`, size: 1_500_000 }));
  const tiny = Array.from({ length: 20_000 }, (_, k): SourceFile => ({ path: `/d/${k}.json`, display: `${k}.json`, size: 280 }));
  const manyCores = os.availableParallelism() > 2;
  assert.equal(parseWorkers('auto', big, false), manyCores ? 2 : 0, 'x300 of the sample, COPY in the server');
  assert.equal(parseWorkers('auto', big.slice(0, 30), false), 0, 'x100 of the sample, COPY in the server');
  assert.equal(parseWorkers('auto', tiny, false), 0, '20,000 song files, COPY in the server');
  assert.equal(parseWorkers('auto', big, true), 1, 'x300 beside PGlite');
  assert.equal(parseWorkers('auto', big.slice(0, 15), true), 1, 'x50 beside PGlite');
  assert.equal(parseWorkers('auto', tiny, true), 0, '20,000 song files beside PGlite: opening files is their work, which a worker does not overlap with the COPY');
  assert.equal(parseWorkers('auto', big.slice(0, 3), true), 0, 'x10 beside PGlite');
  assert.equal(parseWorkers('workers', big.slice(0, 1), true), 2);
  assert.equal(parseWorkers('main', big, true), 0);
});
