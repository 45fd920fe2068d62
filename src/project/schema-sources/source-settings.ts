/**
 * The settings a dbt source passes down to its tables, read from the source or table entry and its
 * `config:` block (dbt 1.9 moved freshness there, 1.10 loaded_at_field): tags add up, meta and
 * quoting merge, freshness merges one key deep, the rest is replaced by the table's own value.
 */
import type { FreshnessSpec } from '../../manifest/freshness.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { anything, boolean, nonEmptyText, tagOrTags as tagList } from '../../config/value-kinds.js';
import { mergeFreshness, readFreshness } from './read-freshness.js';

/** dbt's quoting flags; false folds the name to lower case, as an unquoted PostgreSQL name is. */
export interface SourceQuoting {
  database?: boolean;
  schema?: boolean;
  identifier?: boolean;
}

/** What a table ends up with from its source and itself. */
export interface SourceSettings {
  tags: string[];
  meta: Record<string, unknown>;
  quoting: SourceQuoting;
  enabled: boolean;
  freshness?: FreshnessSpec;
  loadedAtField?: string;
}

/** Keys of a source's or table's `config:` block; those sparkify does not apply are warned about. */
const CONFIG_KEYS = ['enabled', 'tags', 'meta', 'freshness', 'loaded_at_field', 'loaded_at_query', 'event_time'];
const NOT_APPLIED = ['loaded_at_query', 'event_time'];

/** Reads the inheritable settings of `entry` (a source or a table) over `base`. */
export function readSettings(entry: MapReader, base: SourceSettings): SourceSettings {
  const config = entry.child('config', `config of ${entry.what}`);
  config?.checkKeys(CONFIG_KEYS);
  for (const key of NOT_APPLIED) for (const reader of [entry, config]) if (reader?.has(key)) notApplied(reader, key);
  const tags = [...(entry.get('tags', tagList) ?? []), ...(config?.get('tags', tagList) ?? [])];
  const freshness = mergeFreshness(mergeFreshness(base.freshness, readFreshness(entry)), readFreshness(config));
  const settings: SourceSettings = {
    tags: [...new Set([...base.tags, ...tags])],
    meta: { ...base.meta, ...mapping(entry, 'meta'), ...mapping(config, 'meta') },
    quoting: { ...base.quoting, ...readQuoting(entry) },
    enabled: config?.get('enabled', boolean) ?? base.enabled,
  };
  const loadedAtField = config?.get('loaded_at_field', nonEmptyText) ?? entry.get('loaded_at_field', nonEmptyText) ?? base.loadedAtField;
  if (freshness) settings.freshness = freshness;
  if (loadedAtField) settings.loadedAtField = loadedAtField;
  return settings;
}

function mapping(reader: MapReader | undefined, key: string): Record<string, unknown> {
  const value = reader?.get(key, anything);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readQuoting(entry: MapReader): SourceQuoting {
  const block = entry.child('quoting', `quoting of ${entry.what}`);
  if (!block) return {};
  block.checkKeys(['database', 'schema', 'identifier', 'column']);
  const quoting: SourceQuoting = {};
  for (const key of ['database', 'schema', 'identifier'] as const) {
    const value = block.get(key, boolean);
    if (value !== undefined) quoting[key] = value;
  }
  return quoting;
}

/** Warns (SPK040) about a dbt key sparkify reads but does not apply. */
export function notApplied(reader: MapReader, key: string): void {
  reader.scope.source.warnings.push({
    code: ProjectErrors.dbtUnsupported,
    message: `\`${key}\` in ${reader.what} is not supported yet`,
    location: reader.keyAt(key),
    hint: 'sparkify ignores it; the rest of the project builds',
  });
}
