/**
 * dbt_project.yml's per-folder configs (`models:`, `seeds:`, `snapshots:`, `data_tests:`): a tree
 * whose keys are `+config` keys, known config keys, or sub-folders (and, at the leaves, node names).
 * See dbt's docs, "resource configs" and "dbt_project.yml": a key without `+` is a folder unless it
 * is a config key of that resource type.
 */
import type { Position } from '../../diagnostics.js';
import { isMap } from 'yaml';
import type { MapReader } from '../../config/map-reader.js';
import { anything } from '../../config/value-kinds.js';

/** One folder of the tree: the configs written at it, and its sub-folders. */
export interface FolderConfigNode {
  configs: Record<string, FolderConfigValue>;
  children: Record<string, FolderConfigNode>;
}

/** A config value and where it is written (for warnings about keys sparkify does not support yet). */
export interface FolderConfigValue {
  value: unknown;
  at: Position;
}

/** Config keys whose values are mappings, which a `+`-less key would otherwise read as a folder. */
const MAPPING_CONFIGS = new Set(['meta', 'docs', 'persist_docs', 'grants', 'quoting', 'column_types', 'contract', 'snapshot_meta_column_names', 'freshness']);

/** Reads a resource block (e.g. the value of `models:`), `known` being that resource type's config keys. */
export function readFolderConfigs(block: MapReader, known: ReadonlySet<string>): FolderConfigNode {
  const node: FolderConfigNode = { configs: {}, children: {} };
  for (const key of block.keys()) {
    const plus = key.startsWith('+');
    const name = normalize(plus ? key.slice(1) : key);
    const isConfig = plus || (known.has(name) && (!isMapping(block, key) || MAPPING_CONFIGS.has(name)));
    if (isConfig) {
      node.configs[name] = { value: block.get(key, anything), at: block.keyAt(key) };
      continue;
    }
    const child = isMapping(block, key) ? block.child(key, `${block.what}.${key}`) : undefined;
    if (child) node.children[key] = readFolderConfigs(child, known);
    else node.configs[name] = { value: block.get(key, anything), at: block.keyAt(key) };
  }
  return node;
}

/** dbt writes hooks `pre-hook`; sparkify's config() calls them `pre_hook`. */
function normalize(key: string): string {
  return key === 'pre-hook' ? 'pre_hook' : key === 'post-hook' ? 'post_hook' : key;
}

function isMapping(block: MapReader, key: string): boolean {
  const pair = block.map.items.find((item) => String((item.key as { value?: unknown })?.value ?? item.key) === key);
  return isMap(pair?.value);
}

/** Keys whose values add up down the tree (dbt appends tags and hooks; every other key is replaced). */
const APPENDED = new Set(['tags', 'pre_hook', 'post_hook']);

/**
 * The configs that apply to a node at `path` (project name, folders, node name), walking from the
 * project level down: deeper folders override, tags and hooks accumulate.
 */
export function configsAt(tree: FolderConfigNode | undefined, path: string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  let node = tree;
  const visit = (current: FolderConfigNode) => {
    for (const [key, { value }] of Object.entries(current.configs)) merged[key] = APPENDED.has(key) ? [...asList(merged[key]), ...asList(value)] : value;
  };
  if (node) visit(node);
  for (const part of path) {
    node = node?.children[part];
    if (!node) break;
    visit(node);
  }
  return merged;
}

/** Every config key written anywhere in the tree, with where it is (to warn about unsupported ones). */
export function allConfigKeys(tree: FolderConfigNode | undefined): (FolderConfigValue & { key: string })[] {
  const out: (FolderConfigValue & { key: string })[] = [];
  const walk = (node: FolderConfigNode) => {
    for (const [key, value] of Object.entries(node.configs)) out.push({ ...value, key });
    for (const child of Object.values(node.children)) walk(child);
  };
  if (tree) walk(tree);
  return out;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
