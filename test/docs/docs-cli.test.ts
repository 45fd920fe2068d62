/** `sparkify docs generate --empty-catalog` and `sparkify docs serve` through the real CLI. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { copyProject, editFile, REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { startCli, waitForOutput } from '../support/spawn-cli.js';
import { embeddedData } from './page-data.js';

let dir: string;

before(() => {
  dir = copyProject({ withData: false });
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('docs serve before docs generate says what to run (SPK860, exit 2)', () => {
  const result = sparkify(dir, ['docs', 'serve', '--port', '0']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no target\/index\.html to serve \[SPK860\]\n {2}hint: run sparkify docs generate first/);
});

test('docs generate --empty-catalog --static needs no warehouse and writes the page, its static twin and an empty catalog', () => {
  const result = sparkify(dir, ['docs', 'generate', '--empty-catalog', '--static']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Wrote target\/catalog\.json, target\/index\.html, target\/static_index\.html: .* empty catalog \(--empty-catalog\)/);
  assert.equal(existsSync(join(dir, '.sparkify')), false, 'the warehouse was not opened');
  const catalog = JSON.parse(readFileSync(join(dir, 'target/catalog.json'), 'utf8'));
  assert.deepEqual([catalog.nodes, catalog.sources, catalog.metadata.dbt_schema_version], [{}, {}, 'https://schemas.getdbt.com/dbt/catalog/v1.json']);
  const html = readFileSync(join(dir, 'target/index.html'), 'utf8');
  assert.equal(readFileSync(join(dir, 'target/static_index.html'), 'utf8'), html);
  const data = embeddedData(html);
  const songplays = data.nodes.find((n) => n.id === 'model.sparkify.songplays')!;
  assert.equal(songplays.columns.find((c) => c.name === 'user_id')!.type, undefined, 'no catalog, no types');
  assert.equal(data.nodes.filter((n) => n.type === 'macro').length, 4);
  assert.match(data.nodes.find((n) => n.id === 'macro.sparkify.strip_wrapping_quotes')!.text, /wrap user agents in literal double quotes/);
  assert.equal(data.run, undefined, 'compile-only run results say nothing about nodes');
});

test('a broken run_results.json is a warning (SPK863), not a failure', () => {
  writeFileSync(join(dir, 'target/run_results.json'), '{ not json');
  const result = sparkify(dir, ['docs', 'generate', '--empty-catalog']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /warning: target\/run_results\.json: cannot read target\/run_results\.json: .* \[SPK863\]/);
  rmSync(join(dir, 'target/run_results.json'));
});

test('docs serve listens on loopback, serves target/ read-only, refuses paths outside it, stops on Ctrl-C', async () => {
  const cli = startCli(dir, ['docs', 'serve', '--port', '0']);
  await waitForOutput(cli, /Serving target\/ at http:\/\/127\.0\.0\.1:\d+\//, 60_000);
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(cli.stdout())![0];
  try {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.headers.get('content-security-policy')!, /connect-src 'none'/);
    assert.equal(await page.text(), readFileSync(join(dir, 'target/index.html'), 'utf8'));
    assert.equal((await fetch(url + 'catalog.json')).status, 200);
    assert.equal((await fetch(url + '..%2Fproject.yml')).status, 404);
    assert.equal((await fetch(url + '%2e%2e/project.yml')).status, 404);
    assert.equal((await fetch(url + 'missing.html')).status, 404);
    assert.equal((await fetch(url, { method: 'POST' })).status, 405);
  } finally {
    cli.child.kill('SIGINT');
  }
  const done = await cli.done;
  assert.equal(done.code, 0, done.stdout);
});

test('docs serve --port takes a port number only', () => {
  const result = sparkify(dir, ['docs', 'serve', '--port', 'http']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /expected a port, 0 to 65535/);
});

test('a Redshift password that reached a description is scrubbed from the page, even with " and \\ in it', () => {
  const password = 'Pw-docs-7f3a"\\q';
  const example = readFileSync(join(REPO_ROOT, 'dwh.cfg.example'), 'utf8');
  writeFileSync(join(dir, 'dwh.cfg'), example.replace('DB_PASSWORD=<password>', `DB_PASSWORD=${password}`).replace('<account-id>', '123456789012'));
  editFile(dir, 'models/facts/schema.yml', (text) => text.replace('description: One row per song play', `description: Leaked ${password} one row per song play`));
  try {
    const result = sparkify(dir, ['docs', 'generate', '--target', 'prod', '--empty-catalog']);
    assert.equal(result.code, 0, result.stderr);
    // The files docs generate writes itself. (target/manifest.json comes from the shared writer, which
    // scrubs after JSON.stringify, so a password holding `"` survives there as `\"`: reported to the lead.)
    for (const file of ['target/index.html', 'target/catalog.json']) {
      assert.doesNotMatch(readFileSync(join(dir, file), 'utf8'), /Pw-docs-7f3a/, file);
    }
    assert.match(embeddedData(readFileSync(join(dir, 'target/index.html'), 'utf8')).nodes.find((n) => n.id === 'model.sparkify.songplays')!.text, /Leaked \S+ one row/);
  } finally {
    rmSync(join(dir, 'dwh.cfg'));
    editFile(dir, 'models/facts/schema.yml', (text) => text.replace(`Leaked ${password} one row per song play`, 'One row per song play'));
  }
});
