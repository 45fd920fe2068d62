/**
 * The fingerprint of what a source table's rows are made of: its columns and their types, how JSON
 * keys map to them (the JSONPaths file's paths, or the automatic mapping), the value options and the
 * origin columns. The ledger records it with every load; a build whose fingerprint differs reloads
 * the table in full, since rows loaded under the old definition would not match the new one (an
 * added column would be missing from them, a changed type or path would read other values).
 * `location` and `maxerrors` are left out: a new location shows in the listing, and maxerrors only
 * decides whether a load fails.
 */
import { createHash } from 'node:crypto';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';
import { parseJsonPathsFile } from './jsonpaths-file.js';
import { fileStoreFor } from './store-for.js';
import type { FileStore } from './file-store.js';
import type { LoadOptions, LoadSource } from './types.js';

/** The fingerprint of `table`, reading its JSONPaths file (relative to root, or on S3) with the caller's store (left open) or one of its own. */
export async function readSourceDefinition(table: LoadSource, options: Pick<LoadOptions, 'root' | 's3'>, shared?: FileStore): Promise<string> {
  if (autoMapping(table.jsonpaths)) return sourceDefinition(table, undefined);
  const store = shared ?? fileStoreFor(options);
  try {
    return sourceDefinition(table, await store.readFile(table.jsonpaths));
  } catch {
    // The load reads the file again and says what is wrong with it; the fingerprint just differs.
    return sourceDefinition(table, null);
  } finally {
    if (!shared) store.close();
  }
}

/** Pure: the fingerprint from the table and its JSONPaths file's text (undefined: an automatic mapping; null: unreadable). */
export function sourceDefinition(table: LoadSource, jsonpathsText: string | null | undefined): string {
  const content = {
    columns: table.columns.map((column) => [column.name, column.type.trim().toLowerCase()]),
    mapping: autoMapping(table.jsonpaths) ?? pathsOf(jsonpathsText),
    timeformat: table.timeformat,
    truncatecolumns: table.truncatecolumns,
    acceptInvalidChars: table.acceptInvalidChars ?? null,
    originColumns: table.originColumns ?? false,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/**
 * The paths of a JSONPaths file as the load parses them (jsonpaths-file.ts), so that a file rewritten
 * with other spacing keeps its fingerprint; a file the load would refuse counts by its text.
 */
function pathsOf(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return { unreadable: true };
  try {
    return parseJsonPathsFile(text, '');
  } catch {
    return text;
  }
}
