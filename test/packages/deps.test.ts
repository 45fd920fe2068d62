/**
 * `sparkify deps` through the real CLI: local packages linked (and the packages they list), git
 * packages cloned from a real repository (a local one: no network), hub and tarball packages
 * downloaded from a real HTTP server standing in for the dbt Hub, and each way of failing — a path
 * that is no package, a host that refuses, a server that never answers (the time limit), a
 * version or revision that does not exist, a private package — with its code and in bounded time,
 * never printing a token a URL holds.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as tar from 'tar';
import { freeLoopbackPort } from '../support/free-port.js';
import { startCli } from '../support/spawn-cli.js';
import { packageProject } from './fixture.js';
import { redactCredentials } from '../../src/deps/redact.js';
import { tempDir } from '../support/temp-dir.js';

const PROJECT = 'name: app\ntargets:\n  dev:\n    type: pglite\n';

/** Writes files under `root`. */
function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A workspace: the project in `app/`, packages beside it. */
function workspace(files: Record<string, string>): { dir: string; app: string } {
  const dir = tempDir('sparkify-deps-');
  write(dir, { 'app/project.yml': PROJECT, ...files });
  return { dir, app: join(dir, 'app') };
}

async function deps(app: string, env: Record<string, string> = {}) {
  return startCli(app, ['deps'], { SPARKIFY_DEPS_TIMEOUT_MS: '3000', ...env }).done;
}

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('credentials in a URL are masked wherever the URL appears in a message', () => {
  assert.equal(redactCredentials('fatal: unable to access \'https://x-token:ghp_abc123@github.com/o/r.git/\': refused'), 'fatal: unable to access \'https://****@github.com/o/r.git/\': refused');
  assert.equal(redactCredentials('https://ghp_abc123@github.com/o/r.git@v1'), 'https://****@github.com/o/r.git@v1');
  assert.equal(redactCredentials('git@github.com:o/r.git and https://github.com/o/r.git'), 'git@github.com:o/r.git and https://github.com/o/r.git');
});

describe('local packages', () => {
  test('are linked into dbt_packages/<name>, with the packages they list (paths relative to them)', async () => {
    const { dir, app } = workspace({
      'app/packages.yml': 'packages:\n  - local: ../libs/first\n',
      'libs/first/dbt_project.yml': packageProject('first_pkg'),
      'libs/first/packages.yml': 'packages:\n  - local: ../second\n',
      'libs/second/dbt_project.yml': packageProject('second_pkg'),
      'libs/second/macros/m.sql': '{% macro two() %}2{% endmacro %}\n',
      'app/models/m.sql': 'select {{ second_pkg.two() }} as n\n',
    });
    made.push(dir);
    const result = await deps(app);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    assert.match(result.stdout, /Installing local \.\.\/libs\/first\n.*Installed first_pkg from local \.\.\/libs\/first\n.*Installing local \.\.\/second \(required by first_pkg\)\n.*Installed second_pkg/);
    assert.ok(lstatSync(join(app, 'dbt_packages/first_pkg')).isSymbolicLink());
    assert.equal(readlinkSync(join(app, 'dbt_packages/second_pkg')), join(dir, 'libs/second'));
    const compile = await startCli(app, ['compile', '--select', 'm']).done;
    assert.equal(compile.code, 0, compile.stderr);
    assert.match(compile.stdout, /select 2 as n/);
  });

  test('a path that does not exist, or holds no dbt_project.yml, is SPK062 at its packages.yml line', async () => {
    const { dir, app } = workspace({ 'app/packages.yml': 'packages:\n  - local: ../nowhere\n', 'empty/README.md': 'x' });
    made.push(dir);
    const missing = await deps(app);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /packages\.yml:2:5: local package '\.\.\/nowhere' does not exist .*\[SPK062\]/);
    write(dir, { 'app/packages.yml': 'packages:\n  - local: ../empty\n' });
    const notProject = await deps(app);
    assert.match(notProject.stderr, /local package '\.\.\/empty' is not a dbt project: .*dbt_project\.yml does not exist \[SPK062\]/);
  });

  test('no packages: nothing to do; a mistyped entry is reported where it is written', async () => {
    const { dir, app } = workspace({});
    made.push(dir);
    const none = await deps(app);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /No packages to install/);
    write(dir, { 'app/packages.yml': 'packages:\n  - package: dbt-labs/dbt_utils\n    versoin: 1.0.0\n' });
    const typo = await deps(app);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /packages\.yml:3:5: unknown key `versoin` in package #1 \[SPK014\]\n  hint: did you mean `version`\?/);
    assert.match(typo.stderr, /missing `version` in package #1/);
  });
});

