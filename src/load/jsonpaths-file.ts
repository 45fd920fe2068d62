/** Reads a Redshift JSONPaths file, `{"jsonpaths": ["$['a']", ...]}`, reporting bad entries by line. */

import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { LoadSource } from './types.js';
import type { FileStore } from './file-store.js';
import { JsonPathError, parseJsonPath, type PathSegment } from './jsonpath.js';
import { locateValue } from './locate-value.js';
import { MalformedJson, parseRecord } from './parse-record.js';
import { localFileStore } from './local-files.js';
import { StoreError, sourceStoreError } from './store-error.js';
import { positionIn } from './text-position.js';

const CODE = LoadErrors.jsonpaths;
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
 * Reads the table's JSONPaths file (relative to root, or an s3:// object) and checks it has one
 * path per column. Throws SparkifyError SPK302, or SPK32x when S3 cannot be reached.
 */
export async function readJsonPaths(table: LoadSource, root: string, store: FileStore = localFileStore(root)): Promise<PathSegment[][]> {
  const file = table.jsonpaths;
  const text = await store.readFile(file).catch((error: unknown) => {
    throw unreadable(error, table);
  });
  const paths = parseJsonPathsFile(text, file);
  if (paths.length !== table.columns.length) {
    const message = `JSONPaths file ${file} has ${paths.length} paths but source table ${table.sourceName}.${table.name} has ${table.columns.length} columns`;
    const hint = 'JSONPaths entries map to columns by position: list one path per column, in column order';
    throw new SparkifyError({ code: CODE, message, location: { file, ...where(text.replace(/^\uFEFF/, ''), ['jsonpaths']) }, hint });
  }
  return paths;
}

/** A JSONPaths file that does not exist or cannot be read is SPK302; an unreachable store keeps its own code. */
function unreadable(error: unknown, table: LoadSource): SparkifyError {
  if (error instanceof StoreError && !error.missing) return sourceStoreError(error, table);
  const reason = error instanceof StoreError ? error.message : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  const message = `JSONPaths file ${table.jsonpaths} of source table ${table.sourceName}.${table.name} cannot be read (${reason})`;
  const location = { file: table.position.file, line: table.position.line };
  const diagnostic: Diagnostic = { code: CODE, message, location, node: `source.${table.sourceName}.${table.name}` };
  if (error instanceof StoreError) diagnostic.hint = error.hint;
  return new SparkifyError(diagnostic);
}
