/** Rows as written (dict, inline CSV, a CSV fixture) → columns and text values. Pure. */
import { posix } from 'node:path';
import { parse } from 'csv-parse/sync';
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { TemplateFile } from '../project/project-files.js';
import type { DictRow, RowsSpec } from '../project/unit-test-spec.js';
import { UnitTestErrors } from './error-codes.js';
import type { UnitTestRows } from '../manifest/unit-test-node.js';

/** Reports a problem at a line of a file. */
export type RowsReport = (diagnostic: Diagnostic) => void;

/**
 * The rows of `spec`, or undefined when they cannot be read (reported). `fixtures` are the CSV
 * files under tests/fixtures/, found by name without extension as dbt does.
 */
export function normalizeRows(spec: RowsSpec, what: string, fixtures: readonly TemplateFile[], report: RowsReport): UnitTestRows | undefined {
  if (spec.format === 'sql') {
    report({ code: UnitTestErrors.badRows, message: `${what}: format sql is not supported yet`, location: spec.at, hint: 'write the rows as format dict (the default) or csv' });
    return undefined;
  }
  if (spec.dict) return dictRows(spec.dict);
  if (spec.fixture) return fixtureRows(spec.fixture, what, fixtures, report);
  if (spec.text) return csvRows(spec.text.value, spec.at.file, spec.text.line, what, report);
  return undefined;
}

/** Columns in order of first appearance; a column a row leaves out is NULL in it. */
function dictRows(rows: DictRow[]): UnitTestRows {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.values)) if (!columns.includes(key)) columns.push(key);
  return {
    columns,
    rows: rows.map((row) => ({ values: columns.map((c) => asText(row.values[c])), line: row.at.line })),
  };
}

/** YAML scalars as the text the database casts: numbers and booleans as written, null as NULL. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function fixtureRows(fixture: NonNullable<RowsSpec['fixture']>, what: string, fixtures: readonly TemplateFile[], report: RowsReport): UnitTestRows | undefined {
  const file = fixtures.find((f) => posix.basename(f.path, '.csv') === fixture.name);
  if (file) return csvRows(file.source, file.path, 1, what, report);
  const close = closestName(fixture.name, fixtures.map((f) => posix.basename(f.path, '.csv')));
  report({
    code: UnitTestErrors.badRows,
    message: `${what}: no fixture '${fixture.name}' (a file tests/fixtures/${fixture.name}.csv)`,
    location: fixture.at,
    hint: close ? `did you mean '${close}'?` : 'put the CSV file, with a header row, under tests/fixtures/',
  });
  return undefined;
}

/** CSV with a header row; an empty unquoted field is NULL, a quoted empty one the empty string. */
function csvRows(text: string, file: string, firstLine: number, what: string, report: RowsReport): UnitTestRows | undefined {
  let records: { record: (string | null)[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true, bom: true, skip_empty_lines: true, trim: true,
      cast: (value, context) => (value === '' && !context.quoting ? null : value),
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    report({
      code: UnitTestErrors.badRows,
      message: `${what}: cannot read the CSV rows: ${(error as Error).message}`,
      location: { file, line: line === undefined ? firstLine : firstLine + line - 1 },
      hint: 'a header row, then one line per row with as many fields',
    });
    return undefined;
  }
  if (records.length === 0) return { columns: [], rows: [] };
  const [header, ...rows] = records;
  return {
    columns: header.record.map((c) => c ?? ''),
    rows: rows.map((r) => ({ values: r.record, line: firstLine + r.info.lines - 1 })),
  };
}
