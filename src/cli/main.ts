import { Command, CommanderError, Option } from 'commander';
import { SparkifyError, formatDiagnostic } from '../diagnostics.js';
import { Output, scrubActive } from './output.js';
import { listenForStopSignals, stopRequested } from './interrupt.js';
import { SPARKIFY_VERSION } from './run-summary.js';
import { clearLiveLines } from '../load/live-line.js';
import { normalizeOptions, port, positiveInt, threadsOption, withGlobals, withLogFlags, withSelection } from './options.js';
import { addDbtCommands, reportUnknownCommand } from './dbt-commands.js';

/** A task: one command's function, from its options to the exit code. */
export type Task = (options: never) => Promise<number>;

/** The CLI: a thin shell that parses arguments and calls one task function per command. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = withLogFlags(new Command('sparkify'))
    .description('Build a SQL warehouse from templated models: load sources, build models in dependency order.')
    .version(SPARKIFY_VERSION)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');

  const run = (task: Task) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const positional = args.slice(0, -2).filter((arg) => typeof arg === 'string' || Array.isArray(arg));
    const options = normalizeOptions(command.optsWithGlobals() as Record<string, unknown>);
    setExitCode(await task({ ...options, positional } as never));
  };
  // A command's module (and through it the compiler, the engines, the S3 SDK) is imported only when
  // that command runs, so `--version`, `--help` and usage errors start in a fraction of the time.
  const lazy = (load: () => Promise<Task>) => run(async (options: never) => (await load())(options));

  withRunFlags(withSelection(withGlobals(program.command('build'))), 'nodes built')
    .description('load the selected sources and build the selected models in dependency order, each model\'s tests after it')
    .option('--full-refresh', 'rebuild incremental models from scratch instead of adding their new rows')
    .option('--empty', 'refs and sources read as zero rows: every relation is created, empty (a cheap check of the whole build)')
    .option('--store-failures', 'keep each data test\'s failing rows in a table of <schema>_dbt_test__audit')
    .action(lazy(async () => (await import('./commands/build.js')).buildCommand));

  withRunFlags(withSelection(withGlobals(program.command('run'))), 'models built')
    .description('build the selected models (and run the project\'s hooks): no sources, seeds, snapshots or tests')
    .option('--full-refresh', 'rebuild incremental models from scratch instead of adding their new rows')
    .option('--empty', 'refs and sources read as zero rows: every model is created, empty')
    .action(lazy(async () => (await import('./commands/run.js')).runCommand));

  withRunFlags(withSelection(withGlobals(program.command('test'))), 'tests run')
    .description('run the data tests of the selected models (or the selected tests) against the warehouse')
    .option('--store-failures', 'keep each data test\'s failing rows in a table of <schema>_dbt_test__audit')
    .action(lazy(async () => (await import('./commands/test.js')).testCommand));

  withRunFlags(withSelection(withGlobals(program.command('seed'))), 'seeds loaded')
    .description('load the selected seeds (CSV files under seeds/) into tables, each swapped in atomically')
    .option('--full-refresh', 'accepted for dbt\'s sake: a seed is always reloaded in full')
    .option('--empty', 'create each seed\'s table without rows')
    .action(lazy(async () => (await import('./commands/seed.js')).seedCommand));

  withRunFlags(withSelection(withGlobals(program.command('snapshot'))), 'snapshots run')
    .description('run the selected snapshots (snapshots/*.sql): keep the type-2 history of their query\'s rows')
    .option('--empty', 'refs and sources read as zero rows')
    .action(lazy(async () => (await import('./commands/snapshot.js')).snapshotCommand));

  withSelection(withGlobals(program.command('compile')))
    .description('render every model and plan; print the selected SQL (models that ask the warehouse are rendered on it unless --no-introspect)')
    .option('--full-refresh', 'show only the full-build plan of incremental models')
    .option('--no-introspect', 'render models that ask the warehouse with execute false: open no connection (compile stays pure)')
    .option('--empty', 'refs and sources read as zero rows')
    .action(lazy(async () => (await import('./commands/compile.js')).compileCommand));

  withSelection(withGlobals(program.command('ls')))
    .alias('list')
    .description('list the selected nodes in build order')
    .addOption(new Option('--output <format>', 'name, path, selector or json').default('name'))
    .option('--output-keys <keys...>', 'the keys each JSON line holds (default: dbt\'s: name, resource_type, unique_id, ...)')
    .option('--ledger', 'after each selected source: files loaded, new, changed and gone, and what the next build loads (reads the warehouse)')
    .action(lazy(async () => (await import('./commands/ls.js')).lsCommand));

  withSelection(withGlobals(program.command('show')))
    .description('preview rows of a model or source, or of an inline query that may use ref() and source()')
    .option('--inline <sql>', 'a query to run, e.g. "select * from {{ ref(\'users\') }}"')
    .addOption(new Option('--limit <n>', 'rows to show').default(10).argParser(positiveInt))
    .addOption(new Option('--output <format>', 'table, json or csv').default('table'))
    .action(lazy(async () => (await import('./commands/show.js')).showCommand));

  withGlobals(program.command('lineage'))
    .description('trace a column through the compiled SQL: the columns it comes from, or those computed from it')
    .argument('<column>', 'MODEL.COLUMN (a model, snapshot, seed or source table), e.g. songplays.user_id')
    .addOption(new Option('--upstream', 'the columns it is computed from (the default)').conflicts('downstream'))
    .addOption(new Option('--downstream', 'the columns computed from it').conflicts('upstream'))
    .addOption(new Option('--output <format>', 'text or json').default('text'))
    .option('--no-indirect', 'leave out the columns that only filter or join rows')
    .action(async (column: string, _options: unknown, command: Command) => {
      const { lineageCommand } = await import('./commands/lineage.js');
      setExitCode(await lineageCommand(column, normalizeOptions(command.optsWithGlobals() as Record<string, unknown>) as never));
    });

  withGlobals(program.command('deps'))
    .description('install the packages of packages.yml into dbt_packages/ (local ones linked; hub, git and tarball ones downloaded)')
    .action(lazy(async () => (await import('./commands/deps.js')).depsCommand));

  withGlobals(program.command('clean'))
    .description('remove target/ (dbt_project.yml: its clean-targets) and, with --warehouse, the embedded warehouse data')
    .option('--warehouse', 'also delete the data directories of the embedded (pglite) targets')
    .action(lazy(async () => (await import('./commands/clean.js')).cleanCommand));

  const docs = program.command('docs').description('generate and serve the documentation site (lineage, columns, tests, last run)');
  withGlobals(docs.command('generate'))
    .description('read the warehouse catalog into target/catalog.json and write the self-contained target/index.html')
    .option('--static', 'also write target/static_index.html (index.html is self-contained either way)')
    .option('--empty-catalog', 'do not read the warehouse: write an empty catalog')
    .action(lazy(async () => (await import('./commands/docs.js')).docsGenerateCommand));
  docs.command('serve')
    .exitOverride()
    .description('serve target/ over HTTP (loopback by default) until Ctrl-C')
    .option('--project-dir <path>', 'the project folder (default: the nearest folder with project.yml or dbt_project.yml)')
    .option('--target-path <path>', 'the folder docs generate wrote to (default: $DBT_TARGET_PATH, then the project\'s target-path)')
    .addOption(new Option('--port <n>', 'port to listen on').default(8080).argParser(port))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--browser', 'open the site in the default browser')
    .action(lazy(async () => (await import('./commands/docs.js')).docsServeCommand));

  withGlobals(program.command('debug'))
    .description('check the project files, the target\'s connection and every source location')
    .action(lazy(async () => (await import('./commands/debug.js')).debugCommand));

  addDbtCommands(program, lazy);
  program.on('command:*', (operands: string[]) => setExitCode(reportUnknownCommand(program, operands[0])));
  return program;
}

/** --threads and dbt's --fail-fast and --defer, shared by the commands that run nodes. */
function withRunFlags(command: Command, what: string): Command {
  return command
    .addOption(threadsOption(what))
    .option('-x, --fail-fast', 'stop after the first node that fails: nothing new starts, the rest is skipped')
    .option('--defer', 'refs to unselected nodes missing from the target read the --state run\'s relations');
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 a node failed, 2 bad usage or unexpected error. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => (exitCode = code));
  const output = new Output(scrubActive);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    clearLiveLines();
    if (error instanceof SparkifyError) {
      for (const d of error.diagnostics) output.error(`error: ${formatDiagnostic(d)}`, { name: 'MainEncounteredError', code: 'Z002', data: { exc: d.message, diagnostic: d } });
      await recordFailure(argv, error);
      return error.exitCode;
    }
    output.error(`unexpected error: ${(error as Error).message ?? String(error)}`, { name: 'MainEncounteredError', code: 'Z002' });
    if (process.env.SPARKIFY_DEBUG) output.error(String((error as Error).stack), { name: 'MainStackTrace', code: 'Z003' });
    else output.error('  (set SPARKIFY_DEBUG=1 or pass --debug for the stack trace)');
    return 2;
  }
}

