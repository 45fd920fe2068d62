import { resolve } from 'node:path';
import type { TargetConfig } from '../project/types.js';
import type { Adapter } from './adapter.js';
import { PgliteAdapter } from './pglite/pglite-adapter.js';
import { PostgresAdapter } from './postgres/postgres-adapter.js';
import { RedshiftAdapter } from './redshift/redshift-adapter.js';

/** Opens nothing yet: builds the adapter for a target. */
export function createAdapter(root: string, target: TargetConfig): Adapter {
  switch (target.type) {
    case 'pglite':
      return new PgliteAdapter(resolve(root, target.path), target.path);
    case 'postgres':
      return new PostgresAdapter(target);
    case 'redshift':
      // Checks dwh.cfg and the credentials now (SPK403, exit 2): build fails before connecting.
      return new RedshiftAdapter(target);
  }
}
