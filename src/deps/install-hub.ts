/**
 * dbt Hub packages (`package: dbt-labs/dbt_utils` + `version:`) and `tarball:` packages. The hub's
 * API (`<hub>/api/v1/<org>/<name>.json`, the URL from $DBT_PACKAGE_HUB_URL as dbt reads it) lists
 * each version with its tarball; the newest version in the range is downloaded and unpacked into
 * dbt_packages/. Every request has a time limit: without the network this fails fast, naming the
 * package and what to do.
 */
import { createHash } from 'node:crypto';
import { writeFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import * as tar from 'tar';
import { SparkifyError, type Position } from '../diagnostics.js';
import { PackageErrors } from '../project/packages/error-codes.js';
import type { PackageSpec } from '../project/packages/packages-file.js';
import type { Fetched } from './fetched.js';
import { movePackage, projectNameIn, stagingDir } from './package-folder.js';
import { redactCredentials } from './redact.js';

/** dbt Hub, unless $DBT_PACKAGE_HUB_URL says otherwise. */
export const DEFAULT_HUB_URL = 'https://hub.getdbt.com';

/** How to reach the network. */
export interface HubOptions {
  hubUrl: string;
  timeoutMs: number;
}

interface HubVersion {
  version?: string;
  downloads?: { tarball?: string; sha1?: string };
}

/** Resolves the version range on the hub, downloads and installs it. */
export async function installHub(root: string, spec: Extract<PackageSpec, { kind: 'hub' }>, options: HubOptions): Promise<Fetched> {
  const url = `${options.hubUrl.replace(/\/+$/, '')}/api/v1/${spec.package}.json`;
  const index = JSON.parse((await download(url, spec, options, 'the dbt Hub')).toString('utf8')) as { versions?: Record<string, HubVersion> };
  const version = pickVersion(Object.keys(index.versions ?? {}), spec);
  const entry = index.versions![version];
  const tarball = entry.downloads?.tarball;
  if (!tarball) throw new SparkifyError({ code: PackageErrors.notFound, message: `the dbt Hub lists ${spec.package} ${version} without a tarball`, location: spec.at });
  const fetched = await installTarball(root, { url: tarball, at: spec.at, sha1: entry.downloads?.sha1 }, options, `${spec.package}@${version}`);
  return { ...fetched, source: `${spec.package}@${version}` };
}

/** Downloads a .tar.gz and installs the dbt project it holds (the archive's one top folder, or its root). */
export async function installTarball(root: string, source: { url: string; at: Position; sha1?: string }, options: HubOptions, label = redactCredentials(source.url)): Promise<Fetched> {
  const bytes = await download(source.url, { package: label, at: source.at }, options, label);
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  if (source.sha1 && source.sha1 !== sha1) {
    throw new SparkifyError({ code: PackageErrors.unsupported, message: `the download of ${label} does not match its sha1 (${source.sha1})`, location: source.at, hint: 'try again; if it persists the archive changed since it was published' });
  }
  const staging = stagingDir(root, `tar-${label}`);
  try {
    const archive = join(staging, 'package.tar.gz');
    const unpacked = join(staging, 'unpacked');
    writeFileSync(archive, bytes);
    mkdirSync(unpacked);
    await unpack(archive, unpacked, label, source.at);
    const entries = readdirSync(unpacked, { withFileTypes: true });
    const top = entries.length === 1 && entries[0].isDirectory() ? join(unpacked, entries[0].name) : unpacked;
    const name = projectNameIn(top, `package ${label}`, source.at);
    const dir = movePackage(root, name, top);
    return { name, dir, source: label, sourceDir: dir };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function unpack(archive: string, into: string, label: string, at: Position): Promise<void> {
  try {
    await tar.x({ file: archive, cwd: into });
  } catch (error) {
    throw new SparkifyError({ code: PackageErrors.unsupported, message: `the download of ${label} is not a .tar.gz archive: ${(error as Error).message}`, location: at });
  }
}

/** The newest version in the range (dbt's `version:` items are all required); prereleases only when asked. */
function pickVersion(available: string[], spec: Extract<PackageSpec, { kind: 'hub' }>): string {
  const range = spec.versions.map((v) => v.trim()).join(' ');
  const best = semver.maxSatisfying(available.filter((v) => semver.valid(v)), range, { includePrerelease: spec.prerelease });
  if (best) return best;
  const newest = semver.rsort(available.filter((v) => semver.valid(v) && (spec.prerelease || !semver.prerelease(v))))[0];
  throw new SparkifyError({
    code: PackageErrors.notFound,
    message: `the dbt Hub has no version of ${spec.package} matching ${spec.versions.join(', ')}`,
    location: spec.at,
    hint: available.length === 0 ? `check the name: the hub lists no versions of ${spec.package}` : `the newest is ${newest ?? available[0]}`,
  });
}

/** GETs a URL with a time limit; SPK063 when it cannot be reached, SPK064 on 404. */
async function download(address: string, spec: { package: string; at: Position }, options: HubOptions, what: string): Promise<Buffer> {
  const url = redactCredentials(address);
  let response: Response;
  try {
    response = await fetch(address, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const cause = error as Error & { cause?: { code?: string; message?: string } };
    const why = cause.name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000}s` : (cause.cause?.code ?? cause.cause?.message ?? cause.message);
    throw new SparkifyError({
      code: PackageErrors.unreachable, message: `cannot reach ${what} for ${spec.package} (${url}): ${why}`, location: spec.at,
      hint: 'hub and git packages need the network; offline, vendor the package and list it as local: (or set DBT_PACKAGE_HUB_URL to a mirror)',
    });
  }
  if (response.status === 404) throw new SparkifyError({ code: PackageErrors.notFound, message: `${what} has no ${spec.package} (${url}: 404)`, location: spec.at, hint: 'check the name, e.g. dbt-labs/dbt_utils' });
  if (!response.ok) throw new SparkifyError({ code: PackageErrors.unreachable, message: `${what} answered ${response.status} ${response.statusText} for ${spec.package} (${url})`, location: spec.at, hint: 'try again later' });
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new SparkifyError({ code: PackageErrors.unreachable, message: `the download of ${spec.package} from ${url} broke off: ${(error as Error).message}`, location: spec.at, hint: 'try again' });
  }
}
