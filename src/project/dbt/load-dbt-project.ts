/** A project written for dbt: dbt_project.yml, profiles.yml (and sources.yml if there is one) into a LoadedProject. */
import type { TargetConfig } from '../../engines/target-config.js';
import fg from 'fast-glob';
import { isMap, type YAMLMap } from 'yaml';
import { posix } from 'node:path';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { collectSecrets } from '../../engines/collect-secrets.js';
import { secretEnvValues } from '../secret-env.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { LoadProjectOptions } from '../load-project.js';
import { MapReader } from '../../config/map-reader.js';
import { parseVars } from '../parse-vars.js';
import { findProfiles, readProfiles } from '../profiles/read-profiles.js';
import { ReadScope } from '../../config/read-scope.js';
import { readSources } from '../read-sources.js';
import { addSchemaSources } from '../schema-sources/add-schema-sources.js';
import { readVars } from '../read-vars.js';
import type { LoadedProject, ProjectConfig, SeedConfig } from '../types.js';
import { readYamlSource, type YamlSource } from '../../config/yaml-source.js';
import { configsAt } from './folder-configs.js';
import { readDbtProject } from './read-dbt-project.js';
import { loadPackages } from '../packages/load-packages.js';

/** The file name dbt reads. */
export const DBT_PROJECT_FILE = 'dbt_project.yml';

/** Reads a dbt project from `root`; throws SparkifyError listing every problem found. */
export function loadDbtProject(root: string, options: LoadProjectOptions): LoadedProject {
  const source = readYamlSource(root, DBT_PROJECT_FILE)!;
  const top = topMapping(source);
  const reader = (scope: ReadScope) => new MapReader(scope, top, source.position(top), DBT_PROJECT_FILE);
  const cliVars = parseVars(options.varsText ?? '');
  const vars = scopeVars(readVars(reader(new ReadScope(source, { env: options.env })), cliVars), String(top.get('name') ?? ''));
  const { config, profile, cleanTargets } = readDbtProject(reader(new ReadScope(source, { env: options.env, vars })), root, vars);
  source.throwIfProblems();
  const warnings: Diagnostic[] = [...source.warnings];
  const { targets, selected } = connect(root, profile, options, warnings);
  const target = targets[selected];
  config.targets = targets;
  config.defaultTarget = selected;
  config.vars = { ...vars, ...target.vars, ...cliVars };
  config.cleanTargets = cleanTargets;
  const seeds = seedConfigs(root, config);
  if (seeds) config.seeds = seeds;
  const context = { env: options.env, vars: config.vars };
  const sources = addSchemaSources(root, config, readSources(root, context), context, warnings);
  return { config, sources, target, secrets: [...collectSecrets(Object.values(targets)), ...secretEnvValues(options.env)], warnings, packages: loadPackages(root, config, options.env) };
}

/** dbt scopes vars by package: `vars: {my_project: {x: 1}}` sets x for my_project, over the global ones. */
function scopeVars(vars: Record<string, unknown>, projectName: string): Record<string, unknown> {
  const scoped = vars[projectName];
  if (!projectName || scoped === null || typeof scoped !== 'object' || Array.isArray(scoped)) return vars;
  const { [projectName]: _, ...global } = vars;
  return { ...global, ...(scoped as Record<string, unknown>) };
}

/** The profile's targets; without any profiles.yml, the embedded warehouse (a warning says so). */
function connect(root: string, profile: string, options: LoadProjectOptions, warnings: Diagnostic[]): { targets: Record<string, TargetConfig>; selected: string } {
  const path = findProfiles(root, { profilesDir: options.profilesDir, env: options.env });
  if (path) {
    const read = readProfiles(path, profile, { profilesDir: options.profilesDir, targetName: options.targetName, env: options.env }, root);
    warnings.push(...read.warnings);
    return { targets: read.targets, selected: read.selected };
  }
  const looked = '--profiles-dir, $DBT_PROFILES_DIR, the project folder and ~/.dbt/';
  if (options.targetName) {
    throw new SparkifyError({ code: ProjectErrors.profileNotFound, message: `no profiles.yml found (looked in ${looked}) for --target ${options.targetName}`, location: { file: DBT_PROJECT_FILE }, hint: `write profiles.yml with profile '${profile}' in the project folder or ~/.dbt/` });
  }
  warnings.push({ code: ProjectErrors.profileNotFound, message: `no profiles.yml found (looked in ${looked}): building in the embedded PGlite warehouse .sparkify/dev`, location: { file: DBT_PROJECT_FILE }, hint: `add profiles.yml with profile '${profile}' to build elsewhere` });
  const dev: TargetConfig = { name: 'dev', type: 'pglite', path: '.sparkify/dev', schema: 'public', threads: 4, position: { file: DBT_PROJECT_FILE, line: 1 } };
  return { targets: { dev }, selected: 'dev' };
}

/** `seeds:` column_types per seed, from the folder configs that apply to each CSV under seeds/. */
function seedConfigs(root: string, config: ProjectConfig): Record<string, SeedConfig> | undefined {
  const tree = config.folderConfigs?.seeds;
  if (!tree) return undefined;
  const out: Record<string, SeedConfig> = {};
  const patterns = (config.seedPaths ?? ['seeds']).map((folder) => `${fg.escapePath(folder.replace(/\/+$/, ''))}/**/*.csv`);
  for (const path of fg.sync(patterns, { cwd: root, onlyFiles: true }).sort()) {
    const parts = path.replace(/\.csv$/, '').split('/').slice(1);
    const found = configsAt(tree, [config.name, ...parts]);
    const seed = seedConfig(found);
    if (seed) out[posix.basename(path, '.csv')] = seed;
  }
  return out;
}

/** The configs found at a seed's path as a SeedConfig; undefined when none applies. */
function seedConfig(found: Record<string, unknown>): SeedConfig | undefined {
  const types = found.column_types;
  const seed: SeedConfig = { columnTypes: types && typeof types === 'object' ? Object.fromEntries(Object.entries(types).map(([k, v]) => [k, String(v)])) : {} };
  if (found.schema !== undefined && found.schema !== null && found.schema !== '') seed.schema = String(found.schema);
  if (found.alias !== undefined && found.alias !== null && found.alias !== '') seed.alias = String(found.alias);
  if (Array.isArray(found.tags) && found.tags.length > 0) seed.tags = found.tags.map(String);
  if (found.enabled !== undefined) seed.enabled = found.enabled !== false && found.enabled !== 'false';
  return Object.keys(seed.columnTypes).length > 0 || Object.keys(seed).length > 1 ? seed : undefined;
}

function topMapping(source: YamlSource): YAMLMap {
  const contents = source.document.contents;
  if (isMap(contents)) return contents;
  throw new SparkifyError({ code: ProjectErrors.notAMapping, message: `${DBT_PROJECT_FILE} must be a mapping of settings`, location: source.position(contents), hint: 'start dbt_project.yml with `name: my_project`' });
}
