/**
 * dbt_project.yml's `data_tests:` configs (`+severity`, `+store_failures`, ...), as dbt applies them to
 * every test under a folder: a generic test sits where its schema file is, a singular test where its
 * file is (https://docs.getdbt.com/reference/data-test-configs). A test's own config wins.
 */
import type { Position } from '../../diagnostics.js';
import type { ProjectConfig } from '../types.js';
import type { TestConfigSpec } from '../schema-types.js';
import { parseThreshold } from '../threshold-syntax.js';
import { configsAt, type FolderConfigNode } from './folder-configs.js';

/** Reports a wrong value at its line. */
export type ConfigReport = (message: string, at: Position, hint: string) => void;

/** Checks and normalises the values of the `data_tests:` tree in place; a wrong one is reported and dropped. */
export function checkTestFolderConfigs(tree: FolderConfigNode, report: ConfigReport): void {
  for (const [key, entry] of Object.entries(tree.configs)) {
    const value = normalised(key, entry.value);
    if (value !== INVALID) entry.value = value;
    else {
      report(`\`+${key}: ${JSON.stringify(entry.value)}\` under \`data_tests:\` is not valid`, entry.at, HINTS[key] ?? 'see dbt\'s data test configs');
      delete tree.configs[key];
    }
  }
  for (const child of Object.values(tree.children)) checkTestFolderConfigs(child, report);
}

const INVALID = Symbol('invalid');
const HINTS: Record<string, string> = {
  severity: 'use error or warn', warn_if: 'write an operator and a whole number, e.g. ">10"', error_if: 'write an operator and a whole number, e.g. ">10"',
  where: 'write a SQL condition', enabled: 'use true or false', store_failures: 'use true or false', tags: 'write a tag or a list of tags',
};

function normalised(key: string, value: unknown): unknown {
  if (key === 'severity') return typeof value === 'string' && ['error', 'warn'].includes(value.toLowerCase()) ? value.toLowerCase() : INVALID;
  if (key === 'warn_if' || key === 'error_if') return parseThreshold(String(value)) ?? INVALID;
  if (key === 'where') return typeof value === 'string' && value.trim() !== '' ? value : INVALID;
  if (key === 'enabled' || key === 'store_failures') return typeof value === 'boolean' ? value : INVALID;
  if (key === 'tags') return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : INVALID;
  return value;
}

/** The folder configs at `path` (package or project name, then folders) as a test's config. */
export function testFolderConfig(config: ProjectConfig, path: string[]): TestConfigSpec {
  const found = configsAt(config.folderConfigs?.data_tests, path);
  const spec: TestConfigSpec = {};
  if (found.severity !== undefined) spec.severity = found.severity as TestConfigSpec['severity'];
  if (found.warn_if !== undefined) spec.warnIf = String(found.warn_if);
  if (found.error_if !== undefined) spec.errorIf = String(found.error_if);
  if (found.where !== undefined) spec.where = String(found.where);
  if (found.enabled !== undefined) spec.enabled = found.enabled === true;
  if (found.store_failures !== undefined) spec.storeFailures = found.store_failures === true;
  if (Array.isArray(found.tags) && found.tags.length > 0) spec.tags = found.tags.map(String);
  return spec;
}

/** A test's own config over the folder's: its keys win, tags add up (as dbt merges configs). */
export function withFolderTestConfig(own: TestConfigSpec, folder: TestConfigSpec): TestConfigSpec {
  const merged: TestConfigSpec = { ...folder, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
  if (folder.tags || own.tags) merged.tags = [...new Set([...(folder.tags ?? []), ...(own.tags ?? [])])];
  return merged;
}
