/**
 * Issue 14, living docs: every `sparkify` command in README.md's shell blocks runs, in the order
 * the README gives them, on one fresh copy of the project, and succeeds. A command that needs what
 * no test machine has (Redshift, an S3 bucket) is listed in UNRUNNABLE with the reason, and the
 * list must match the README exactly, so a new example is never skipped silently. The pg example
 * runs against a real embedded PostgreSQL, its URL swapped for the server's. An aside that must not
 * change the project the later commands use runs on a copy (PREPARED), and what the README says a
 * command prints is checked (PRINTS).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject, REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server.js';
import { SHARED_DATA_DIR, skipWithoutSharedData } from '../support/shared-data.js';
import { startCli, waitForOutput } from '../support/spawn-cli.js';
import { readmeCommands, type ReadmeCommand } from './readme-commands.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * README commands known to fail as written, with the issue that fixes them. Each runs on a copy of
 * the project as it stands at that point (so its failure does not spread to the commands after it)
 * and is reported as a todo: remove it from here once it passes.
 */
const KNOWN_FAILING: Record<string, string> = {};

/** What the README says a command prints (its lines under the example), checked on its output. */
const PRINTS: Record<string, RegExp[]> = {
  // The real sample after the first build from data/: the ledger finds none of data/'s files there (issue 12).
  'npx sparkify build --vars \'{"data_root": "../shared/sparkify-data"}\'': [
    /OK loaded source sparkify\.staging_events \.+ \[COPY 8056 in /,
    / {2}full reload: the location holds none of the 30 files loaded before$/m,
    /OK created incremental model public\.songplays \.+ \[SELECT 6820 in /,
    / {2}full rebuild: source sparkify\.staging_events was reloaded in full \(the location holds none of the 30 files loaded before\)$/m,
  ],
  'npx sparkify build --select state:modified+ --state prod-target --defer --target ci': [/Nothing to do: the selection holds no model to run \[SPK513\]/],
  'npx sparkify compile --project-dir test/packages/fixtures/pkg_shop --select status_union': [/cast\(null as double precision\) as "amount"/],
  'npx sparkify compile --project-dir test/packages/fixtures/pkg_shop --select status_union --no-introspect': [/as "_dbt_source_relation", \*$/m],
};

/**
 * Commands whose example assumes what the README tells the reader to have first, by their text: the
 * copy of the project (or other project) to run them in, prepared that way. `project` is the
 * sparkify project as the commands before left it.
 */
const PREPARED: Record<string, (project: string, base: string, line: number) => string> = {
  // An aside: the commands after it are about data/ (their tables checked against each other), so
  // the real sample is built into a copy, after the first build from data/ as the README has it.
  'npx sparkify build --vars \'{"data_root": "../shared/sparkify-data"}\'': (project, base, line) => copyOfProject(base, project, line),
};

/** README commands this test cannot run, by their text, and why. */
const UNRUNNABLE: Record<string, string> = {
  'AWS_PROFILE=me npx sparkify build --vars \'{"data_root": "s3://my-bucket/sparkify"}\'': 'needs an S3 bucket and AWS credentials (test/s3 loads from a local S3 server)',
  'npx sparkify build --target prod': 'needs an Amazon Redshift cluster (Redshift is golden-checked: test/redshift)',
};

const commands = readmeCommands(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));

test('README.md has sparkify commands, and every unrunnable one listed here is still in it', () => {
  assert.ok(commands.length >= 20, `${commands.length} commands found`);
  const texts = commands.map((c) => c.text.replace(/\s+#.*$/, ''));
  for (const text of [...Object.keys(UNRUNNABLE), ...Object.keys(KNOWN_FAILING), ...Object.keys(PRINTS), ...Object.keys(PREPARED)]) assert.ok(texts.includes(text), `not in README.md any more: ${text}`);
});

describe('every sparkify command of README.md, in order, on a fresh copy of the project', { skip: skipWithoutSharedData() }, () => {
  let base: string;
  let project: string;
  let server: PostgresServer;
  before(async () => {
    // The project beside shared/sparkify-data, as in the repository, so ../shared/sparkify-data resolves.
    base = tempDir('sparkify-readme-');
    project = join(base, 'project');
    renameSync(copyProject(), project);
    // The README's package examples run on the fixture project kept under test/.
    cpSync(join(REPO_ROOT, 'test/packages/fixtures'), join(project, 'test/packages/fixtures'), { recursive: true, filter: (source) => !/[\\/](dbt_packages|\.sparkify|target)$/.test(source) });
    mkdirSync(join(base, 'shared'));
    symlinkSync(SHARED_DATA_DIR, join(base, 'shared', 'sparkify-data'));
    server = await startPostgresServer('sparkify');
  });
  after(async () => {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  for (const command of commands) {
    const text = command.text.replace(/\s+#.*$/, '');
    const why = UNRUNNABLE[text];
    const known = KNOWN_FAILING[text];
    test(`README.md:${command.line}: ${text}`, { skip: why ?? false, todo: known ?? false }, async () => {
      if (command.args[0] === 'docs' && command.args[1] === 'serve') return serves(project, command);
      const env = { ...command.env, ...(command.env.SPARKIFY_PG_URL ? { SPARKIFY_PG_URL: server.url() } : {}) };
      const prepared = PREPARED[text];
      const at = prepared ? prepared(project, base, command.line) : known ? copyOfProject(base, project, command.line) : project;
      const result = sparkify(at, command.args, env);
      assert.equal(result.code, 0, `README.md:${command.line} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
      for (const printed of PRINTS[text] ?? []) assert.match(result.stdout + result.stderr, printed, `README.md:${command.line}`);
    });
  }
});

/** A copy of the project beside shared/, warehouse included, for a command whose effects must not last. */
function copyOfProject(base: string, project: string, line: number): string {
  const copy = join(base, `project-at-line-${line}`);
  cpSync(project, copy, { recursive: true });
  return copy;
}

/** `docs serve` runs until Ctrl-C: it must start serving (on a free port), then stop on SIGINT. */
async function serves(project: string, command: ReadmeCommand): Promise<void> {
  const cli = startCli(project, [...command.args, '--port', '0']);
  try {
    await waitForOutput(cli, /Serving target\/ at http:\/\/127\.0\.0\.1:\d+/, 60_000);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(cli.stdout())![0];
    const page = await fetch(url);
    assert.equal(page.status, 200);
  } finally {
    cli.child.kill('SIGINT');
  }
  const result = await cli.done;
  assert.ok(result.code === 0 || result.code === 130, `docs serve ended with ${result.code}\n${result.stderr}`);
}
