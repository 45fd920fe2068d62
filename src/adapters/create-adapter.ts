import { resolve } from 'node:path';
import type { TargetConfig } from '../project/types.js';
import type { Adapter } from './adapter.js';

/**
 * Opens nothing yet: builds the adapter for a target. Each engine's module (PGlite's WASM, knex and
 * pg, Redshift's) is imported here, on first use, so commands that never connect start without them.
 */
export async function createAdapter(root: string, target: TargetConfig): Promise<Adapter> {
  switch (target.type) {
    case 'pglite': {
      const { PgliteAdapter } = await import('./pglite/pglite-adapter.js');
      return new PgliteAdapter(resolve(root, target.path), target.path);
    }
    case 'postgres': {
      const { PostgresAdapter } = await import('./postgres/postgres-adapter.js');
      return new PostgresAdapter(target);
    }
    case 'redshift': {
      const { RedshiftAdapter } = await import('./redshift/redshift-adapter.js');
      // Checks dwh.cfg and the credentials now (SPK403, exit 2): build fails before connecting.
      return new RedshiftAdapter(target);
    }
  }
}
