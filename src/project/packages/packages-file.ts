/**
 * dbt's package list: `packages.yml` or `dependencies.yml`, beside the project file, rendered with
 * env_var() (dbt renders only packages.yml; rendering both accepts everything dbt accepts). Each entry is a local folder
 * (`local:`), a dbt Hub package (`package: org/name` + `version:`), a git repository (`git:` +
 * `revision:`, `subdirectory:`), a tarball (`tarball:` + `name:`) or a dbt Cloud private package
 * (`private:`); see docs.getdbt.com "Packages".
 */
import { isMap, type YAMLMap } from 'yaml';
import type { Position } from '../../diagnostics.js';
import { SparkifyError } from '../../diagnostics.js';
import { ProjectErrors } from '../../config/error-codes.js';
import { MapReader } from '../../config/map-reader.js';
import { ReadScope } from '../../config/read-scope.js';
import { anything, boolean, nonEmptyText } from '../../config/value-kinds.js';
import { readYamlSource, type YamlSource } from '../../config/yaml-source.js';
import { PackageErrors } from './error-codes.js';

/** One entry of packages.yml, as written. */
export type PackageSpec =
  | { kind: 'local'; path: string; at: Position }
  | { kind: 'hub'; package: string; versions: string[]; prerelease: boolean; at: Position }
  | { kind: 'git'; url: string; revision?: string; subdirectory?: string; at: Position }
  | { kind: 'tarball'; url: string; name: string; at: Position }
  | { kind: 'private'; repository: string; at: Position };

/** The package list of a project and the file it is written in. */
export interface PackageList {
  file: 'packages.yml' | 'dependencies.yml';
  specs: PackageSpec[];
}

const FILES = ['packages.yml', 'dependencies.yml'] as const;
const KEYS = { local: ['local'], hub: ['package', 'version', 'install-prerelease'], git: ['git', 'revision', 'subdirectory', 'warn-unpinned'], tarball: ['tarball', 'name'], private: ['private', 'revision', 'provider', 'subdirectory', 'warn-unpinned'] };

/**
 * Reads the package list of the project at `root`; undefined when neither file lists any package.
 * `lenient`: a value whose env_var() is unset is left out instead of failing (compile only counts
 * the entries; a git token need not be set to build).
 */
export function readPackageList(root: string, env: Record<string, string | undefined>, lenient = false): PackageList | undefined {
  const lists = FILES.map((file) => readOne(root, file, env, lenient)).filter((list) => list !== undefined && list.specs.length > 0) as PackageList[];
  if (lists.length > 1) {
    throw new SparkifyError({
      code: PackageErrors.twoPackageFiles, message: 'both packages.yml and dependencies.yml list packages', location: { file: 'dependencies.yml' },
      hint: 'list every package in one of them (dbt reads only one)',
    });
  }
  return lists[0];
}

function readOne(root: string, file: PackageList['file'], env: Record<string, string | undefined>, lenient: boolean): PackageList | undefined {
  const source = readYamlSource(root, file);
  if (!source) return undefined;
  const top = topMapping(source);
  if (!top) return { file, specs: [] };
  // env_var() puts git tokens into URLs without writing them into the file.
  const scope = new ReadScope(source, { env }, lenient);
  const reader = new MapReader(scope, top, source.position(top), file);
  reader.checkKeys(file === 'packages.yml' ? ['packages'] : ['packages', 'projects']);
  const specs = (reader.items('packages', 'package') ?? []).flatMap((entry) => {
    const spec = readSpec(entry);
    return spec ? [spec] : [];
  });
  source.throwIfProblems();
  return { file, specs };
}

function topMapping(source: YamlSource): YAMLMap | undefined {
  const contents = source.document.contents;
  if (contents === null) return undefined;
  if (isMap(contents)) return contents;
  throw new SparkifyError({ code: ProjectErrors.notAMapping, message: `${source.file} must be a mapping with a \`packages\` list`, location: source.position(contents), hint: 'start it with `packages:`' });
}

function readSpec(entry: MapReader): PackageSpec | undefined {
  const kind = (Object.keys(KEYS) as (keyof typeof KEYS)[]).find((key) => entry.has(key === 'hub' ? 'package' : key));
  if (!kind) {
    entry.report(ProjectErrors.missingKey, `${entry.what} names no package: expected one of \`local\`, \`package\`, \`git\`, \`tarball\`, \`private\``, entry.at, 'e.g. `- local: ../my_package` or `- package: dbt-labs/dbt_utils` with `version:`');
    return undefined;
  }
  entry.checkKeys(KEYS[kind]);
  const at = entry.at;
  switch (kind) {
    case 'local':
      return withValue(entry.get('local', nonEmptyText), (path) => ({ kind, path, at }));
    case 'hub':
      return withValue(entry.get('package', nonEmptyText), (name) => hubSpec(entry, name, at));
    case 'git':
      return withValue(entry.get('git', nonEmptyText), (url) => ({ kind, url, at, ...optional(entry, 'revision'), ...optional(entry, 'subdirectory') }));
    case 'tarball':
      return withValue(entry.get('tarball', nonEmptyText), (url) => withValue(entry.require('name', nonEmptyText), (name) => ({ kind, url, name, at })));
    default:
      return withValue(entry.get('private', nonEmptyText), (repository) => ({ kind: 'private', repository, at }));
  }
}

/** `version: 1.1.1`, `version: [">=1.0.0", "<2.0.0"]` (a number YAML read is its text). */
function hubSpec(entry: MapReader, name: string, at: Position): PackageSpec | undefined {
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) {
    entry.report(ProjectErrors.invalidValue, `\`package\` in ${entry.what}: expected a dbt Hub name like dbt-labs/dbt_utils, got '${name}'`, entry.valueAt('package'));
    return undefined;
  }
  const version = entry.require('version', anything, 'pin a version: `version: 1.1.1` or a range `version: [">=1.0.0", "<2.0.0"]`');
  if (version === undefined) return undefined;
  const versions = (Array.isArray(version) ? version : [version]).map(String);
  return { kind: 'hub', package: name, versions, prerelease: entry.get('install-prerelease', boolean) ?? false, at };
}

function optional(entry: MapReader, key: 'revision' | 'subdirectory'): Partial<Record<typeof key, string>> {
  const value = entry.get(key, anything);
  return value === undefined || value === null ? {} : { [key]: String(value) };
}

function withValue<T, R>(value: T | undefined, make: (value: T) => R | undefined): R | undefined {
  return value === undefined ? undefined : make(value);
}
