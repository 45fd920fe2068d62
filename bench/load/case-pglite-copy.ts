/**
 * Case (a), the baseline: PGlite's own `COPY ... FROM '/dev/blob'` of rows already in COPY text,
 * fed in the loader's chunks, into a fresh table of a fresh on-disk database, in one transaction.
 * Timed: BEGIN, CREATE TABLE, every COPY, COMMIT. Not timed: reading the text, copying an empty
 * database into place (see pglite-dir.ts), starting PGlite.
 * Usage: node dist/bench/load/case-pglite-copy.js --scale 100 --table staging_events --data-dir DIR [--liftoff 1]
 * `--liftoff 1` runs PGlite's WASM on V8's baseline compiler only, as sparkify does (src/engines/pglite/wasm-compiler.ts).
 */

import { PGlite } from '@electric-sql/pglite';
import { useBaselineWasmCompiler } from '../../src/engines/pglite/wasm-compiler.js';
import { quoteIdentifier } from '../../src/sql/quote.js';
import { freshDataDir } from '../lib/pglite-dir.js';
import { reportCase, startClock } from '../lib/runs.js';
import { readCopyText } from './copy-text-file.js';
import { caseArgs } from '../lib/args.js';
import { benchTable } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const scale = Number(args.scale);
const table = benchTable(scale, args.table);
const { chunks, rows } = readCopyText(scale, args.table);
const bytes = chunks.reduce((sum, c) => sum + c.length, 0);

freshDataDir(args['data-dir']);
if (args.liftoff) useBaselineWasmCompiler();
const db = new PGlite(args['data-dir']);
await db.waitReady;

const name = quoteIdentifier(table.name);
const columns = table.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
const copy = `COPY ${name} (${table.columns.map((c) => quoteIdentifier(c.name)).join(', ')}) FROM '/dev/blob'`;

const stop = startClock();
await db.exec(`BEGIN; CREATE TABLE ${name} (${columns})`);
let copied = 0;
for (const chunk of chunks) copied += (await db.query(copy, [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) })).affectedRows ?? 0;
await db.exec('COMMIT');
const { ms, cpuMs } = stop();

await db.close();
if (copied !== rows) throw new Error(`copied ${copied} rows, expected ${rows}`);
reportCase({ ms, cpuMs, rows: copied, copyBytes: bytes, chunks: chunks.length });
