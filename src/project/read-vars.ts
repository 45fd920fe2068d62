/** Project vars: project.yml `vars` rendered, with `--vars` merged over them. */
import type { MapReader } from '../config/map-reader.js';
import { anything } from '../config/value-kinds.js';

/**
 * Reads `vars` from the project mapping (whose scope must render env_var only) and merges the
 * command-line vars over them key by key, as dbt does.
 */
export function readVars(project: MapReader, cliVars: Record<string, unknown>): Record<string, unknown> {
  const vars = project.child('vars', 'vars');
  const merged: Record<string, unknown> = {};
  for (const key of vars?.keys() ?? []) {
    // An overridden var is never rendered, so its env vars need not be set.
    if (Object.hasOwn(cliVars, key)) continue;
    merged[key] = readVar(vars!, key);
  }
  return Object.assign(merged, cliVars);
}

function readVar(vars: MapReader, key: string): unknown {
  const value = vars.get(key, anything);
  if (value !== undefined) return value;
  // A failed template is already reported; '' keeps var() users from adding a second error.
  return vars.has(key) ? '' : null;
}
