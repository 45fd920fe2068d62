import { join } from 'node:path';
import { fail } from '../../diagnostics.js';
import { loadProject } from '../../project/index.js';
import type { RunCommand } from '../../kinds/run-order.js';
import { CliErrors } from '../error-codes.js';
import { Output, scrubActive } from '../output.js';
import type { GlobalOptions } from '../project-context.js';
import { findProjectRoot } from '../project-context.js';
import { flagsFromArgs } from '../run-args.js';
import { readStateArtifact } from '../state-dir.js';
import { warnErrorPolicy } from '../warn-error.js';
import { buildCommand } from './build.js';

/** Options of `sparkify retry`. */
export interface RetryOptions extends GlobalOptions {
  /** Read run_results.json from this folder instead of the target path. */
  state?: string;
  threads?: number;
}

/** The commands retry repeats (dbt's retry also repeats compile, docs generate and show, which have nothing to retry here). */
const RETRYABLE = new Set<string>(['build', 'run', 'test', 'seed', 'snapshot']);
/** dbt's RETRYABLE_STATUSES (warn too under --warn-error). */
const STATUSES = new Set(['error', 'fail', 'skipped', 'runtime error']);

/**
 * `sparkify retry`: re-runs the nodes that failed or were skipped in the last run, with that run's
 * command and flags (run_results.json's `args`), as `dbt retry` does. Nothing to retry (the last
 * run succeeded) is a no-op with exit 0.
 */
export async function retryCommand(options: RetryOptions): Promise<number> {
  const root = findProjectRoot(options.projectDir);
  const dir = options.state ?? join(root, options.targetPath ?? process.env.DBT_TARGET_PATH ?? targetPathOf(root, options));
  const previous = readStateArtifact(dir, 'run_results.json');
  const args = (previous.args ?? {}) as Record<string, unknown>;
  const command = String(args.which ?? '');
  if (!RETRYABLE.has(command)) {
    return fail(CliErrors.nothingToRetry, `the last run was \`${command || 'unknown'}\`, which retry does not repeat`, undefined,
      'retry repeats build, run, test, seed and snapshot; run the command again yourself');
  }
  const flags = flagsFromArgs(args);
  const warnIsError = warnErrorPolicy(flags.warnError, flags.warnErrorOptions).promotes('LogTestResult');
  const results = (previous.results ?? []) as { unique_id: string; status: string }[];
  const ids = new Set(results.filter((r) => STATUSES.has(r.status) || (warnIsError && r.status === 'warn')).map((r) => r.unique_id));
  if (ids.size === 0) {
    new Output(scrubActive).line(`Nothing to retry: the last \`${command}\` (${join(dir, 'run_results.json')}) had no failed or skipped node.`, { name: 'NothingToDo', code: 'Q035' });
    return 0;
  }
  const overrides = Object.fromEntries(Object.entries({ projectDir: options.projectDir, threads: options.threads, logFormat: options.logFormat, quiet: options.quiet, debug: options.debug }).filter(([, v]) => v !== undefined));
  return buildCommand({ ...flags, ...overrides, onlyUniqueIds: ids } as never, command as RunCommand);
}

/** The project's target path (dbt_project.yml's target-path), for where the last run_results.json is. */
function targetPathOf(root: string, options: RetryOptions): string {
  try {
    return loadProject(root, { env: process.env, targetName: options.target, profilesDir: options.profilesDir, varsText: options.vars }).config.targetPath ?? 'target';
  } catch {
    return 'target';
  }
}
