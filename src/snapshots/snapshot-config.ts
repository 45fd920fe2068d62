/** A snapshot's config() checked against dbt's snapshot configs. Pure. */
import { closestName, type Diagnostic } from '../diagnostics.js';
import { SnapshotErrors } from './error-codes.js';
import type { HardDeletes, MetaColumns, SnapshotConfig, SnapshotStrategy } from '../manifest/snapshot-node.js';

/** A problem of the config; `near` is the key it is about (the diagnostic points at config()). */
type Report = (diagnostic: Omit<Diagnostic, 'location' | 'node'>) => void;

const KEYS = [
  'strategy', 'unique_key', 'updated_at', 'check_cols', 'hard_deletes', 'invalidate_hard_deletes',
  'snapshot_meta_column_names', 'valid_to_current', 'dbt_valid_to_current', 'schema', 'target_schema', 'target_database',
  'alias', 'tags', 'enabled', 'description',
];

const STRATEGIES: SnapshotStrategy[] = ['timestamp', 'check'];
const HARD_DELETES: HardDeletes[] = ['ignore', 'invalidate', 'new_record'];

/**
 * Default names of the meta columns. dbt's are dbt_valid_from, ...; the issue asks for
 * valid_from/valid_to, and updated_at becomes snapshot_updated_at because source rows often have a
 * column called updated_at already (the timestamp strategy's usual updated_at column).
 */
export const DEFAULT_META_COLUMNS: MetaColumns = {
  validFrom: 'valid_from', validTo: 'valid_to', scdId: 'scd_id', updatedAt: 'snapshot_updated_at', isDeleted: 'is_deleted',
};
/** snapshot_meta_column_names keys: ours, and dbt's dbt_-prefixed spelling. */
const META_KEYS: Record<string, keyof MetaColumns> = {
  valid_from: 'validFrom', valid_to: 'validTo', scd_id: 'scdId', updated_at: 'updatedAt', is_deleted: 'isDeleted',
  dbt_valid_from: 'validFrom', dbt_valid_to: 'validTo', dbt_scd_id: 'scdId', dbt_updated_at: 'updatedAt', dbt_is_deleted: 'isDeleted',
};

/** dbt's own names of the meta columns: the defaults of a project read from dbt_project.yml. */
export const DBT_META_COLUMNS: MetaColumns = {
  validFrom: 'dbt_valid_from', validTo: 'dbt_valid_to', scdId: 'dbt_scd_id', updatedAt: 'dbt_updated_at', isDeleted: 'dbt_is_deleted',
};

/** Project-level values a snapshot falls back to. */
export interface SnapshotDefaults {
  schema: string;
  /** dbt's naming: `schema: x` is the custom schema `<target schema>_x`; `target_schema` names the schema itself. */
  dbtSchemaNames?: boolean;
  /** DEFAULT_META_COLUMNS unless given (DBT_META_COLUMNS for a dbt project). */
  metaColumns?: MetaColumns;
}

/** The checked config, or undefined when something essential is wrong (each problem reported). */
export function resolveSnapshotConfig(given: Record<string, unknown>, defaults: SnapshotDefaults, report: Report): SnapshotConfig | undefined {
  for (const key of Object.keys(given)) {
    if (KEYS.includes(key)) continue;
    const close = closestName(key, KEYS);
    report({ code: SnapshotErrors.unknownKey, message: `unknown snapshot config key '${key}'`, hint: close ? `did you mean ${close}=...?` : `snapshot config keys: ${KEYS.join(', ')}` });
  }
  const strategy = readStrategy(given, report);
  const uniqueKey = readUniqueKey(given.unique_key, report);
  const hardDeletes = readHardDeletes(given, report);
  const metaColumns = readMetaColumns(given.snapshot_meta_column_names, report, defaults.metaColumns);
  const validToCurrent = readValidToCurrent(given.valid_to_current ?? given.dbt_valid_to_current, report);
  if (!strategy || !uniqueKey || !hardDeletes || !metaColumns || validToCurrent === false) return undefined;
  const config: SnapshotConfig = {
    ...strategy, uniqueKey, hardDeletes, metaColumns,
    // target_database is accepted and left to the target: a PostgreSQL connection reads one database.
    schema: schemaOf(given, defaults),
    tags: [...new Set(list(given.tags))].sort(),
    enabled: given.enabled === undefined ? true : Boolean(given.enabled),
  };
  if (validToCurrent !== undefined) config.validToCurrent = validToCurrent;
  if (text(given.alias)) config.alias = text(given.alias);
  return config;
}

function schemaOf(given: Record<string, unknown>, defaults: SnapshotDefaults): string {
  const custom = text(given.schema);
  if (custom !== undefined) return defaults.dbtSchemaNames ? `${defaults.schema}_${custom}` : custom;
  return text(given.target_schema) ?? defaults.schema;
}

type StrategyPart = Pick<SnapshotConfig, 'strategy' | 'updatedAt' | 'checkCols'>;

