/** The flags commands share, declared once, and their normalisation into a command's options. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { INDIRECT_SELECTION_MODES } from '../graph/index.js';
import { setOutputMode } from './output.js';

/** Flags every command takes (dbt's global flags among them). */
export function withGlobals(command: Command): Command {
  return withLogFlags(command
    .exitOverride()
    .option('--project-dir <path>', 'the project folder (default: the nearest folder with project.yml or dbt_project.yml)')
    .option('-t, --target <name>', 'target from project.yml or profiles.yml (default: $SPARKIFY_TARGET, then the default)')
    .option('--vars <yaml>', 'vars as YAML or JSON, e.g. \'{"data_root": "../shared/sparkify-data"}\'')
    .option('--profiles-dir <path>', 'where a dbt project\'s profiles.yml is (default: $DBT_PROFILES_DIR, the project folder, ~/.dbt/)')
    .option('--target-path <path>', 'where artifacts and compiled files go (default: $DBT_TARGET_PATH, the project\'s target-path, target/)'));
}

/** dbt's logging and warning flags, accepted before the command too (`sparkify --debug build`). */
export function withLogFlags(command: Command): Command {
  return command
    .addOption(new Option('--log-format <format>', 'text, or json: one JSON object per event (dbt\'s structured logs)').choices(['text', 'json', 'default', 'debug']))
    .option('-q, --quiet', 'print only errors (and what the command outputs: ls, compile, show)')
    .option('-d, --debug', 'print debug events (each node\'s statements) and stack traces')
    .option('--warn-error', 'treat every warning as an error')
    .option('--warn-error-options <yaml>', 'which warnings are errors: \'{"error": "all" | [names], "warn": [...], "silence": [...]}\'');
}

/** Node selection: dbt's --select (or -m/--models), --exclude, --resource-type, --state. */
export function withSelection(command: Command): Command {
  return command
    .option('-s, --select <selectors...>', 'nodes to include (dbt syntax: name, +name, name+, tag:x, path:..., source:x.y, state:modified)')
    .option('-m, --models <selectors...>', 'the same as --select (dbt\'s older name)')
    .option('--exclude <selectors...>', 'nodes to leave out')
    .option('--resource-type <types...>', 'only nodes of these kinds: model, seed, snapshot, test, unit_test, source (default, all: every kind)')
    .option('--exclude-resource-type <types...>', 'leave out nodes of these kinds')
    .option('--state <dir>', 'the target/ folder of an earlier run, for state: selectors, --defer and retry')
    .addOption(new Option('--indirect-selection <mode>', 'which tests selecting a model brings along (dbt: any parent selected = eager)')
      .choices([...INDIRECT_SELECTION_MODES]).default('eager'));
}

/** --threads, taking a positive integer. */
export function threadsOption(what: string): Option {
  return new Option('--threads <n>', `${what} at once (default: the target's threads)`).argParser(positiveInt);
}

/** A positive integer argument. */
export function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

/** A TCP port argument, 0 to 65535. */
export function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('expected a port, 0 to 65535');
  return number;
}

/** The options a task gets: -m merged into --select, the output mode set before anything prints. */
export function normalizeOptions(options: Record<string, unknown>): Record<string, unknown> {
  const models = options.models as string[] | undefined;
  const normalized = { ...options };
  if (models?.length) normalized.select = [...((options.select as string[] | undefined) ?? []), ...models];
  delete normalized.models;
  setOutputMode({ format: options.logFormat === 'json' ? 'json' : 'text', quiet: Boolean(options.quiet), debug: Boolean(options.debug) });
  return normalized;
}
