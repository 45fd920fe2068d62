/** The commands that come from dbt (parse, retry, init, run-operation, source freshness), and what an unknown one prints. */
import { Command, Option } from 'commander';
import { Output, scrubActive } from './output.js';
import { threadsOption, withGlobals, withSelection } from './options.js';
import type { Task } from './main.js';
import { CliErrors } from './error-codes.js';

/** dbt's commands sparkify does not have (yet): naming one lists what sparkify offers instead. */
const DBT_ONLY = new Set(['clone', 'sl', 'freshness', 'environment', 'invocation', 'compare', 'bootstrap', 'manage', 'login', 'logout']);

/** Adds the dbt commands; `lazy` wraps a task module loaded only when its command runs. */
export function addDbtCommands(program: Command, lazy: (load: () => Promise<Task>) => (...args: unknown[]) => Promise<void>): void {
  withGlobals(program.command('parse'))
    .description('read and compile the project, write target/manifest.json and print the time each phase took (no database)')
    .action(lazy(async () => (await import('./commands/parse.js')).parseCommand));

  withGlobals(program.command('retry'))
    .description('re-run what failed or was skipped in the last run (target/run_results.json), with that run\'s command and flags')
    .option('--state <dir>', 'read run_results.json from this folder instead of target/')
    .addOption(threadsOption('nodes run'))
    .action(lazy(async () => (await import('./commands/retry.js')).retryCommand));

  program.command('init').argument('[project_name]', 'the folder to create (default: set up the current, empty folder)')
    .exitOverride()
    .description('create a new dbt-style project that builds at once in the embedded warehouse: sparkify init x && cd x && sparkify build')
    .option('--skip-profile-setup', 'write no profiles.yml (the project then builds in .sparkify/dev)')
    .action(lazy(async () => (await import('./commands/init.js')).initCommand));

  withGlobals(program.command('run-operation')).argument('<macro>', 'the macro to run')
    .description('render a macro of the project with --args and run the SQL statements it renders')
    .option('--args <yaml>', 'the macro\'s arguments, a YAML or JSON mapping, e.g. \'{days: 7}\'')
    .action(lazy(async () => (await import('./commands/run-operation.js')).runOperationCommand));

  const source = program.command('source').exitOverride().description('work with sources: `sparkify source freshness`');
  withSelection(withGlobals(source.command('freshness')))
    .description('check max(loaded_at_field) of the selected sources against their freshness thresholds; write target/sources.json')
    .addOption(new Option('-o, --output <path>', 'where to write sources.json (default: target/sources.json)'))
    .addOption(threadsOption('sources checked'))
    .action(lazy(async () => (await import('./commands/source-freshness.js')).sourceFreshnessCommand));
  source.on('command:*', (operands: string[]) => {
    new Output(scrubActive).error(`sparkify source has no command '${operands[0]}': the one it has is \`sparkify source freshness\``);
    process.exitCode = 2;
  });
}

/** Prints what sparkify offers instead of an unknown command (SPK033); returns the exit code, 2. */
export function reportUnknownCommand(program: Command, name: string): number {
  const output = new Output(scrubActive);
  const known = DBT_ONLY.has(name) ? `\`${name}\` is a dbt command that sparkify does not have yet.` : `sparkify has no command \`${name}\`.`;
  output.error(`error: ${known} [${CliErrors.notACommand}]`);
  output.error('  sparkify offers:');
  for (const command of program.commands) {
    const names = [command.name(), ...command.aliases()].join(', ');
    const description = command.description();
    output.error(`    ${names.padEnd(16)} ${description.length > 90 ? `${description.slice(0, 87)}...` : description}`);
  }
  output.error('  hint: run `sparkify <command> --help` for the flags of one; README "Coming from dbt" lists each dbt command\'s counterpart');
  return 2;
}
