/**
 * The packages installed under `dbt_packages/` (by `sparkify deps`, or by dbt): each folder holding a
 * dbt_project.yml is a package, named by its `name:`, read with the dbt project reader. As in dbt,
 * what is installed is what compiles; packages.yml only says whether something is missing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isMap } from 'yaml';
import { join, posix } from 'node:path';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { MapReader } from '../../config/map-reader.js';
import { ReadScope } from '../../config/read-scope.js';
import { readYamlSource } from '../../config/yaml-source.js';
import { readDbtProject } from '../dbt/read-dbt-project.js';
import { readVars } from '../read-vars.js';
import type { ProjectConfig } from '../types.js';
import { PackageErrors } from './error-codes.js';
import type { PackageList } from './packages-file.js';

/** Where packages are installed, relative to the project root (dbt's `packages-install-path` default). */
export const PACKAGES_DIR = 'dbt_packages';

/** An installed package: a dbt project of its own. */
export interface InstalledPackage {
  /** Its project `name:`, the namespace of its macros (`name.macro()`) and the package_name of its nodes. */
  name: string;
  /** Its folder relative to the root project (`dbt_packages/<name>`); its files' paths start with it. */
  dir: string;
  /** Its dbt_project.yml; paths in it are relative to `dir`, vars are its own defaults. */
  config: ProjectConfig;
}

/** Reads every package under `root/dbt_packages`; checks that `list` (packages.yml) is installed. */
export function readInstalledPackages(root: string, rootName: string, env: Record<string, string | undefined>, list?: PackageList): InstalledPackage[] {
  const packages = packageDirs(root).map((dir) => readPackage(root, dir, env));
  checkNames(packages, rootName);
  if (list && list.specs.length > packages.length) throw notInstalled(list, packages.length);
  return packages;
}

/** `dbt_packages/*` folders (symlinks to folders too) that hold a dbt_project.yml, in name order. */
function packageDirs(root: string): string[] {
  const base = join(root, PACKAGES_DIR);
  if (!existsSync(base)) return [];
  return readdirSync(base).sort()
    .filter((entry) => isDirectory(join(base, entry)) && existsSync(join(base, entry, 'dbt_project.yml')))
    .map((entry) => posix.join(PACKAGES_DIR, entry));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling symlink: its local package moved away
  }
}

function readPackage(root: string, dir: string, env: Record<string, string | undefined>): InstalledPackage {
  const file = posix.join(dir, 'dbt_project.yml');
  const source = readYamlSource(root, file)!;
  const top = source.document.contents;
  if (!isMap(top)) throw new SparkifyError({ code: PackageErrors.notAProject, message: `${file} must be a mapping of settings`, location: { file }, hint: 'reinstall the package: sparkify deps' });
  const reader = (scope: ReadScope) => new MapReader(scope, top, source.position(top), file);
  const vars = readVars(reader(new ReadScope(source, { env })), {});
  const { config } = readDbtProject(reader(new ReadScope(source, { env, vars })), join(root, dir), ownVars(vars, String(top.get('name') ?? '')));
  // A package's own unsupported keys are not the user's to fix: only its errors count.
  source.throwIfProblems();
  return { name: config.name, dir, config };
}

/** A package's vars: its global ones and those scoped to itself (`vars: {pkg: {x: 1}}`). */
function ownVars(vars: Record<string, unknown>, name: string): Record<string, unknown> {
  const scoped = vars[name];
  const { [name]: _, ...global } = vars;
  return scoped !== null && typeof scoped === 'object' && !Array.isArray(scoped) ? { ...global, ...(scoped as Record<string, unknown>) } : vars;
}

function checkNames(packages: InstalledPackage[], rootName: string): void {
  const problems: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const pkg of packages) {
    const other = pkg.name === rootName ? 'the project itself' : seen.get(pkg.name);
    if (other !== undefined) {
      problems.push({
        code: PackageErrors.duplicatePackage, message: `package '${pkg.name}' (${pkg.dir}) has the name of ${other}`,
        location: { file: posix.join(pkg.dir, 'dbt_project.yml') }, hint: 'package names are macro namespaces and must be unique: remove one of them from dbt_packages/ and packages.yml',
      });
    }
    seen.set(pkg.name, pkg.dir);
  }
  if (problems.length > 0) throw new SparkifyError(problems);
}

function notInstalled(list: PackageList, installed: number): SparkifyError {
  return new SparkifyError({
    code: PackageErrors.notInstalled,
    message: `${list.file} lists ${list.specs.length} package${list.specs.length === 1 ? '' : 's'}, but ${installed} ${installed === 1 ? 'is' : 'are'} installed in ${PACKAGES_DIR}/`,
    location: { file: list.file },
    hint: 'run `sparkify deps` to install them',
  });
}

/** A package file's path inside its package (`dbt_packages/x/models/a.sql` → `models/a.sql`). */
export function pathInPackage(path: string, dir: string): string {
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}
