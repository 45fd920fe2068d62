/** dbt_project.yml (parsed, vars read) into ProjectConfig, as dbt reads it. */
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { hookList } from '../hook-list.js';
import type { ProjectConfig } from '../types.js';
import { nonEmptyText, textList, anything } from '../../config/value-kinds.js';
import { APPLIED_CONFIG_KEYS, DBT_CONFIG_KEYS, type ResourceBlock } from './config-keys.js';
import { allConfigKeys, readFolderConfigs, type FolderConfigNode } from './folder-configs.js';
import { checkRequiredDbtVersion } from './require-dbt-version.js';
import { checkTestFolderConfigs } from './test-folder-configs.js';
import { readDispatch } from '../read-dispatch.js';

/** The keys of dbt_project.yml sparkify reads; those in NOT_APPLIED are read and warned about. */
const KNOWN_KEYS = [
  'name', 'profile', 'config-version', 'version', 'model-paths', 'seed-paths', 'snapshot-paths', 'test-paths', 'macro-paths',
  'analysis-paths', 'docs-paths', 'asset-paths', 'target-path', 'log-path', 'packages-install-path', 'clean-targets', 'vars',
  'on-run-start', 'on-run-end', 'require-dbt-version', 'quoting', 'flags', 'query-comment', 'dispatch', 'restrict-access',
  'models', 'seeds', 'snapshots', 'data_tests', 'tests', 'sources', 'unit_tests', 'metrics', 'exposures', 'semantic-models', 'saved-queries',
];
/** Keys whose value sparkify does not apply yet, unless it is dbt's default (then nothing changes). */
const DEFAULTS_ONLY: Record<string, unknown> = {
  'analysis-paths': ['analyses'], 'docs-paths': undefined, 'asset-paths': [],
  'log-path': 'logs', 'packages-install-path': 'dbt_packages', 'config-version': 2,
};
const IGNORED_WITH_WARNING = ['quoting', 'flags', 'query-comment', 'restrict-access', 'sources', 'unit_tests', 'metrics', 'exposures', 'semantic-models', 'saved-queries'];

/** What reading dbt_project.yml gives besides ProjectConfig. */
export interface DbtProjectRead {
  config: ProjectConfig;
  /** `profile:`, the profiles.yml entry to connect with (dbt requires it; the name is the fallback). */
  profile: string;
  /** `clean-targets`, for `sparkify clean`. */
  cleanTargets: string[];
}

/** Reads every key of dbt_project.yml except vars; unsupported keys are warnings (SPK040), never failures. */
export function readDbtProject(project: MapReader, root: string, vars: Record<string, unknown>): DbtProjectRead {
  for (const key of project.keys()) if (!KNOWN_KEYS.includes(key)) unsupported(project, key, `unknown key \`${key}\` in dbt_project.yml`);
  for (const [key, fallback] of Object.entries(DEFAULTS_ONLY)) checkDefault(project, key, fallback);
  for (const key of IGNORED_WITH_WARNING) if (project.has(key)) unsupported(project, key, `\`${key}\` in dbt_project.yml is not supported yet`);
  checkRequiredDbtVersion(project);
  const name = project.require('name', nonEmptyText, 'add `name: my_project` at the top of dbt_project.yml') ?? '';
  const configs = readBlocks(project);
  const config: ProjectConfig = {
    root, name,
    modelPaths: project.get('model-paths', textList) ?? ['models'],
    macroPaths: project.get('macro-paths', textList) ?? ['macros'],
    testPaths: project.get('test-paths', textList) ?? ['tests'],
    snapshotPaths: project.get('snapshot-paths', textList) ?? ['snapshots'],
    seedPaths: project.get('seed-paths', textList) ?? ['seeds'],
    targetPath: project.get('target-path', nonEmptyText) ?? 'target',
    // dbt's default materialization (issue 9): models are views unless configured otherwise.
    modelDefaults: { materialized: 'view', tags: [] },
    vars, targets: {}, defaultTarget: '', flavor: 'dbt', folderConfigs: configs,
  };
  const onRunStart = project.get('on-run-start', hookList);
  const onRunEnd = project.get('on-run-end', hookList);
  if (onRunStart) config.onRunStart = onRunStart;
  if (onRunEnd) config.onRunEnd = onRunEnd;
  const dispatch = readDispatch(project);
  if (dispatch) config.dispatch = dispatch;
  const cleanTargets = project.get('clean-targets', textList) ?? [config.targetPath ?? 'target'];
  return { config, profile: project.get('profile', nonEmptyText) ?? name, cleanTargets };
}

/** The folder-config trees of models:, seeds:, snapshots:, data_tests: (tests: is dbt's older name). */
function readBlocks(project: MapReader): Partial<Record<ResourceBlock, FolderConfigNode>> {
  const out: Partial<Record<ResourceBlock, FolderConfigNode>> = {};
  for (const [key, block] of [['models', 'models'], ['seeds', 'seeds'], ['snapshots', 'snapshots'], ['data_tests', 'data_tests'], ['tests', 'data_tests']] as const) {
    const reader = project.child(key, key);
    if (!reader) continue;
    const tree = readFolderConfigs(reader, DBT_CONFIG_KEYS[block]);
    for (const { key: configKey, at } of allConfigKeys(tree)) {
      if (APPLIED_CONFIG_KEYS[block].has(configKey)) continue;
      const message = DBT_CONFIG_KEYS[block].has(configKey)
        ? `\`+${configKey}\` under \`${key}:\` is not supported yet`
        : `unknown config \`${configKey}\` under \`${key}:\``;
      project.scope.source.warnings.push({ code: ProjectErrors.dbtUnsupported, message, location: at, hint: 'sparkify ignores it; the rest of the project builds' });
    }
    if (block === 'data_tests') checkTestFolderConfigs(tree, (message, at, hint) => project.report(ProjectErrors.invalidValue, message, at, hint));
    out[block] = out[block] ? { configs: { ...out[block]!.configs, ...tree.configs }, children: { ...out[block]!.children, ...tree.children } } : tree;
  }
  return out;
}

function checkDefault(project: MapReader, key: string, fallback: unknown): void {
  if (!project.has(key)) return;
  const value = project.get(key, anything);
  if (JSON.stringify(value) === JSON.stringify(fallback)) return;
  unsupported(project, key, `\`${key}: ${JSON.stringify(value)}\` in dbt_project.yml is not supported yet (sparkify uses ${JSON.stringify(fallback) ?? 'none'})`);
}

function unsupported(project: MapReader, key: string, message: string): void {
  project.scope.source.warnings.push({ code: ProjectErrors.dbtUnsupported, message, location: project.keyAt(key), hint: 'sparkify ignores it; the rest of the project builds' });
}
