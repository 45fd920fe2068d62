/**
 * The CLI runs from its bundle (scripts/bundle-cli.ts, issue 13) when the bundle is as new as the
 * compiled modules, and from the modules otherwise; a module that finds files beside itself keeps
 * its own URL inside the bundle. What each process loads is read through a module-resolution hook.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyProject, REPO_ROOT } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

const BUNDLE = join(REPO_ROOT, 'dist/cli-bundle');
const MODULES_MAIN = join(REPO_ROOT, 'dist/src/cli/main.js');

/** The file: URLs a `sparkify --version` process loads, and its output. */
function loadedBy(): { urls: string[]; stdout: string } {
  const hook = join(tempDir('sparkify-hook-'), 'hook.mjs');
  writeFileSync(hook, 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n');
  const run = spawnSync(process.execPath, ['--no-warnings', `--experimental-loader=${hook}`, join(REPO_ROOT, 'bin/sparkify.js'), '--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return { urls: run.stderr.split('\n').filter((l) => l.startsWith('LOADED file:')).map((l) => l.slice(7)), stdout: run.stdout };
}

test('after the build, the CLI loads the bundle, not the ~400 modules', () => {
  assert.ok(statSync(join(BUNDLE, 'main.js')).mtimeMs >= statSync(MODULES_MAIN).mtimeMs, 'npm test bundles after tsc');
  const { urls, stdout } = loadedBy();
  assert.match(stdout, /^\d+\.\d+\.\d+/);
  assert.ok(urls.some((url) => url.endsWith('/dist/cli-bundle/main.js')), urls.join('\n'));
  assert.ok(!urls.some((url) => url.includes('/dist/src/')), `no compiled module is loaded:\n${urls.filter((u) => u.includes('/dist/src/')).join('\n')}`);
});

test('a bundle older than the modules (a bare tsc since) is passed over for the modules', () => {
  const main = join(BUNDLE, 'main.js');
  const { atime, mtime } = statSync(main);
  const older = new Date(statSync(MODULES_MAIN).mtimeMs - 60_000);
  utimesSync(main, older, older);
  try {
    const { urls } = loadedBy();
    assert.ok(urls.some((url) => url.endsWith('/dist/src/cli/main.js')), urls.join('\n'));
    assert.ok(!urls.some((url) => url.includes('/dist/cli-bundle/')));
  } finally {
    utimesSync(main, atime, mtime);
  }
});

test('every import.meta.url of a compiled module becomes that module\'s own URL in the chunks, except where it starts a worker bundled beside them', () => {
  const files = readdirSync(BUNDLE).filter((file) => file.endsWith('.js'));
  const chunks = files.map((file) => readFileSync(join(BUNDLE, file), 'utf8'));
  const own = chunks.flatMap((text) => [...text.matchAll(/new URL\("\.\/\.\.\/src\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]));
  for (const module of ['version.js', 'jinja/template-cache.js', 'docs/site/client-bundle.js']) {
    assert.ok(own.includes(module), `${module} keeps its own URL`);
  }
  const workers = chunks.flatMap((text) => [...text.matchAll(/new Worker\(new URL\("\.\/([\w-]+\.js)", import\.meta\.url\)/g)].map((m) => m[1]));
  assert.deepEqual([...new Set(workers)].sort(), ['lineage-worker.js', 'load-worker.js', 'toposort-worker.js', 'unit-test-worker.js']);
  for (const worker of workers) assert.ok(files.includes(worker), `${worker} is bundled beside the chunks`);
  const bare = chunks.flatMap((text) => text.split('\n')).filter((line) => line.includes('import.meta.url') && !/new URL\("\.\/\.\.\/src\/[^"]+", import\.meta\.url\)|new Worker\(new URL\("\.\/[\w-]+\.js", import\.meta\.url\)/.test(line));
  assert.deepEqual(bare, []);
});

test('a load parsed in a worker thread runs the worker from the bundle, not from the modules', () => {
  const project = copyProject({ withData: false });
  // ~20 MB of events: beside PGlite, a load past 16 MiB parses in a worker (src/load/worker/parse-placement.ts).
  const event = (k: number) => JSON.stringify({ artist: `Artist ${k % 97}`, auth: 'Logged In', firstName: 'Ada', gender: 'F', itemInSession: k % 50, lastName: 'Byron', length: 200.5 + (k % 300), level: 'paid', location: 'Lakeview, IL', method: 'PUT', page: 'NextSong', registration: 1540919166796.0, sessionId: k % 400, song: `Song ${k}`, status: 200, ts: 1541105830796 + k, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36', userId: String(k % 100) });
  mkdirSync(join(project, 'events/log_data'), { recursive: true });
  writeFileSync(join(project, 'events/log_data/events.json'), `${Array.from({ length: 60_000 }, (_, k) => event(k)).join('\n')}\n`);
  const hook = join(tempDir('sparkify-hook-'), 'hook.mjs');
  writeFileSync(hook, 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`LOADED ${r.url}\\n`); return r; }\n');
  const vars = JSON.stringify({ data_root: join(project, 'events'), log_jsonpaths: join(REPO_ROOT, 'data/log_json_path.json') });
  const args = ['--no-warnings', `--experimental-loader=${hook}`, join(REPO_ROOT, 'bin/sparkify.js'), 'build', '--select', 'source:sparkify.staging_events', '--resource-type', 'source', '--vars', vars];
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /60,000 rows|COPY 60000/);
  const urls = run.stderr.split('\n').filter((line) => line.startsWith('LOADED file:')).map((line) => line.slice(7));
  assert.ok(urls.some((url) => url.endsWith('/dist/cli-bundle/load-worker.js')), urls.join('\n'));
  assert.ok(!urls.some((url) => url.includes('/dist/src/')), `no compiled module is loaded:\n${urls.filter((url) => url.includes('/dist/src/')).join('\n')}`);
});
