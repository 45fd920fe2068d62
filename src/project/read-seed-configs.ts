/** project.yml `seeds:` — per seed, the column types that override the inferred ones. */
import type { MapReader } from '../config/map-reader.js';
import type { SeedConfig } from './types.js';
import { nonEmptyText } from '../config/value-kinds.js';

/**
 * ```yaml
 * seeds:
 *   subscription_levels:
 *     column_types: { level: varchar(16) }
 * ```
 * Undefined when the block is absent.
 */
export function readSeedConfigs(project: MapReader): Record<string, SeedConfig> | undefined {
  const block = project.child('seeds', 'seeds');
  if (!block) return undefined;
  const configs: Record<string, SeedConfig> = {};
  for (const name of block.keys()) {
    const seed = block.child(name, `seed ${name}`);
    if (!seed) continue;
    seed.checkKeys(['column_types']);
    const types = seed.child('column_types', `column_types of seed ${name}`);
    const columnTypes: Record<string, string> = {};
    for (const column of types?.keys() ?? []) {
      const type = types!.get(column, nonEmptyText);
      if (type !== undefined) columnTypes[column] = type;
    }
    configs[name] = { columnTypes };
  }
  return configs;
}
