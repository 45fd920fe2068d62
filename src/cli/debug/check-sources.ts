/** `sparkify debug`: does each source location hold files, and can its JSONPaths file be read? */

import { autoMapping } from '../../manifest/jsonpaths-mapping.js';
import { SparkifyError } from '../../diagnostics.js';
import type { FileStore } from '../../load/file-store.js';
import { readJsonPaths } from '../../load/jsonpaths-file.js';
import { S3Errors } from '../../load/s3/s3-errors.js';
import { isS3Url } from '../../load/s3/s3-url.js';
import { resolveSourceFiles } from '../../load/source-files.js';
import { fileStoreFor } from '../../load/store-for.js';
import type { LoadedProject, SourceTable } from '../../project/types.js';
import { engineOf } from '../../engines/registry.js';
import { failed, passed, skipped, type CheckResult } from './check.js';

/** One result per source table; an S3 prefix is listed one page deep, no object is read. */
export async function checkSources(root: string, project: LoadedProject): Promise<CheckResult[]> {
  const store = fileStoreFor({ root, s3: project.target.s3 });
  // Redshift's COPY reads s3:// itself with the cluster's IAM role: this machine may have no AWS
  // credentials at all, which then says nothing about whether the build can load.
  const warehouseReadsS3 = engineOf(project.target).capabilities.sourceLoad === 'warehouse';
  const results: CheckResult[] = [];
  try {
    for (const table of project.sources) results.push(await checkSource(table, root, store, warehouseReadsS3));
  } finally {
    store.close();
  }
  return results;
}

async function checkSource(table: SourceTable, root: string, store: FileStore, warehouseReadsS3: boolean): Promise<CheckResult> {
  const name = `source ${table.sourceName}.${table.name}`;
  if (table.existing) return skipped(name, `a table something else loads (${table.schema ?? ''}.${table.identifier}): sparkify reads it as it is`);
  try {
    const files = await resolveSourceFiles(table, root, store, 1);
    let detail = isS3Url(table.location)
      ? `${table.location} lists ${plural(files.length, 'object')} on its first page`
      : `${table.location} holds ${plural(files.length, 'file')}`;
    if (!autoMapping(table.jsonpaths)) {
      const paths = await readJsonPaths(table, root, store);
      detail += `; JSONPaths file ${table.jsonpaths} maps ${plural(paths.length, 'column')}`;
    }
    return passed(name, detail);
  } catch (error) {
    if (warehouseReadsS3 && error instanceof SparkifyError && error.diagnostics[0]?.code === S3Errors.configuration) {
      const reason = error.diagnostics[0].message.replace(/^source table [^:]+: /, '');
      return skipped(name, `${reason} here; the warehouse reads it with its own IAM role`);
    }
    return failed(name, `${table.location} cannot be loaded`, error);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
