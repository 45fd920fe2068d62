/** Where a target connects, for `sparkify debug`: user@host:port/database, never a password. */

import { endpointOf, formatEndpoint } from '../../adapters/postgres/connection-settings.js';
import type { TargetConfig } from '../../project/types.js';

/** `.sparkify/dev (embedded PGlite)` or `user@host:port/database`; `user` overrides the configured one. */
export function describeTarget(target: TargetConfig, user?: string): string {
  if (target.type === 'pglite') return `${user ? `${user}@` : ''}${target.path} (embedded PGlite)`;
  if (target.type === 'redshift' && target.host === undefined) return `target '${target.name}' (redshift)`;
  const endpoint = target.type === 'postgres'
    ? endpointOf(target)
    : { host: target.host!, port: target.port ?? 5439, database: target.database ?? '(database)' };
  const who = user ?? configuredUser(target);
  return `${who ? `${who}@` : ''}${formatEndpoint(endpoint)}`;
}

/** The user name written in the target (its url or `user`), else PGUSER for postgres. */
function configuredUser(target: Exclude<TargetConfig, { type: 'pglite' }>): string | undefined {
  if (target.type === 'postgres' && target.url !== undefined) {
    try {
      const name = new URL(target.url).username;
      if (name) return decodeURIComponent(name);
    } catch {
      // An unreadable URL was reported when the project was read.
    }
  }
  return target.user ?? (target.type === 'postgres' ? process.env.PGUSER : undefined);
}
