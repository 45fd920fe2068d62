/**
 * The flags of a run in dbt's names, as run_results.json's `args` keeps them: `sparkify retry`
 * reads them back to repeat the command with the same selection (dbt's retry does the same).
 */

/** The flags a run-type command may have been given (a subset of its options). */
export interface RunFlags {
  select?: string[];
  exclude?: string[];
  resourceType?: string[];
  excludeResourceType?: string[];
  indirectSelection?: string;
  fullRefresh?: boolean;
  threads?: number;
  vars?: string;
  target?: string;
  targetPath?: string;
  profilesDir?: string;
  empty?: boolean;
  storeFailures?: boolean;
  failFast?: boolean;
  state?: string;
  defer?: boolean;
  warnError?: boolean;
  warnErrorOptions?: string;
  output?: string;
}

const NAMES: [keyof RunFlags, string][] = [
  ['select', 'select'], ['exclude', 'exclude'], ['resourceType', 'resource_types'], ['excludeResourceType', 'exclude_resource_types'],
  ['indirectSelection', 'indirect_selection'], ['fullRefresh', 'full_refresh'], ['threads', 'threads'], ['vars', 'vars'],
  ['target', 'target'], ['targetPath', 'target_path'], ['profilesDir', 'profiles_dir'], ['empty', 'empty'], ['storeFailures', 'store_failures'],
  ['failFast', 'fail_fast'], ['state', 'state'], ['defer', 'defer'], ['warnError', 'warn_error'], ['warnErrorOptions', 'warn_error_options'],
  ['output', 'output'],
];

/** The given flags as dbt's args (absent flags left out). */
export function dbtArgs(flags: RunFlags): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [ours, theirs] of NAMES) if (flags[ours] !== undefined) args[theirs] = flags[ours];
  return args;
}

/** dbt's args back into flags (what retry passes to the repeated command). */
export function flagsFromArgs(args: Record<string, unknown>): RunFlags {
  const flags: Record<string, unknown> = {};
  for (const [ours, theirs] of NAMES) if (args[theirs] !== undefined && args[theirs] !== null) flags[ours] = args[theirs];
  return flags as RunFlags;
}
