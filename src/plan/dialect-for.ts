import type { TargetConfig } from '../project/types.js';
import type { Dialect } from './dialect.js';
import { PostgresDialect } from './postgres-dialect.js';

/** The SQL dialect of a target type. */
export function dialectFor(target: TargetConfig): Dialect {
  switch (target.type) {
    case 'pglite':
      return new PostgresDialect('pglite', "'/dev/blob'");
    case 'postgres':
      return new PostgresDialect('postgres', 'STDIN');
    default:
      // Redshift gets its own dialect (COPY from S3, DIST/SORT keys) with the Redshift target.
      return new PostgresDialect(target.type, 'STDIN');
  }
}
