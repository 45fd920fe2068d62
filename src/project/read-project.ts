/** project.yml (already parsed, vars already read) into ProjectConfig and the selected target. */
import type { TargetConfig } from '../engines/target-config.js';
import { ProjectErrors } from '../config/error-codes.js';
import { assignDefined } from '../config/assign-defined.js';
import type { MapReader } from '../config/map-reader.js';
import { readTargets } from '../engines/read-targets.js';
import { checkTargetDefined, chooseTarget } from './select-target.js';
import type { ModelDefaults, ProjectConfig } from './types.js';
import { nonEmptyText, textList } from '../config/value-kinds.js';
import { hookList } from './hook-list.js';
import { readSeedConfigs } from './read-seed-configs.js';
import { readDispatch } from './read-dispatch.js';

const projectKeys = [
  'name', 'model-paths', 'macro-paths', 'test-paths', 'models', 'vars', 'default_target', 'targets', 'on_run_start', 'on_run_end', 'seeds',
  'snapshot-paths', 'seed-paths', 'target-path', 'clean-targets', 'dispatch',
];
const modelKeys = ['materialized', 'schema', 'tags'];

/** How the target is chosen; see LoadProjectOptions. */
export interface TargetOptions {
  targetName?: string;
  env: Record<string, string | undefined>;
}

/** The config and the selected target (undefined when it is missing or invalid: then a problem is reported). */
export interface ProjectRead {
  config: ProjectConfig;
  target: TargetConfig | undefined;
}

/** Reads every key of project.yml except vars, reporting problems into the file. */
export function readProject(
  project: MapReader,
  root: string,
  vars: Record<string, unknown>,
  options: TargetOptions,
): ProjectRead {
  project.checkKeys(projectKeys);
  const defaultTarget = project.get('default_target', nonEmptyText);
  const choice = chooseTarget(options.targetName, options.env, defaultTarget);
  const { targets, defined } = readTargetsBlock(project, choice.name, root);
  // A `targets` value of the wrong type is reported already; "not defined" would only repeat it.
  if (defined) checkTargetDefined(project, choice, defined);
  const config: ProjectConfig = {
    root,
    name: readName(project),
    modelPaths: project.get('model-paths', textList) ?? ['models'],
    macroPaths: project.get('macro-paths', textList) ?? ['macros'],
    testPaths: project.get('test-paths', textList) ?? ['tests'],
    snapshotPaths: project.get('snapshot-paths', textList) ?? ['snapshots'],
    seedPaths: project.get('seed-paths', textList) ?? ['seeds'],
    targetPath: project.get('target-path', nonEmptyText) ?? 'target',
    modelDefaults: readModelDefaults(project),
    vars,
    targets,
    defaultTarget: defaultTarget ?? 'dev',
  };
  assignDefined(config, { cleanTargets: project.get('clean-targets', textList) });
  assignDefined(config, { onRunStart: project.get('on_run_start', hookList), onRunEnd: project.get('on_run_end', hookList), seeds: readSeedConfigs(project), dispatch: readDispatch(project) });
  return { config, target: targets[choice.name] };
}

function readName(project: MapReader): string {
  const name = project.require('name', nonEmptyText, 'add `name: my_project` at the top of project.yml');
  if (name === undefined || /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name ?? '';
  // The name becomes part of node ids and schema names, so it must be a plain identifier.
  const hint = `use letters, digits and underscores, e.g. ${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const message = `project name '${name}' is not an identifier`;
  project.report(ProjectErrors.invalidValue, message, project.valueAt('name'), hint);
  return name;
}

function readModelDefaults(project: MapReader): ModelDefaults {
  const models = project.child('models', 'models');
  models?.checkKeys(modelKeys);
  const defaults: ModelDefaults = {
    materialized: models?.get('materialized', nonEmptyText) ?? 'table',
    tags: models?.get('tags', textList) ?? [],
  };
  return assignDefined(defaults, { schema: models?.get('schema', nonEmptyText) });
}

interface TargetsBlock {
  targets: Record<string, TargetConfig>;
  /** Names written under `targets`, valid or not; undefined when `targets` is not a mapping. */
  defined: string[] | undefined;
}

/** Without a `targets` block the project gets one PGlite target, `dev`, so a new project runs at once. */
function readTargetsBlock(project: MapReader, selected: string, root: string): TargetsBlock {
  if (project.has('targets')) {
    const block = project.child('targets', 'targets');
    return { targets: block ? readTargets(block, selected, root) : {}, defined: block?.keys() };
  }
  const dev: TargetConfig = {
    name: 'dev',
    type: 'pglite',
    path: '.sparkify/dev',
    schema: 'public',
    threads: 4,
    position: project.at,
  };
  return { targets: { dev }, defined: ['dev'] };
}