/** Commands that write run_results.json write it also when they fail before running any node. */
async function recordFailure(argv: string[], error: SparkifyError): Promise<void> {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!command || !['build', 'run', 'compile', 'test', 'seed', 'snapshot'].includes(command)) return;
  const dirFlag = argv.indexOf('--project-dir');
  const [{ findProjectRoot }, { writeRunResults }, { dbtRunResults }, { newArtifactRun }] = await Promise.all([
    import('./project-context.js'), import('../run/artifacts.js'), import('../artifacts/dbt-run-results.js'), import('./artifact-documents.js'),
  ]);
  try {
    const root = findProjectRoot(dirFlag > 0 ? argv[dirFlag + 1] : undefined);
    const document = dbtRunResults({ run: newArtifactRun(), command, target: '', results: [], elapsedTime: 0, errors: error.diagnostics });
    writeRunResults(root, document, scrubActive);
  } catch {
    // No project to write into (e.g. project.yml missing): the printed error is all there is.
  }
}

listenForStopSignals();
// `sparkify ls | head`: a reader that stops early is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv).then((code) => {
  process.exitCode = code;
  // A stopped run has closed the warehouse; a handle left open (an in-memory unit-test database still
  // starting, a socket) must not keep the process alive.
  if (stopRequested()) process.exit(code);
});
