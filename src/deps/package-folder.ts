/** Placing a fetched package under dbt_packages/: read its name, then move (or link) it into place. */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SparkifyError, type Position } from '../diagnostics.js';
import { PackageErrors } from '../project/packages/error-codes.js';
import { PACKAGES_DIR } from '../project/packages/installed-packages.js';

/** The `name:` of the dbt project in `dir`; SPK062 when it is not one. */
export function projectNameIn(dir: string, what: string, at: Position): string {
  const file = join(dir, 'dbt_project.yml');
  if (!existsSync(file)) {
    throw new SparkifyError({ code: PackageErrors.notAProject, message: `${what} is not a dbt project: ${file} does not exist`, location: at, hint: 'a package is a folder holding dbt_project.yml (for git: check `subdirectory:`)' });
  }
  const name = (parse(readFileSync(file, 'utf8')) as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  throw new SparkifyError({ code: PackageErrors.notAProject, message: `${what}: ${file} has no valid \`name:\``, location: at, hint: 'its name is the namespace of its macros: a plain identifier' });
}

/** `dbt_packages/<name>` under the project root, emptied (a link is unlinked, never followed). */
function freshDestination(root: string, name: string): string {
  const dest = join(root, PACKAGES_DIR, name);
  mkdirSync(join(root, PACKAGES_DIR), { recursive: true });
  if (isPresent(dest)) rmSync(dest, { recursive: true, force: true });
  return dest;
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Links `dbt_packages/<name>` to a local package, as dbt deps does (edits to the package show at once). */
export function linkPackage(root: string, name: string, target: string): string {
  const dest = freshDestination(root, name);
  symlinkSync(target, dest, 'dir');
  return dest;
}

/** Moves a fetched package (a folder in the staging area) to `dbt_packages/<name>`. */
export function movePackage(root: string, name: string, staged: string): string {
  const dest = freshDestination(root, name);
  renameSync(staged, dest);
  return dest;
}

/** A staging folder under dbt_packages/ (same file system as the destination, so moving is a rename). */
export function stagingDir(root: string, label: string): string {
  // A digest, not the label: a URL may hold a token.
  const dir = join(root, PACKAGES_DIR, `.sparkify-staging-${process.pid}-${createHash('sha1').update(label).digest('hex').slice(0, 12)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
