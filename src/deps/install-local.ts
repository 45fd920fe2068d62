/** A `local:` package: a folder on this machine, linked into dbt_packages/ as dbt deps links it. */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { SparkifyError } from '../diagnostics.js';
import { PackageErrors } from '../project/packages/error-codes.js';
import type { PackageSpec } from '../project/packages/packages-file.js';
import { linkPackage, projectNameIn } from './package-folder.js';
import type { Fetched } from './fetched.js';

/** Links the package; `from` is the folder its path is relative to (the project, or the package that lists it). */
export function installLocal(root: string, spec: Extract<PackageSpec, { kind: 'local' }>, from: string): Fetched {
  const path = resolve(from, spec.path);
  if (!existsSync(path)) {
    throw new SparkifyError({ code: PackageErrors.notAProject, message: `local package '${spec.path}' does not exist (${path})`, location: spec.at, hint: 'a local path is relative to the folder of the file that lists it' });
  }
  const real = realpathSync(path);
  const name = projectNameIn(real, `local package '${spec.path}'`, spec.at);
  return { name, dir: linkPackage(root, name, real), source: `local ${spec.path}`, sourceDir: real };
}
