/** The defaults a model starts from: project.yml's `models:`, or dbt_project.yml's folder configs at its path. */
import type { ModelDefaults, ProjectConfig } from '../types.js';
import { APPLIED_CONFIG_KEYS } from './config-keys.js';
import { configsAt } from './folder-configs.js';

const CORE = ['materialized', 'schema', 'alias', 'tags', 'enabled'];

/** `path` is the model's fqn: project name, folders below the model path, model name. */
export function modelDefaultsFor(config: ProjectConfig, path: string[]): ModelDefaults {
  const tree = config.folderConfigs?.models;
  if (!tree) return config.modelDefaults;
  const found = configsAt(tree, path);
  const extra = Object.fromEntries(Object.entries(found).filter(([key]) => !CORE.includes(key) && APPLIED_CONFIG_KEYS.models.has(key)));
  const defaults: ModelDefaults = {
    materialized: found.materialized === undefined ? config.modelDefaults.materialized : String(found.materialized),
    tags: [...config.modelDefaults.tags, ...asList(found.tags)],
    extra,
  };
  const schema = found.schema ?? config.modelDefaults.schema;
  if (schema !== undefined && schema !== null) defaults.schema = String(schema);
  if (found.alias !== undefined && found.alias !== null) defaults.alias = String(found.alias);
  if (found.enabled !== undefined) defaults.enabled = found.enabled !== false && found.enabled !== 'false';
  return defaults;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * The defaults of a model of an installed package: the package's own folder configs, under what the
 * project's dbt_project.yml says for the package's path (`models: {pkg: {+schema: x}}`), as dbt
 * applies the root project's configs over a package's.
 */
export function packageModelDefaults(project: ProjectConfig, pkg: ProjectConfig, path: string[]): ModelDefaults {
  const own = modelDefaultsFor(pkg, path);
  const tree = project.folderConfigs?.models;
  if (!tree) return own;
  const found = configsAt(tree, path);
  const merged: ModelDefaults = { ...own, tags: [...own.tags, ...asList(found.tags)], extra: { ...own.extra } };
  if (found.materialized !== undefined) merged.materialized = String(found.materialized);
  if (found.schema !== undefined && found.schema !== null) merged.schema = String(found.schema);
  if (found.alias !== undefined && found.alias !== null) merged.alias = String(found.alias);
  if (found.enabled !== undefined) merged.enabled = found.enabled !== false && found.enabled !== 'false';
  for (const [key, value] of Object.entries(found)) if (!CORE.includes(key) && APPLIED_CONFIG_KEYS.models.has(key)) merged.extra![key] = value;
  return merged;
}

/** dbt_project.yml's `snapshots:` configs that apply at a snapshot's fqn, `+` keys in config() spelling. */
export function snapshotFolderConfigs(config: ProjectConfig, path: string[]): Record<string, unknown> {
  const found = configsAt(config.folderConfigs?.snapshots, path);
  return Object.fromEntries(Object.entries(found).filter(([key]) => APPLIED_CONFIG_KEYS.snapshots.has(key)));
}
