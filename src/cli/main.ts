import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SparkifyError, formatDiagnostic } from '../diagnostics.js';
import { INDIRECT_SELECTION_MODES } from '../graph/index.js';
import { scrubActive } from './output.js';
import { listenForStopSignals, stopRequested } from './interrupt.js';
import { SPARKIFY_VERSION } from './run-summary.js';
import { clearLiveLines } from '../load/live-line.js';

/** The CLI: a thin shell that parses arguments and calls one task function per command. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('sparkify')
    .description('Build a SQL warehouse from templated models: load sources, build models in dependency order.')
    .version(SPARKIFY_VERSION)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');

  const run = (task: (options: never) => Promise<number>) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    setExitCode(await task(command.optsWithGlobals() as never));
  };
  // A command's module (and through it the compiler, the engines, the S3 SDK) is imported only when
  // that command runs, so `--version`, `--help` and usage errors start in a fraction of the time.
  const lazy = (load: () => Promise<(options: never) => Promise<number>>) => run(async (options: never) => (await load())(options));

  withSelection(withGlobals(program.command('build')))
    .description('load the selected sources and build the selected models in dependency order')
    .addOption(new Option('--threads <n>', 'nodes built at once (default: the target\'s threads)').argParser(positiveInt))
    .option('--full-refresh', 'rebuild incremental models from scratch instead of adding their new rows')
    .action(lazy(async () => (await import('./commands/build.js')).buildCommand));

  withSelection(withGlobals(program.command('test')))
    .description('run the data tests of the selected models (or the selected tests) against the warehouse')
    .addOption(new Option('--threads <n>', 'tests run at once (default: the target\'s threads)').argParser(positiveInt))
    .action(lazy(async () => (await import('./commands/test.js')).testCommand));

  withSelection(withGlobals(program.command('seed')))
    .description('load the selected seeds (CSV files under seeds/) into tables, each swapped in atomically')
    .addOption(new Option('--threads <n>', 'seeds loaded at once (default: the target\'s threads)').argParser(positiveInt))
    .action(lazy(async () => (await import('./commands/seed.js')).seedCommand));

  withSelection(withGlobals(program.command('snapshot')))
    .description('run the selected snapshots (snapshots/*.sql): keep the type-2 history of their query\'s rows')
    .addOption(new Option('--threads <n>', 'snapshots run at once (default: the target\'s threads)').argParser(positiveInt))
    .action(lazy(async () => (await import('./commands/snapshot.js')).snapshotCommand));

  withSelection(withGlobals(program.command('compile')))
    .description('render every model and plan; print the selected SQL (models that ask the warehouse are rendered on it unless --no-introspect)')
    .option('--full-refresh', 'show only the full-build plan of incremental models')
    .option('--no-introspect', 'render models that ask the warehouse with execute false: open no connection (compile stays pure)')
    .action(lazy(async () => (await import('./commands/compile.js')).compileCommand));

  withSelection(withGlobals(program.command('ls')))
    .alias('list')
    .description('list the selected nodes in build order')
    .addOption(new Option('--output <format>', 'name, path or json').default('name'))
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
      setExitCode(await lineageCommand(column, command.optsWithGlobals()));
    });

  withGlobals(program.command('deps'))
    .description('install the packages of packages.yml into dbt_packages/ (local ones linked; hub, git and tarball ones downloaded)')
    .action(lazy(async () => (await import('./commands/deps.js')).depsCommand));

  withGlobals(program.command('clean'))
    .description('remove target/ (and with --warehouse, the embedded warehouse data)')
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
    .option('--project-dir <path>', 'the project folder (default: the nearest folder with project.yml)')
    .addOption(new Option('--port <n>', 'port to listen on').default(8080).argParser(port))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--browser', 'open the site in the default browser')
    .action(lazy(async () => (await import('./commands/docs.js')).docsServeCommand));

  withGlobals(program.command('debug'))
    .description('check the project files, the target\'s connection and every source location')
    .action(lazy(async () => (await import('./commands/debug.js')).debugCommand));

  return program;
}

function withGlobals(command: Command): Command {
  return command
    .exitOverride()
    .option('--project-dir <path>', 'the project folder (default: the nearest folder with project.yml)')
    .option('-t, --target <name>', 'target from project.yml (default: $SPARKIFY_TARGET, then default_target)')
    .option('--vars <yaml>', 'vars as YAML or JSON, e.g. \'{"data_root": "../shared/sparkify-data"}\'')
    .option('--profiles-dir <path>', 'where a dbt project\'s profiles.yml is (default: $DBT_PROFILES_DIR, the project folder, ~/.dbt/)');
}

function withSelection(command: Command): Command {
  return command
    .option('-s, --select <selectors...>', 'nodes to include (dbt syntax: name, +name, name+, tag:x, path:..., source:x.y)')
    .option('--exclude <selectors...>', 'nodes to leave out')
    .addOption(new Option('--indirect-selection <mode>', 'which tests selecting a model brings along (dbt: any parent selected = eager)')
      .choices([...INDIRECT_SELECTION_MODES]).default('eager'));
}

function port(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new InvalidArgumentError('expected a port, 0 to 65535');
  return number;
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 a node failed, 2 bad usage or unexpected error. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    clearLiveLines();
    if (error instanceof SparkifyError) {
      for (const d of error.diagnostics) process.stderr.write(scrubActive(`error: ${formatDiagnostic(d)}`) + '\n');
      await recordFailure(argv, error);
      return error.exitCode;
    }
    process.stderr.write(scrubActive(`unexpected error: ${(error as Error).message ?? String(error)}`) + '\n');
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(scrubActive(String((error as Error).stack)) + '\n');
    else process.stderr.write('  (set SPARKIFY_DEBUG=1 for the stack trace)\n');
    return 2;
  }
}

/** Commands that write run_results.json write it also when they fail before running any node. */
async function recordFailure(argv: string[], error: SparkifyError): Promise<void> {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!command || !['build', 'compile', 'test', 'seed', 'snapshot'].includes(command)) return;
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
main(process.argv).then((code) => {
  process.exitCode = code;
  // A stopped run has closed the warehouse; a handle left open (an in-memory unit-test database still
  // starting, a socket) must not keep the process alive.
  if (stopRequested()) process.exit(code);
});
