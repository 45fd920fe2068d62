/**
 * A value the database refused while copying a seed (`invalid input syntax for type boolean:
 * "maybe"`), pointed back at its CSV line and column. The database names the COPY input line and
 * the column in the error's `where` field (`COPY plans, line 3, column is_paying: "maybe"`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics.js';
import { positionIn } from '../load/text-position.js';
import { SeedErrors } from './error-codes.js';
import type { SeedNode } from '../manifest/seed-node.js';

/** The fields of a Postgres error the explanation reads (pg and PGlite both carry them). */
interface CopyFailure {
  message?: string;
  where?: string;
}

const WHERE = /^COPY [^\n]*?, line (\d+)(?:, column ([^:\n]+))?(?:: "([\s\S]*)")?/;

/**
 * Which data rows the COPY input may have meant by its line number: PostgreSQL streams the seed as
 * one COPY (lines count from the first row), PGlite copies chunk by chunk (lines count from the
 * chunk's first row). `chunkStart` is the row index where the last chunk sent began.
 */
export function explainSeedCopyError(error: unknown, root: string, seed: SeedNode, chunkStart: number): Diagnostic | undefined {
  const failure = error as CopyFailure;
  const match = WHERE.exec(failure.where ?? '');
  if (!match || !failure.message) return undefined;
  const line = Number(match[1]);
  const column = match[2] === undefined ? -1 : seed.columns.findIndex((c) => c.name === match[2]);
  const records = readRecords(root, seed);
  const candidates = [...new Set([line - 1, chunkStart + line - 1])].filter((k) => k >= 0 && k < records.length);
  // Both readings name a row; the database quoted the value, so keep the one holding it.
  const shown = match[3];
  const row = candidates.find((k) => column < 0 || shown === undefined || (records[k].record[column] ?? '').startsWith(shown.replace(/\.\.\.$/, ''))) ?? candidates[0];
  if (row === undefined) return undefined;
  const at = fieldPosition(records[row], column);
  const what = column >= 0 ? `column "${seed.columns[column].name}" (${seed.columns[column].type}): ` : '';
  return {
    code: SeedErrors.badValue,
    message: `seed '${seed.name}': ${what}${failure.message}`,
    location: { file: seed.path, line: at.line, column: at.column },
    node: seed.id,
    hint: `fix the value, or declare a type that holds it under seeds: ${seed.name}: column_types: in project.yml`,
  };
}

/** A data row as csv-parse gives it with `raw` and `info`. */
interface RawRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function readRecords(root: string, seed: SeedNode): RawRecord[] {
  const text = readFileSync(join(root, seed.path), 'utf8');
  const rows = parse(text, { bom: true, skip_empty_lines: true, info: true, raw: true, relax_column_count: true }) as unknown as RawRecord[];
  return rows.slice(1);
}

/** Line and column where field `index` of the record starts (the record's start for -1). */
function fieldPosition(row: RawRecord, index: number): { line: number; column: number } {
  // info.lines is the line the record ends on; its raw text may span lines.
  const breaks = row.raw.replace(/(\r\n|\r|\n)$/, '').match(/\r\n|\r|\n/g)?.length ?? 0;
  const start = { line: row.info.lines - breaks, column: 1 };
  return positionIn(row.raw, index < 0 ? 0 : fieldOffset(row.raw, index), start);
}

/** Offset of field `index` in a CSV record's raw text: commas outside quotes separate fields. */
function fieldOffset(raw: string, index: number): number {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < raw.length && field < index; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      field++;
      if (field === index) return i + 1;
    }
  }
  return 0;
}
