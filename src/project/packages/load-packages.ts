/** The packages of a project as compile sees them: installed, checked against packages.yml, their vars merged. */
import type { ProjectConfig } from '../types.js';
import { readInstalledPackages, type InstalledPackage } from './installed-packages.js';
import { readPackageList } from './packages-file.js';

/**
 * The project's installed packages. A package's templates see its own vars, under the project's
 * (global ones, and those scoped to the package: `vars: {pkg: {x: 1}}`), under `--vars`; the
 * project's vars are already merged with `--vars` and the target's.
 */
export function loadPackages(root: string, config: ProjectConfig, env: Record<string, string | undefined>): InstalledPackage[] {
  const packages = readInstalledPackages(root, config.name, env, readPackageList(root, env, true));
  for (const pkg of packages) {
    const scoped = config.vars[pkg.name];
    const forPackage = scoped !== null && typeof scoped === 'object' && !Array.isArray(scoped) ? scoped as Record<string, unknown> : {};
    pkg.config.vars = { ...pkg.config.vars, ...config.vars, ...forPackage };
  }
  return packages;
}
