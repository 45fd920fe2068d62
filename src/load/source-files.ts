/** Resolves a source table's location to its files, failing with SPK301 when there are none. */

import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { SparkifyError } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { LoadSource } from './types.js';
import type { FileStore, SourceFile } from './file-store.js';
import { nearestExistingPath } from './nearest-path.js';
import { isS3Url } from './s3/s3-url.js';
import { rethrowForTable } from './store-error.js';

/**
 * The table's files, sorted. Throws SparkifyError SPK301 when the location holds none, or the
 * store's error (SPK32x for S3) at the table. `limit` lets a check stop listing early.
 */
export async function resolveSourceFiles(table: LoadSource, root: string, store: FileStore, limit?: number): Promise<SourceFile[]> {
  const files = await store.listFiles(table.location, limit).catch((error: unknown) => rethrowForTable(error, table));
  if (files.length > 0) return files;
  const where = `source table ${table.sourceName}.${table.name}: location "${table.location}"`;
  const { message, hint } = isS3Url(table.location) ? noObjects(where) : noLocalFiles(where, root, table.location);
  throw new SparkifyError({
    code: LoadErrors.noFiles,
    message,
    location: { file: table.position.file, line: table.position.line },
    node: `source.${table.sourceName}.${table.name}`,
    hint,
  });
}

function noObjects(where: string): { message: string; hint: string } {
  return {
    message: `${where} holds no objects (no key starts with the prefix)`,
    hint: `check the location in sources.yml (every object whose key starts with the prefix is read), or point data_root elsewhere: --vars '{"data_root": "s3://bucket/prefix"}'`,
  };
}

/** Names the folder; for one that does not exist, suggests the closest existing path. */
function noLocalFiles(where: string, root: string, location: string): { message: string; hint: string } {
  const absolute = path.resolve(root, location);
  const exists = existsSync(absolute);
  const pattern = !exists && fg.isDynamicPattern(location);
  const what = exists ? 'holds no files' : pattern ? 'matches no files' : 'does not exist';
  const nearest = exists || pattern ? undefined : nearestExistingPath(root, location);
  const fix = `check the location in sources.yml, or point data_root elsewhere: --vars '{"data_root": "path/to/data"}'`;
  return {
    message: `${where} (${absolute}) ${what}`,
    hint: nearest ? `did you mean ${nearest}? ${fix}` : fix,
  };
}