function readStrategy(given: Record<string, unknown>, report: Report): StrategyPart | undefined {
  const strategy = given.strategy as SnapshotStrategy | undefined;
  if (strategy === undefined) {
    report({ code: SnapshotErrors.badStrategy, message: 'snapshot has no strategy', hint: "add strategy='timestamp' with updated_at='column', or strategy='check' with check_cols=['column', ...]" });
    return undefined;
  }
  if (!STRATEGIES.includes(strategy as SnapshotStrategy)) {
    const close = closestName(String(strategy), STRATEGIES);
    report({ code: SnapshotErrors.badStrategy, message: `unknown snapshot strategy '${String(strategy)}'`, hint: close ? `did you mean '${close}'?` : "use 'timestamp' or 'check'" });
    return undefined;
  }
  if (strategy === 'timestamp') {
    const updatedAt = text(given.updated_at);
    if (updatedAt) return { strategy, updatedAt };
    report({ code: SnapshotErrors.badStrategy, message: "strategy 'timestamp' needs updated_at, the column that says when a row last changed", hint: "add updated_at='updated_at' (a column of the query), or use strategy='check'" });
    return undefined;
  }
  const checkCols = given.check_cols;
  if (checkCols === 'all') return { strategy, checkCols };
  const columns = Array.isArray(checkCols) ? checkCols : typeof checkCols === 'string' ? [checkCols] : undefined;
  if (columns && columns.length > 0 && columns.every((c) => typeof c === 'string' && c.trim() !== '')) {
    return { strategy, checkCols: columns.map((c: string) => c.trim()) };
  }
  report({ code: SnapshotErrors.badStrategy, message: "strategy 'check' needs check_cols: a list of column names, or 'all'", hint: "e.g. check_cols=['level'] or check_cols='all'" });
  return undefined;
}

function readUniqueKey(value: unknown, report: Report): string[] | undefined {
  const keys = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (keys.length > 0 && keys.every((k) => typeof k === 'string' && k.trim() !== '')) return keys.map((k: string) => k.trim());
  report({
    code: SnapshotErrors.badUniqueKey,
    message: value === undefined ? 'snapshot has no unique_key' : 'unique_key must be a column name or a list of column names',
    hint: "a snapshot keeps one history per key: unique_key='id' or unique_key=['user_id', 'day']",
  });
  return undefined;
}

function readHardDeletes(given: Record<string, unknown>, report: Report): HardDeletes | undefined {
  const legacy = given.invalidate_hard_deletes;
  if (legacy !== undefined && typeof legacy !== 'boolean') {
    report({ code: SnapshotErrors.badHardDeletes, message: 'invalidate_hard_deletes must be true or false', hint: "or use dbt 1.9's hard_deletes='invalidate'" });
    return undefined;
  }
  if (given.hard_deletes === undefined) return legacy ? 'invalidate' : 'ignore';
  const value = String(given.hard_deletes);
  if (HARD_DELETES.includes(value as HardDeletes)) return value as HardDeletes;
  const close = closestName(value, HARD_DELETES);
  report({ code: SnapshotErrors.badHardDeletes, message: `unknown hard_deletes '${value}'`, hint: close ? `did you mean '${close}'?` : "use 'ignore', 'invalidate' or 'new_record'" });
  return undefined;
}

function readMetaColumns(value: unknown, report: Report, defaults = DEFAULT_META_COLUMNS): MetaColumns | undefined {
  if (value === undefined || value === null) return { ...defaults };
  const problem = (message: string, hint: string) => {
    report({ code: SnapshotErrors.badMetaColumns, message, hint });
    return undefined;
  };
  if (typeof value !== 'object' || Array.isArray(value)) return problem('snapshot_meta_column_names must be a mapping', "e.g. snapshot_meta_column_names={'valid_from': 'start_date', 'valid_to': 'end_date'}");
  const names = { ...defaults };
  for (const [key, name] of Object.entries(value as Record<string, unknown>)) {
    if (key === '__keywords') continue;
    const field = META_KEYS[key];
    if (!field) {
      const close = closestName(key, Object.keys(META_KEYS));
      return problem(`unknown key '${key}' in snapshot_meta_column_names`, close ? `did you mean '${close}'?` : 'keys: valid_from, valid_to, scd_id, updated_at, is_deleted');
    }
    if (typeof name !== 'string' || name.trim() === '') return problem(`snapshot_meta_column_names: '${key}' must name a column`, `e.g. '${key}': 'my_${key}'`);
    names[field] = name.trim();
  }
  const all = Object.values(names);
  const twice = all.find((name, i) => all.indexOf(name) !== i);
  if (twice) return problem(`snapshot_meta_column_names gives two meta columns the name '${twice}'`, 'give each meta column its own name');
  return names;
}

/** undefined: not set; false: invalid (reported). */
function readValidToCurrent(value: unknown, report: Report): string | undefined | false {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  report({ code: SnapshotErrors.badMetaColumns, message: 'valid_to_current must be an SQL expression, as a string', hint: "e.g. valid_to_current=\"timestamp '9999-12-31'\"" });
  return false;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
