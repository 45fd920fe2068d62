/**
 * `sparkify deps`: installs the packages of packages.yml (or dependencies.yml) into dbt_packages/,
 * as `dbt deps` does: local packages are linked, hub, git and tarball packages downloaded. A
 * package's own packages.yml is installed too (its local paths relative to the package); when two
 * entries install the same package, the first one wins.
 */
import { SparkifyError } from '../diagnostics.js';
import { PackageErrors } from '../project/packages/error-codes.js';
import { readPackageList, type PackageSpec } from '../project/packages/packages-file.js';
import type { Fetched } from './fetched.js';
import { installGit } from './install-git.js';
import { installHub, installTarball, type HubOptions } from './install-hub.js';
import { installLocal } from './install-local.js';
import { redactCredentials } from './redact.js';

/** What deps needs besides the project root. */
export interface DepsOptions extends HubOptions {
  env: Record<string, string | undefined>;
  /** One line per event: installing, installed, skipped. */
  log(line: string): void;
}

/** An entry to install and the folder its local paths are relative to. */
interface Pending {
  spec: PackageSpec;
  from: string;
  /** The package that lists it (absent: the project). */
  by?: string;
}

/** Installs every package the project lists (and those they list); returns them in install order. */
export async function installPackages(root: string, options: DepsOptions): Promise<Fetched[]> {
  const list = readPackageList(root, options.env);
  if (!list) {
    options.log('No packages to install: packages.yml and dependencies.yml list none');
    return [];
  }
  const queue: Pending[] = list.specs.map((spec) => ({ spec, from: root }));
  const installed = new Map<string, Fetched>();
  for (let next = queue.shift(); next; next = queue.shift()) {
    options.log(`Installing ${describeSpec(next.spec)}${next.by ? ` (required by ${next.by})` : ''}`);
    const fetched = await installOne(root, next, options);
    if (installed.has(fetched.name)) {
      options.log(`  ${fetched.name} is installed already (from ${installed.get(fetched.name)!.source}); keeping that one`);
      continue;
    }
    installed.set(fetched.name, fetched);
    options.log(`  Installed ${fetched.name} from ${fetched.source}`);
    const own = readPackageList(fetched.sourceDir, options.env);
    for (const spec of own?.specs ?? []) queue.push({ spec, from: fetched.sourceDir, by: fetched.name });
  }
  return [...installed.values()];
}

function installOne(root: string, pending: Pending, options: DepsOptions): Promise<Fetched> {
  const { spec } = pending;
  switch (spec.kind) {
    case 'local':
      return Promise.resolve(installLocal(root, spec, pending.from));
    case 'hub':
      return installHub(root, spec, options);
    case 'git':
      return installGit(root, spec, options.timeoutMs);
    case 'tarball':
      return installTarball(root, { url: spec.url, at: spec.at }, options);
    default:
      throw new SparkifyError({
        code: PackageErrors.unsupported, message: `private package ${spec.repository}: dbt Cloud's private packages are not supported`, location: spec.at,
        hint: 'list it as git: with its clone URL (a token through env_var() in packages.yml), or vendor it and list it as local:',
      });
  }
}

/** How an entry reads in the output: `local ../x`, `dbt-labs/dbt_utils@[">=1.0.0", "<2.0.0"]`, a git URL. */
function describeSpec(spec: PackageSpec): string {
  switch (spec.kind) {
    case 'local': return `local ${spec.path}`;
    case 'hub': return `${spec.package}@${spec.versions.length === 1 ? spec.versions[0] : JSON.stringify(spec.versions)}`;
    case 'git': return redactCredentials(`${spec.url}@${spec.revision ?? 'HEAD'}${spec.subdirectory ? ` (${spec.subdirectory})` : ''}`);
    case 'tarball': return `${spec.name} from ${redactCredentials(spec.url)}`;
    default: return `private ${spec.repository}`;
  }
}
