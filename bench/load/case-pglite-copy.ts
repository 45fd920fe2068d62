/**
 * Case (a), the baseline: PGlite's own `COPY ... FROM '/dev/blob'` of rows already in COPY text,
 * fed in the loader's chunks, into a fresh table of a fresh on-disk database, in one transaction.
 * Timed: BEGIN, CREATE TABLE, every COPY, COMMIT. Not timed: reading the text, starting PGlite.
 * Usage: node dist/bench/load/case-pglite-copy.js --scale 100 --table staging_events --data-dir DIR
 */

import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { quoteIdentifier } from '../../src/sql/quote.js';
import { reportCase } from '../lib/runs.js';
import { readCopyText } from './copy-text-file.js';
import { benchTable, caseArgs } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const scale = Number(args.scale);
const table = benchTable(scale, args.table);
const { chunks, rows } = readCopyText(scale, args.table);
const bytes = chunks.reduce((sum, c) => sum + c.length, 0);

rmSync(args['data-dir'], { recursive: true, force: true });
mkdirSync(dirname(args['data-dir']), { recursive: true }); // PGlite creates the dir, not its parents
const db = new PGlite(args['data-dir']);
await db.waitReady;

const name = quoteIdentifier(table.name);
const columns = table.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
const copy = `COPY ${name} (${table.columns.map((c) => quoteIdentifier(c.name)).join(', ')}) FROM '/dev/blob'`;

const started = performance.now();
await db.exec(`BEGIN; CREATE TABLE ${name} (${columns})`);
let copied = 0;
for (const chunk of chunks) copied += (await db.query(copy, [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) })).affectedRows ?? 0;
await db.exec('COMMIT');
const ms = performance.now() - started;

await db.close();
if (copied !== rows) throw new Error(`copied ${copied} rows, expected ${rows}`);
reportCase({ ms, rows: copied, copyBytes: bytes, chunks: chunks.length });
