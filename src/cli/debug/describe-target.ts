/** Where a target connects, for `sparkify debug`: user@host:port/database, never a password. */
import { engineOf } from '../../engines/registry.js';
import type { TargetConfig } from '../../engines/target-config.js';

/** `.sparkify/dev (embedded PGlite)` or `user@host:port/database`; `user` overrides the configured one. */
export function describeTarget(target: TargetConfig, user?: string): string {
  return engineOf(target).describe(target, user);
}
