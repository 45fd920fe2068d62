/**
 * Case (b): the loader alone. Drains `openSourceStream(table).chunks()` with the default chunk and
 * read sizes; no database. Timed: listing the files, reading, parsing and encoding every row.
 * Usage: node dist/bench/load/case-loader.js --scale 100 --table staging_events [--data-root DIR] [--parse-in main|worker] [--loader TREE]
 * `--loader` takes the loader of another build (bench/out/baseline-<sha>), as case-sparkify-load.ts does.
 */

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as currentLoader from '../../src/load/index.js';
import type { ParsePlacement } from '../../src/load/worker/parse-placement.js';
import { repoRoot } from '../lib/paths.js';
import { reportCase, startClock } from '../lib/runs.js';
import { caseArgs } from '../lib/args.js';
import { benchTable } from './source-table.js';

const args = caseArgs(process.argv.slice(2));
const table = benchTable(Number(args.scale ?? 0), args.table, args['data-root']);
const loader = (args.loader ? await import(pathToFileURL(join(args.loader, 'dist/src/load/index.js')).href) : currentLoader) as typeof currentLoader;

const stop = startClock();
const stream = loader.openSourceStream(table, { root: repoRoot, parseIn: args['parse-in'] as ParsePlacement | undefined });
let copyBytes = 0;
let chunks = 0;
for await (const chunk of stream.chunks()) {
  copyBytes += chunk.length;
  chunks++;
}
const { ms, cpuMs } = stop();

const { rows, bytes, files, rejected } = stream.stats;
reportCase({ ms, cpuMs, rows, jsonBytes: bytes, copyBytes, files, chunks, rejected: rejected.length });
