/** Small builders shared by the loader tests: tables, temporary projects, and a COPY text reader. */

import type { ColumnSpec } from '../../src/manifest/column-spec.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceTable } from '../../src/project/types.js';
import { RecordScanner, type ScannedRecord, type ScannerOptions } from '../../src/load/record-scanner.js';
import { openSourceStream } from '../../src/load/source-stream.js';
import type { LoadOptions, LoadStats } from '../../src/load/types.js';
import { tempDir } from '../support/temp-dir.js';

/** Columns from `name type` pairs, each on its own line of sources.yml (line 10 onwards). */
export function columns(...specs: [string, string][]): ColumnSpec[] {
  return specs.map(([name, type], k) => ({ name, type, position: { file: 'sources.yml', line: 10 + k, column: 9 } }));
}

/** A source table with test defaults (declared at sources.yml line 5). */
export function sourceTable(overrides: Partial<SourceTable> = {}): SourceTable {
  return {
    sourceName: 'sparkify',
    name: 'staging',
    identifier: 'staging',
    location: 'data',
    jsonpaths: 'auto',
    maxerrors: 0,
    timeformat: 'auto',
    truncatecolumns: false,
    columns: columns(['id', 'integer'], ['name', 'varchar(20)']),
    tags: [],
    position: { file: 'sources.yml', line: 5 },
    ...overrides,
  };
}

/** Writes files (relative path → content) into a fresh temporary folder, removed at exit, and returns its path. */
export function tempProject(files: Record<string, string | Buffer>): string {
  const root = tempDir('sparkify-load-');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** What a load produced: decoded rows (null for NULL), the raw COPY text and the stats. */
export interface Loaded {
  rows: (string | null)[][];
  text: string;
  chunks: Buffer[];
  stats: LoadStats;
}

/** Runs a load to the end. */
export async function load(table: SourceTable, options: LoadOptions): Promise<Loaded> {
  const stream = openSourceStream(table, options);
  const chunks: Buffer[] = [];
  for await (const chunk of stream.chunks()) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return { rows: parseCopyText(text), text, chunks, stats: stream.stats };
}

/** Loads a table from a temporary project holding `files`. */
export async function loadFiles(table: SourceTable, files: Record<string, string | Buffer>, options: Partial<LoadOptions> = {}): Promise<Loaded> {
  return load(table, { root: tempProject(files), ...options });
}

/** Reads COPY text format back into fields, independently of the loader's encoder. */
export function parseCopyText(text: string): (string | null)[][] {
  if (text === '') return [];
  if (!text.endsWith('\n')) throw new Error('COPY text must end with a newline');
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => line.split('\t').map((field) => (field === '\\N' ? null : unescapeCopy(field))));
}

function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? `\\${c}`);
}

/** What the scanner reported: records and malformed spots, in order. */
export interface Scanned {
  records: ScannedRecord[];
  malformed: { line: number; column: number; message: string }[];
}

/** Scans text cut into pieces of `size` characters (whole text when omitted). */
export function scan(text: string, size = text.length || 1, options?: ScannerOptions): Scanned {
  const result: Scanned = { records: [], malformed: [] };
  const scanner = new RecordScanner(
    {
      record: (record) => result.records.push(record),
      malformed: (line, column, message) => result.malformed.push({ line, column, message }),
    },
    options,
  );
  for (let k = 0; k < text.length; k += size) scanner.push(text.slice(k, k + size));
  scanner.end();
  return result;
}

/** The repository root, found upwards from this file (works from src and from dist). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!isSparkifyRoot(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

function isSparkifyRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sparkify';
}
