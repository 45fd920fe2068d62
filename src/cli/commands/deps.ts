import { installPackages } from '../../deps/install-packages.js';
import { DEFAULT_HUB_URL } from '../../deps/install-hub.js';
import { secretEnvValues } from '../../project/secret-env.js';
import { createScrubber, Output } from '../output.js';
import { findProjectRoot, type GlobalOptions } from '../project-context.js';

/** How long one network request of deps (hub, tarball, git) may take before it is given up. */
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * `sparkify deps`: installs the packages of packages.yml (or dependencies.yml) into dbt_packages/.
 * It reads only those files, so it works before the project compiles (its packages missing).
 */
export async function depsCommand(options: GlobalOptions): Promise<number> {
  const root = findProjectRoot(options.projectDir);
  // A token may reach a URL through env_var('DBT_ENV_SECRET_...') anywhere, not only before the @.
  const output = new Output(createScrubber(secretEnvValues(process.env)));
  const timeout = Number(process.env.SPARKIFY_DEPS_TIMEOUT_MS);
  const installed = await installPackages(root, {
    env: process.env,
    hubUrl: process.env.DBT_PACKAGE_HUB_URL || DEFAULT_HUB_URL,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    log: (line) => output.line(line),
  });
  if (installed.length > 0) output.line(`Installed ${installed.length} package${installed.length === 1 ? '' : 's'} into dbt_packages/: ${installed.map((p) => p.name).join(', ')}`);
  return 0;
}
