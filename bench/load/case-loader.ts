/**
 * Case (b): the loader alone. Drains `openSourceStream(table).chunks()` with the default chunk and
 * read sizes; no database. Timed: listing the files, reading, parsing and encoding every row.
 * Usage: node dist/bench/load/case-loader.js --scale 100 --table staging_events
 */

import { openSourceStream } from '../../src/load/index.js';
import { repoRoot } from '../lib/paths.js';
import { reportCase, startClock } from '../lib/runs.js';
import { caseArgs } from '../lib/args.js';
import { benchTable } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const table = benchTable(Number(args.scale), args.table);

const stop = startClock();
const stream = openSourceStream(table, { root: repoRoot });
let copyBytes = 0;
let chunks = 0;
for await (const chunk of stream.chunks()) {
  copyBytes += chunk.length;
  chunks++;
}
const { ms, cpuMs } = stop();

const { rows, bytes, files, rejected } = stream.stats;
reportCase({ ms, cpuMs, rows, jsonBytes: bytes, copyBytes, files, chunks, rejected: rejected.length });
