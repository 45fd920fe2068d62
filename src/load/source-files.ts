/** Resolves a source table's location to its files, failing with SPK301 when there are none. */

import path from 'node:path';
import { SparkifyError } from '../diagnostics.js';
import type { SourceTable } from '../project/types.js';
import type { FileStore, SourceFile } from './file-store.js';

/** The table's files, sorted by path. Throws SparkifyError SPK301 when the location holds none. */
export async function resolveSourceFiles(table: SourceTable, root: string, store: FileStore): Promise<SourceFile[]> {
  const files = await store.listFiles(table.location);
  if (files.length > 0) return files;
  const resolved = path.resolve(root, table.location);
  throw new SparkifyError({
    code: 'SPK301',
    message: `source table ${table.sourceName}.${table.name}: location "${table.location}" (${resolved}) does not exist or holds no files`,
    location: { file: table.position.file, line: table.position.line },
    node: `source.${table.sourceName}.${table.name}`,
    hint: `check the location in sources.yml, or point data_root elsewhere: --vars '{"data_root": "path/to/data"}'`,
  });
}
