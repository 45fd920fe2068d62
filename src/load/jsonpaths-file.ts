/** Reads a Redshift JSONPaths file, `{"jsonpaths": ["$['a']", ...]}`, reporting bad entries by line. */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { SourceTable } from '../project/types.js';
import { JsonPathError, parseJsonPath, type PathSegment } from './jsonpath.js';
import { locateValue } from './locate-value.js';
import { MalformedJson, parseRecord } from './parse-record.js';
import { positionIn } from './text-position.js';

const CODE = 'SPK302';
const SHAPE_HINT = 'a JSONPaths file holds {"jsonpaths": ["$[\'key\']", ...]}, one path per column, in column order';

/** Parses a JSONPaths file's text; `file` names it in diagnostics. Throws SparkifyError SPK302. */
export function parseJsonPathsFile(text: string, file: string): PathSegment[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const entries = readEntries(source, file);
  const problems: Diagnostic[] = [];
  const paths = entries.map((entry, k) => {
    try {
      if (typeof entry !== 'string') throw new JsonPathError('expected a string', 0);
      return parseJsonPath(entry);
    } catch (error) {
      if (!(error instanceof JsonPathError)) throw error;
      const at = where(source, ['jsonpaths', k]);
      problems.push({ code: CODE, message: `bad JSONPath ${JSON.stringify(entry)}: ${error.message}`, location: { file, ...at } });
      return [];
    }
  });
  if (problems.length > 0) throw new SparkifyError(problems);
  return paths;
}

function readEntries(text: string, file: string): unknown[] {
  let document: unknown;
  try {
    document = parseRecord(text, true);
  } catch (error) {
    if (!(error instanceof MalformedJson)) throw error;
    const at = positionIn(text, error.offset, { line: 1, column: 1 });
    throw new SparkifyError({ code: CODE, message: `malformed JSONPaths file: ${error.message}`, location: { file, ...at }, hint: SHAPE_HINT });
  }
  const entries = (document as { jsonpaths?: unknown } | null)?.jsonpaths;
  if (typeof document !== 'object' || Array.isArray(document) || !Array.isArray(entries)) {
    const at = where(text, ['jsonpaths']);
    throw new SparkifyError({ code: CODE, message: 'JSONPaths file has no "jsonpaths" array', location: { file, ...at }, hint: SHAPE_HINT });
  }
  return entries;
}

/** Line and column of the value at `keys`, or the start of the file. */
function where(text: string, keys: (string | number)[]): { line: number; column: number } {
  return positionIn(text, locateValue(text, keys) ?? 0, { line: 1, column: 1 });
}

/**
 * Reads the table's JSONPaths file (relative to root) and checks it has one path per column.
 * Throws SparkifyError SPK302.
 */
export async function readJsonPaths(table: SourceTable, root: string): Promise<PathSegment[][]> {
  const file = table.jsonpaths;
  const text = await readFile(path.resolve(root, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    const message = `JSONPaths file ${file} of source table ${table.sourceName}.${table.name} cannot be read (${error.code ?? error.message})`;
    throw new SparkifyError({ code: CODE, message, location: { file: table.position.file, line: table.position.line } });
  });
  const paths = parseJsonPathsFile(text, file);
  if (paths.length !== table.columns.length) {
    const message = `JSONPaths file ${file} has ${paths.length} paths but source table ${table.sourceName}.${table.name} has ${table.columns.length} columns`;
    const hint = 'JSONPaths entries map to columns by position: list one path per column, in column order';
    throw new SparkifyError({ code: CODE, message, location: { file, ...where(text.replace(/^\uFEFF/, ''), ['jsonpaths']) }, hint });
  }
  return paths;
}
