import { iamRoleOrPlaceholder, REDSHIFT_DEFAULTS } from '../project/redshift-target.js';
import type { TargetConfig } from '../project/types.js';
import type { Dialect } from './dialect.js';
import { PostgresDialect } from './postgres-dialect.js';
import { RedshiftDialect } from './redshift/redshift-dialect.js';

/** The SQL dialect of a target type. */
export function dialectFor(target: TargetConfig): Dialect {
  switch (target.type) {
    case 'pglite':
      return new PostgresDialect('pglite', "'/dev/blob'");
    case 'postgres':
      return new PostgresDialect('postgres', 'STDIN');
    case 'redshift':
      // Without dwh.cfg the IAM role is a visible placeholder: compile works offline, build refuses.
      return new RedshiftDialect({ iamRole: iamRoleOrPlaceholder(target), region: target.region ?? REDSHIFT_DEFAULTS.region });
  }
}