describe('git packages', () => {
  let dir: string;
  let repo: string;
  let commit: string;
  before(() => {
    dir = tempDir('sparkify-deps-git-');
    made.push(dir);
    repo = join(dir, 'repo');
    write(repo, { 'integration/dbt_project.yml': packageProject('gitpkg_tests'), 'dbt_project.yml': packageProject('gitpkg'), 'macros/m.sql': '{% macro v() %}1{% endmacro %}\n' });
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString().trim();
    execFileSync('git', ['init', '--quiet', '--initial-branch', 'main', repo]);
    git('add', '.');
    git('commit', '--quiet', '-m', 'v1');
    git('tag', 'v1.0.0');
    commit = git('rev-parse', 'HEAD');
    write(repo, { 'macros/m.sql': '{% macro v() %}2{% endmacro %}\n' });
    git('commit', '--quiet', '-am', 'v2');
  });

  test('a tag, a commit and the default branch are cloned; .git is not kept', async () => {
    const app = join(dir, 'app');
    for (const [revision, expected] of [['revision: v1.0.0', '1'], [`revision: ${commit}`, '1'], ['', '2']]) {
      write(dir, { 'app/project.yml': PROJECT, 'app/packages.yml': `packages:\n  - git: "file://${repo}"\n    ${revision}\n` });
      const result = await deps(app);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Installed gitpkg from file:\/\//);
      assert.equal(readFileSync(join(app, 'dbt_packages/gitpkg/macros/m.sql'), 'utf8'), `{% macro v() %}${expected}{% endmacro %}\n`, revision);
      assert.throws(() => lstatSync(join(app, 'dbt_packages/gitpkg/.git')));
    }
  });

  test('subdirectory: installs the project in that folder', async () => {
    write(dir, { 'app/packages.yml': `packages:\n  - git: "file://${repo}"\n    revision: main\n    subdirectory: integration\n` });
    const result = await deps(join(dir, 'app'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Installed gitpkg_tests/);
  });

  test('a revision that does not exist is SPK064; a host that refuses is SPK063, quickly', async () => {
    write(dir, { 'app/packages.yml': `packages:\n  - git: "file://${repo}"\n    revision: v9.9.9\n` });
    const missing = await deps(join(dir, 'app'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /packages\.yml:2:5: git package file:\/\/.* at revision v9\.9\.9: .*\[SPK064\]/);
    const port = await freeLoopbackPort();
    write(dir, { 'app/packages.yml': `packages:\n  - git: "http://deploy:{{ env_var('GIT_TOKEN') }}@127.0.0.1:${port}/acme/pkg.git"\n    revision: v1\n` });
    const started = Date.now();
    const refused = await deps(join(dir, 'app'), { GIT_TOKEN: 's3cr3t-t0ken' });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /cannot reach git package http:\/\/\*\*\*\*@127\.0\.0\.1:\d+\/acme\/pkg\.git: .*\[SPK063\]\n  hint: check the network/);
    assert.doesNotMatch(refused.stdout + refused.stderr, /s3cr3t/, 'the token in the URL is never printed');
    assert.ok(Date.now() - started < 15_000);
  });
});

describe('hub and tarball packages', () => {
  let server: Server;
  let hub: string;
  let dir: string;
  let silent: Server;
  let silentUrl: string;

  before(async () => {
    dir = tempDir('sparkify-deps-hub-');
    made.push(dir);
    const tarballs: Record<string, Buffer> = {};
    for (const version of ['1.2.0', '1.3.0', '2.0.0']) {
      const source = join(dir, 'src', `helpers-${version}`);
      write(source, { 'dbt_project.yml': packageProject('helpers'), 'macros/v.sql': `{% macro version() %}${version}{% endmacro %}\n` });
      const file = join(dir, `helpers-${version}.tar.gz`);
      await tar.c({ gzip: true, file, cwd: join(dir, 'src') }, [`helpers-${version}`]);
      tarballs[version] = readFileSync(file);
    }
    server = createServer((request, response) => {
      const url = (request.url ?? '').split('?')[0];
      if (url === '/api/v1/acme/helpers.json') {
        const versions = Object.fromEntries(Object.keys(tarballs).map((v) => [v, { version: v, downloads: { tarball: `${hub}/tarballs/${v}.tar.gz` } }]));
        response.end(JSON.stringify({ name: 'helpers', namespace: 'acme', versions }));
      } else if (url.startsWith('/tarballs/')) {
        const version = url.slice('/tarballs/'.length, -'.tar.gz'.length);
        response.end(tarballs[version]);
      } else {
        response.statusCode = 404;
        response.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Accepts connections and never answers: only the time limit ends a request to it.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    silent.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => silent.close(r))]);
  });

  const install = async (packages: string, env: Record<string, string> = {}) => {
    write(dir, { 'app/project.yml': PROJECT, 'app/packages.yml': `packages:\n${packages}` });
    return deps(join(dir, 'app'), { DBT_PACKAGE_HUB_URL: hub, ...env });
  };
  const installedVersion = () => readFileSync(join(dir, 'app/dbt_packages/helpers/macros/v.sql'), 'utf8');

  test('an exact version, and the newest version in a range, are downloaded and unpacked', async () => {
    const exact = await install('  - package: acme/helpers\n    version: 1.2.0\n');
    assert.equal(exact.code, 0, exact.stderr);
    assert.match(exact.stdout, /Installing acme\/helpers@1\.2\.0\n.*Installed helpers from acme\/helpers@1\.2\.0/);
    assert.match(installedVersion(), /1\.2\.0/);
    const range = await install('  - package: acme/helpers\n    version: [">=1.0.0", "<2.0.0"]\n');
    assert.equal(range.code, 0, range.stderr);
    assert.match(installedVersion(), /1\.3\.0/);
  });

  test('a tarball: entry downloads its URL', async () => {
    const result = await install(`  - tarball: ${hub}/tarballs/2.0.0.tar.gz\n    name: helpers\n`);
    assert.equal(result.code, 0, result.stderr);
    assert.match(installedVersion(), /2\.0\.0/);
  });

  test("a DBT_ENV_SECRET_ token anywhere in a URL is never printed, installed or refused", async () => {
    const env = { DBT_ENV_SECRET_TARBALL_TOKEN: 'tok-9f8e7d6c' };
    const entry = (base: string) => `  - tarball: "${base}/tarballs/2.0.0.tar.gz?token={{ env_var('DBT_ENV_SECRET_TARBALL_TOKEN') }}"\n    name: helpers\n`;
    const installed = await install(entry(hub), env);
    assert.equal(installed.code, 0, installed.stderr);
    assert.match(installed.stdout, /Installed helpers from http:\/\/127\.0\.0\.1:\d+\/tarballs\/2\.0\.0\.tar\.gz\?token=\*\*\*\*\*/);
    assert.match(installedVersion(), /2\.0\.0/);
    const refused = await install(entry(`http://127.0.0.1:${await freeLoopbackPort()}`), env);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /token=\*\*\*\*\*.*\[SPK063\]/);
    for (const result of [installed, refused]) assert.doesNotMatch(result.stdout + result.stderr, /9f8e7d6c/);
  });

  test('a version the hub does not have, and a package it does not know, are SPK064', async () => {
    const version = await install('  - package: acme/helpers\n    version: ">=3.0.0"\n');
    assert.equal(version.code, 2);
    assert.match(version.stderr, /the dbt Hub has no version of acme\/helpers matching >=3\.0\.0 \[SPK064\]\n  hint: the newest is 2\.0\.0/);
    const unknown = await install('  - package: acme/nothing\n    version: 1.0.0\n');
    assert.match(unknown.stderr, /the dbt Hub has no acme\/nothing .*404\) \[SPK064\]/);
  });

  test('a hub that refuses, or never answers, is SPK063 within the time limit, naming the package', async () => {
    const closed = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const refused = await install('  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n', { DBT_PACKAGE_HUB_URL: closed });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /packages\.yml:2:5: cannot reach the dbt Hub for dbt-labs\/dbt_utils \(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/dbt-labs\/dbt_utils\.json\): ECONNREFUSED \[SPK063\]\n  hint: hub and git packages need the network/);
    const started = Date.now();
    const silentHub = await install('  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n', { DBT_PACKAGE_HUB_URL: silentUrl, SPARKIFY_DEPS_TIMEOUT_MS: '800' });
    assert.equal(silentHub.code, 2);
    assert.match(silentHub.stderr, /cannot reach the dbt Hub for dbt-labs\/dbt_utils .*: no answer within 0\.8s \[SPK063\]/);
    assert.ok(Date.now() - started < 10_000, 'the time limit ends the request');
  });

  test("dbt Cloud's private packages are SPK066", async () => {
    const result = await install('  - private: acme/secret\n');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /private package acme\/secret: dbt Cloud's private packages are not supported \[SPK066\]/);
  });
});
