/** The defaults a model starts from: project.yml's `models:`, or dbt_project.yml's folder configs at its path. */
import type { ModelDefaults, ProjectConfig } from '../types.js';
import { APPLIED_CONFIG_KEYS } from './config-keys.js';
import { configsAt } from './folder-configs.js';

const CORE = ['materialized', 'schema', 'alias', 'tags', 'enabled'];

/** `path` is the model's fqn: project name, folders below the model path, model name. */
export function modelDefaultsFor(config: ProjectConfig, path: string[]): ModelDefaults {
  const tree = config.folderConfigs?.models;
  if (!tree) return config.modelDefaults;
  const { materialized, tags, schema } = config.modelDefaults;
  return withFolderConfigs({ materialized, tags, extra: {}, ...(schema === undefined ? {} : { schema }) }, configsAt(tree, path));
}

/** `defaults` with the folder configs `found` over them: its keys win, tags are added, other applied keys go to `extra`. */
function withFolderConfigs(defaults: ModelDefaults, found: Record<string, unknown>): ModelDefaults {
  const merged: ModelDefaults = { ...defaults, tags: [...defaults.tags, ...asList(found.tags)], extra: { ...defaults.extra } };
  if (found.materialized !== undefined) merged.materialized = String(found.materialized);
  if (found.schema !== undefined && found.schema !== null) merged.schema = String(found.schema);
  if (found.alias !== undefined && found.alias !== null) merged.alias = String(found.alias);
  if (found.enabled !== undefined) merged.enabled = found.enabled !== false && found.enabled !== 'false';
  for (const [key, value] of Object.entries(found)) if (!CORE.includes(key) && APPLIED_CONFIG_KEYS.models.has(key)) merged.extra![key] = value;
  return merged;
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
  return tree ? withFolderConfigs(own, configsAt(tree, path)) : own;
}

/** dbt_project.yml's `snapshots:` configs that apply at a snapshot's fqn, `+` keys in config() spelling. */
export function snapshotFolderConfigs(config: ProjectConfig, path: string[]): Record<string, unknown> {
  const found = configsAt(config.folderConfigs?.snapshots, path);
  return Object.fromEntries(Object.entries(found).filter(([key]) => APPLIED_CONFIG_KEYS.snapshots.has(key)));
}
