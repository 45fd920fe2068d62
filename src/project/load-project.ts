/** Reading a whole project: project.yml, then sources.yml, into a LoadedProject. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, type YAMLMap } from 'yaml';
import { DBT_PROJECT_FILE, loadDbtProject } from './dbt/load-dbt-project.js';
import { SparkifyError } from '../diagnostics.js';
import { collectSecrets } from '../engines/collect-secrets.js';
import { secretEnvValues } from './secret-env.js';
import { configFunctionsOutsideTargets } from '../engines/registry.js';
import { ProjectErrors } from '../config/error-codes.js';
import { MapReader } from '../config/map-reader.js';
import { describe } from '../config/node-values.js';
import { parseVars } from './parse-vars.js';
import { readProject } from './read-project.js';
import { ReadScope } from '../config/read-scope.js';
import { readSources } from './read-sources.js';
import { addSchemaSources } from './schema-sources/add-schema-sources.js';
import { readVars } from './read-vars.js';
import type { LoadedProject } from './types.js';
import { loadPackages } from './packages/load-packages.js';
import { readYamlSource, type YamlSource } from '../config/yaml-source.js';

/** Options of loadProject, as the CLI gathers them. */
export interface LoadProjectOptions {
  /** --vars as given on the command line (YAML or JSON text), merged over project.yml vars. */
  varsText?: string;
  /** --target; falls back to env.SPARKIFY_TARGET, then project.yml `default_target`, then 'dev'. */
  targetName?: string;
  /**
   * Environment used by env_var(); pass process.env from the CLI (kept as a parameter so this
   * phase is pure apart from reading the two files).
   */
  env: Record<string, string | undefined>;
  /** --profiles-dir, where a dbt project's profiles.yml is looked for first. */
  profilesDir?: string;
}

const file = 'project.yml';

/** Reads project.yml and sources.yml from `root`; throws SparkifyError listing every problem found. */
export function loadProject(root: string, options: LoadProjectOptions): LoadedProject {
  const kind = projectFileIn(root);
  if (kind === DBT_PROJECT_FILE) return loadDbtProject(root, options);
  const source = readYamlSource(root, file);
  if (!source) throw missingProject(root);
  const top = topMapping(source);
  const reader = (scope: ReadScope) => new MapReader(scope, top, source.position(top), file);
  const cliVars = parseVars(options.varsText ?? '');
  // Vars are rendered before they exist, so their templates may use env_var() only.
  // Engines' config functions (Redshift's dwh_cfg) work only inside their own target blocks; elsewhere they say so.
  const functions = configFunctionsOutsideTargets();
  const vars = readVars(reader(new ReadScope(source, { env: options.env, functions })), cliVars);
  const project = reader(new ReadScope(source, { env: options.env, vars, functions }));
  const { config, target } = readProject(project, root, vars, options);
  source.throwIfProblems();
  // readProject reports a missing or broken selected target, so this only guards the types.
  if (!target) throw new Error('internal: no target selected and no problem reported');
  // The target's vars override project vars (prod points sources at S3); --vars override both.
  config.vars = { ...vars, ...target.vars, ...cliVars };
  const warnings = [...source.warnings];
  const context = { env: options.env, vars: config.vars, functions };
  const sources = addSchemaSources(root, config, readSources(root, context), context, warnings);
  const secrets = [...collectSecrets(Object.values(config.targets)), ...secretEnvValues(options.env)];
  return { config, sources, target, secrets, warnings, packages: loadPackages(root, config, options.env) };
}

/** Which project file a folder holds: project.yml, dbt_project.yml, or none; both is SPK041. */
export function projectFileIn(root: string): 'project.yml' | typeof DBT_PROJECT_FILE | undefined {
  const sparkify = existsSync(join(root, file));
  const dbt = existsSync(join(root, DBT_PROJECT_FILE));
  if (sparkify && dbt) {
    throw new SparkifyError({
      code: ProjectErrors.bothProjectFiles,
      message: `${root} holds both ${file} and ${DBT_PROJECT_FILE}`,
      location: { file },
      hint: `keep one: ${file} is sparkify's own format, ${DBT_PROJECT_FILE} a project written for dbt`,
    });
  }
  return sparkify ? file : dbt ? DBT_PROJECT_FILE : undefined;
}

function missingProject(root: string): SparkifyError {
  return new SparkifyError({
    code: ProjectErrors.missingFile,
    message: `no ${file} in ${root}`,
    location: { file },
    hint: 'run sparkify from the project root (the folder holding project.yml) or pass --project-dir',
  });
}

function topMapping(source: YamlSource): YAMLMap {
  const contents = source.document.contents;
  if (isMap(contents)) return contents;
  const got = contents === null ? 'an empty file' : describe(contents);
  throw new SparkifyError({
    code: ProjectErrors.notAMapping,
    message: `${file} must be a mapping of settings, got ${got}`,
    location: source.position(contents),
    hint: 'start project.yml with `name: my_project`',
  });
}
