/** profiles.yml: where dbt looks for it, and the chosen profile's outputs as sparkify targets. */
import type { TargetConfig } from '../../engines/target-config.js';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isMap } from 'yaml';
import { join, resolve } from 'node:path';
import { closestName, SparkifyError } from '../../diagnostics.js';
import { ProjectErrors } from '../../config/error-codes.js';
import { MapReader } from '../../config/map-reader.js';
import { ReadScope } from '../../config/read-scope.js';
import { nonEmptyText } from '../../config/value-kinds.js';
import { parseYamlSource } from '../../config/yaml-source.js';
import { engineTypes, findEngine } from '../../engines/registry.js';

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

/** An output, read by the engine of its `type` (registry.ts). */
function readOutput(output: MapReader, name: string): TargetConfig | undefined {
  const types = engineTypes().filter((type) => findEngine(type)?.readProfileOutput);
  const type = output.require('type', nonEmptyText, `add \`type:\` (one of ${types.join(', ')})`);
  if (type === undefined) return undefined;
  const engine = findEngine(type);
  if (engine?.readProfileOutput) return engine.readProfileOutput(output, name) as TargetConfig | undefined;
  const close = closestName(type, types);
  output.report(ProjectErrors.profileUnsupported, `output type '${type}' in ${output.what} is not supported`, output.valueAt('type'),
    close ? `did you mean '${close}'?` : `sparkify connects to ${types.join(', ')} outputs`);
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
