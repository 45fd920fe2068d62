/** A target's own `vars:`, read from the scope the engine gives its block. */
import type { MapReader } from '../config/map-reader.js';
import { anything } from '../config/value-kinds.js';

/**
 * The selected target's `vars:` onto `target` (others' vars are never read: their env vars may be
 * unset here). `block` is the engine's scope, so a Redshift target's vars may use dwh_cfg().
 */
export function withTargetVars<T extends object>(target: T, block: MapReader, selected: boolean): T {
  const vars = selected ? block.child('vars', `vars of ${block.what}`) : undefined;
  if (!vars) return target;
  const values: Record<string, unknown> = {};
  for (const key of vars.keys()) values[key] = vars.get(key, anything) ?? null;
  return Object.assign(target, { vars: values });
}
