/**
 * A `git:` package: cloned with the git command (shallow, at `revision:`), its `subdirectory:` moved
 * into dbt_packages/. git runs with a time limit and never prompts, so an unreachable host or a
 * private repository fails fast with what to fix instead of hanging.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { SparkifyError, type Position } from '../diagnostics.js';
import { PackageErrors } from '../project/packages/error-codes.js';
import type { PackageSpec } from '../project/packages/packages-file.js';
import type { Fetched } from './fetched.js';
import { redactCredentials } from './redact.js';
import { movePackage, projectNameIn, stagingDir } from './package-folder.js';

/** What git's messages say when the host, not the repository, is the problem. */
const UNREACHABLE = /could not resolve host|connection refused|connection timed out|timed out|network is unreachable|no route to host|unable to access|could not connect/i;
/** ... and when the host answered that there is no such repository or revision. */
const NOT_FOUND = /repository not found|does not appear to be a git repository|not found|did not match any|terminal prompts disabled/i;

/** Clones the repository and installs the package it holds. */
export async function installGit(root: string, spec: Extract<PackageSpec, { kind: 'git' }>, timeoutMs: number): Promise<Fetched> {
  const staging = stagingDir(root, `git-${spec.url}`);
  const clone = join(staging, 'repo');
  try {
    await cloneAt(spec, clone, timeoutMs);
    const dir = spec.subdirectory ? join(clone, spec.subdirectory) : clone;
    const name = projectNameIn(dir, `git package ${spec.url}${spec.subdirectory ? ` (subdirectory ${spec.subdirectory})` : ''}`, spec.at);
    rmSync(join(dir, '.git'), { recursive: true, force: true });
    const installed = movePackage(root, name, dir);
    return { name, dir: installed, source: redactCredentials(`${spec.url}@${spec.revision ?? 'HEAD'}`), sourceDir: installed };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A branch or tag clones shallow; a commit needs the history to check it out. */
async function cloneAt(spec: Extract<PackageSpec, { kind: 'git' }>, dir: string, timeoutMs: number): Promise<void> {
  const commit = spec.revision !== undefined && /^[0-9a-f]{7,40}$/i.test(spec.revision);
  if (commit) {
    await git(['clone', '--quiet', '--no-checkout', spec.url, dir], spec, timeoutMs);
    await git(['-C', dir, 'checkout', '--quiet', spec.revision!], spec, timeoutMs);
    return;
  }
  await git(['clone', '--quiet', '--depth', '1', ...(spec.revision ? ['--branch', spec.revision] : []), spec.url, dir], spec, timeoutMs);
}

function git(args: string[], spec: { url: string; revision?: string; at: Position }, timeoutMs: number): Promise<void> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo', GCM_INTERACTIVE: 'never' };
  return new Promise((resolve, reject) => {
    execFile('git', args, { timeout: timeoutMs, env, maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      reject(gitError(spec, error as NodeJS.ErrnoException & { killed?: boolean }, String(stderr), timeoutMs));
    });
  });
}

function gitError(given: { url: string; revision?: string; at: Position }, error: NodeJS.ErrnoException & { killed?: boolean }, stderr: string, timeoutMs: number): SparkifyError {
  const spec = { ...given, url: redactCredentials(given.url) };
  const said = redactCredentials(stderr.trim().split('\n').filter(Boolean).pop() ?? error.message);
  if (error.code === 'ENOENT') {
    return new SparkifyError({ code: PackageErrors.unreachable, message: `cannot install git package ${spec.url}: the git command is not installed`, location: spec.at, hint: 'install git, or use a local: package' });
  }
  if (error.killed) {
    return new SparkifyError({ code: PackageErrors.unreachable, message: `cannot reach git package ${spec.url}: no answer within ${timeoutMs / 1000}s`, location: spec.at, hint: 'check the network (git packages need it), or vendor the package and list it as local:' });
  }
  if (UNREACHABLE.test(stderr) && !NOT_FOUND.test(stderr)) {
    return new SparkifyError({ code: PackageErrors.unreachable, message: `cannot reach git package ${spec.url}: ${said}`, location: spec.at, hint: 'check the network and the URL (git packages need the network), or vendor the package and list it as local:' });
  }
  return new SparkifyError({ code: PackageErrors.notFound, message: `git package ${spec.url}${spec.revision ? ` at revision ${spec.revision}` : ''}: ${said}`, location: spec.at, hint: 'check the URL and `revision:` (a tag, a branch or a commit)' });
}
