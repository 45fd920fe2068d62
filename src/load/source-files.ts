/** Resolves a source table's location to its files, failing with SPK301 when there are none. */

import path from 'node:path';
import { LoadErrors } from './error-codes.js';
import { SparkifyError } from '../diagnostics.js';
import type { LoadSource } from './types.js';
import type { FileStore, SourceFile } from './file-store.js';
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
  const s3 = isS3Url(table.location);
  throw new SparkifyError({
    code: LoadErrors.noFiles,
    message: s3
      ? `${where} holds no objects (no key starts with the prefix)`
      : `${where} (${path.resolve(root, table.location)}) does not exist or holds no files`,
    location: { file: table.position.file, line: table.position.line },
    node: `source.${table.sourceName}.${table.name}`,
    hint: s3
      ? `check the location in sources.yml (every object whose key starts with the prefix is read), or point data_root elsewhere: --vars '{"data_root": "s3://bucket/prefix"}'`
      : `check the location in sources.yml, or point data_root elsewhere: --vars '{"data_root": "path/to/data"}'`,
  });
}
