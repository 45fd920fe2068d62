/** profiles.yml: where dbt looks for it, and the chosen profile's outputs as sparkify targets. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isMap } from 'yaml';
import { join, resolve } from 'node:path';
import { closestName, SparkifyError } from '../../diagnostics.js';
import { ProjectErrors } from '../error-codes.js';
import { MapReader } from '../map-reader.js';
import { ReadScope } from '../read-scope.js';
import type { TargetConfig } from '../types.js';
import { nonEmptyText } from '../value-kinds.js';
import { parseYamlSource } from '../yaml-source.js';
import { pgliteOutput } from './pglite-output.js';
import { postgresOutput } from './postgres-output.js';
import { redshiftOutput } from './redshift-output.js';

/** How profiles.yml is found and which target is chosen. */
export interface ProfileOptions {
  /** --profiles-dir. */
  profilesDir?: string;
  /** --target. */
  targetName?: string;
  env: Record<string, string | undefined>;
}

/** The profile's targets, the chosen one's name and the problems that did not stop reading. */
export interface ProfileRead {
  targets: Record<string, TargetConfig>;
  selected: string;
  /** The profiles.yml read, for messages (`~/.dbt/profiles.yml`). */
  file: string;
  warnings: import('../../diagnostics.js').Diagnostic[];
}

/** dbt's search order: --profiles-dir, DBT_PROFILES_DIR, the project folder, ~/.dbt/. Undefined when none has the file. */
export function findProfiles(root: string, options: ProfileOptions): string | undefined {
  const home = options.env.HOME || homedir();
  const dirs = [options.profilesDir, options.env.DBT_PROFILES_DIR, root, join(home, '.dbt')].filter((d): d is string => Boolean(d));
  return dirs.map((dir) => resolve(root, dir, 'profiles.yml')).find((path) => existsSync(path));
}

/** Reads profile `profile` of the profiles.yml at `path`; throws SparkifyError listing every problem. */
export function readProfiles(path: string, profile: string, options: ProfileOptions, root?: string): ProfileRead {
  // Inside the project, messages name it `profiles.yml` like the other project files; elsewhere, in full.
  const shown = root !== undefined && resolve(root, 'profiles.yml') === path ? 'profiles.yml' : path;
  const source = parseYamlSource(shown, readFileSync(path, 'utf8'));
  const top = source.document.contents;
  if (!isMap(top)) throw new SparkifyError({ code: ProjectErrors.notAMapping, message: `${shown} must be a mapping of profiles`, location: { file: shown } });
  const file = new MapReader(new ReadScope(source, { env: options.env }), top, source.position(top), shown);
  const block = file.child(profile, `profile '${profile}'`);
  if (!block) throw missingProfile(shown, profile, file.keys().filter((k) => k !== 'config'));
  const selected = options.targetName || block.get('target', nonEmptyText) || 'dev';
  const outputs = block.child('outputs', `outputs of profile '${profile}'`);
  const names = outputs?.keys() ?? [];
  if (!names.includes(selected)) throw missingTarget(shown, profile, selected, names, block);
  const targets: Record<string, TargetConfig> = {};
  for (const name of names) {
    const lenient = name !== selected;
    const output = outputs!.child(name, `output '${name}' of profile '${profile}'`);
    if (!output) continue;
    const scoped = output.named(output.what, output.scope.withLenient(lenient));
    const target = readOutput(scoped, name);
    if (target) targets[name] = target;
  }
  source.throwIfProblems();
  return { targets, selected, file: shown, warnings: source.warnings };
}

function readOutput(output: MapReader, name: string): TargetConfig | undefined {
  const type = output.require('type', nonEmptyText, 'add `type: postgres` (or redshift, pglite)');
  if (type === 'postgres') return postgresOutput(output, name);
  if (type === 'redshift') return redshiftOutput(output, name);
  if (type === 'pglite') return pgliteOutput(output, name);
  if (type !== undefined) {
    const close = closestName(type, ['postgres', 'redshift', 'pglite']);
    output.report(ProjectErrors.profileUnsupported, `output type '${type}' in ${output.what} is not supported`, output.valueAt('type'),
      close ? `did you mean '${close}'?` : 'sparkify connects to postgres, redshift and pglite outputs');
  }
  return undefined;
}

function missingProfile(path: string, profile: string, defined: string[]): SparkifyError {
  const close = closestName(profile, defined);
  return new SparkifyError({
    code: ProjectErrors.profileNotFound,
    message: `${path} has no profile '${profile}' (the \`profile:\` of dbt_project.yml)`,
    location: { file: path },
    hint: close ? `did you mean '${close}'?` : `defined profiles: ${defined.join(', ') || 'none'}`,
  });
}

function missingTarget(path: string, profile: string, target: string, defined: string[], block: MapReader): SparkifyError {
  const close = closestName(target, defined);
  return new SparkifyError({
    code: ProjectErrors.profileNotFound,
    message: `profile '${profile}' in ${path} has no output '${target}'`,
    location: block.has('target') ? block.valueAt('target') : block.at,
    hint: close ? `did you mean '${close}'? (outputs: ${defined.join(', ')})` : `outputs: ${defined.join(', ') || 'none'}`,
  });
}
