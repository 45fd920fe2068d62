/**
 * Issue 14: no message quotes a secret or any part of one. A password is planted in every place a
 * secret is written (dwh.cfg, a postgres URL, project.yml's and profiles.yml's password keys), each
 * time malformed in a way that makes its own reader fail (a lone %, a bad port, a bad escape, a
 * YAML or template syntax error on its line), and every command that reads it runs. No 5 characters
 * in a row of the password may appear in stdout, stderr or any file under target/.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { copyProject, editFile, REPO_ROOT, sparkify, type CliResult } from '../e2e/helpers.js';
import { SEED_DWH_CFG } from '../redshift/helpers.js';
import { freeLoopbackPort } from '../support/free-port.js';

/** The planted password: distinctive characters, a `%` configparser reads as interpolation. */
const SECRET = 'Zq9Xk%ret7731wV';
const WINDOW = 5;

/** Every run of WINDOW characters of the secret found in `text`. */
function leaks(text: string, secret = SECRET): string[] {
  const found = new Set<string>();
  for (let i = 0; i + WINDOW <= secret.length; i++) if (text.includes(secret.slice(i, i + WINDOW))) found.add(secret.slice(i, i + WINDOW));
  return [...found];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Asserts that the run failed as expected and that nothing it printed or wrote holds part of the secret. */
function assertNoLeak(dir: string, result: CliResult, what: string, expected: RegExp, secret = SECRET): void {
  const output = result.stdout + result.stderr;
  assert.match(output, expected, `${what}: the expected error\n${output}`);
  assert.deepEqual(leaks(output, secret), [], `${what}: printed part of the secret\n${output}`);
  for (const file of filesUnder(join(dir, 'target'))) {
    assert.deepEqual(leaks(readFileSync(file, 'utf8'), secret), [], `${what}: ${file} holds part of the secret`);
  }
}

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const dir = copyProject({ withData: false });
  dirs.push(dir);
  return dir;
}

describe('a planted password in dwh.cfg (target prod) is never printed, even when it is malformed', () => {
  const cases: [string, string, RegExp][] = [
    ['a lone %', SECRET, /dwh\.cfg:\d+: \[CLUSTER\] DB_PASSWORD: the '%' at character 6 of the value must be written '%%'/],
    ['a %(name)s naming no key', SECRET.replace('%', '%(nokey)s'), /\[CLUSTER\] DB_PASSWORD: the %\(name\)s reference at character 6 of the value names no key/],
    ['a %(name)s naming a key with a bad value', SECRET.replace('%', '%(note)s'), /\[CLUSTER\] DB_PASSWORD: the %\(name\)s reference at character 6 of the value names a key whose value is invalid/],
  ];
  for (const [name, password, expected] of cases) {
    test(`${name}: build, debug and compile --target prod`, async () => {
      const port = await freeLoopbackPort();
      const dir = project();
      const cfg = SEED_DWH_CFG.replace('planted-s3cret-value', password).replace(/^HOST=.*$/m, 'HOST=127.0.0.1').replace('DB_PORT=5439', `DB_PORT=${port}\nNOTE=50%off`);
      editFile(dir, 'dwh.cfg', () => cfg);
      for (const args of [['build', '--target', 'prod'], ['debug', '--target', 'prod'], ['compile', '--target', 'prod']]) {
        assertNoLeak(dir, sparkify(dir, args), `${name}: ${args.join(' ')}`, expected);
      }
    });
  }

  test('a well-formed password: a refused connection names the endpoint, never the password', async () => {
    const port = await freeLoopbackPort();
    const dir = project();
    editFile(dir, 'dwh.cfg', () => SEED_DWH_CFG.replace('planted-s3cret-value', SECRET.replace('%', '%%')).replace(/^HOST=.*$/m, 'HOST=127.0.0.1').replace('DB_PORT=5439', `DB_PORT=${port}`));
    const secret = SECRET; // configparser reads %% as %: the password is SECRET itself
    for (const args of [['build', '--target', 'prod'], ['debug', '--target', 'prod']]) {
      assertNoLeak(dir, sparkify(dir, args), args.join(' '), new RegExp(`127\\.0\\.0\\.1:${port}`), secret);
    }
  });
});

describe('a planted password in the postgres URL (target pg) is never printed, even when the URL is malformed', () => {
  const cases: [string, (port: number) => string, RegExp][] = [
    ['port out of range', () => `postgres://me:${encodeURIComponent(SECRET)}@127.0.0.1:99999/db`, /port 99999/],
    ['a bad percent escape', (port) => `postgres://me:${SECRET.replace('%', '%zz')}@127.0.0.1:${port}/db`, /SPK4\d\d|SPK018/],
    ['a space in the password', (port) => `postgres://me:${SECRET.replace('%', ' ')}@127.0.0.1:${port}/db`, /SPK4\d\d|SPK018/],
    ['an unknown scheme', (port) => `postgress://me:${encodeURIComponent(SECRET)}@127.0.0.1:${port}/db`, /not a postgres:\/\/ URL/],
    ['a refused connection', (port) => `postgres://me:${encodeURIComponent(SECRET)}@127.0.0.1:${port}/db`, /SPK410/],
  ];
  for (const [name, url, expected] of cases) {
    test(`${name}: build, debug and compile --target pg`, async () => {
      const dir = project();
      const env = { SPARKIFY_PG_URL: url(await freeLoopbackPort()) };
      for (const args of [['build', '--target', 'pg'], ['debug', '--target', 'pg'], ['compile', '--target', 'pg']]) {
        const result = sparkify(dir, args, env);
        if (args[0] === 'compile' && result.code === 0) continue; // compile does not connect: nothing to report
        assertNoLeak(dir, result, `${name}: ${args.join(' ')}`, expected);
        assertNoLeak(dir, result, `${name}: ${args.join(' ')} (encoded)`, expected, encodeURIComponent(SECRET));
      }
    });
  }
});

describe('a planted password in project.yml and profiles.yml is never printed, even when its line is malformed', () => {
  /** The pg target's keys (as project.yml names them), one per line, unindented. */
  const pgTarget = (password: string, port: number) => `type: postgres\nhost: 127.0.0.1\nport: ${port}\ndatabase: db\nuser: me\npassword: ${password}\n`;
  const indent = (text: string, spaces: number) => text.replace(/^(?=.)/gm, ' '.repeat(spaces));
  const cases: [string, (port: number) => string, RegExp][] = [
    ['a YAML syntax error on the password line', (port) => pgTarget(`"${SECRET}`, port), /SPK010/],
    ['a template syntax error in the password', (port) => pgTarget(`"{% ${SECRET} %}"`, port), /SPK005/],
    ['a template naming an unknown variable', (port) => pgTarget(`"{{ ${SECRET.replace('%', '_')} }}"`, port), /SPK005/],
    ['an unclosed template in the password', (port) => pgTarget(`"${SECRET}{{"`, port), /SPK005/],
    ['a password that is a list', (port) => pgTarget(`[${SECRET}]`, port), /SPK013/],
    ['a refused connection', (port) => pgTarget(`"${SECRET}"`, port), /SPK410/],
  ];
  for (const [name, target, expected] of cases) {
    test(`project.yml, ${name}: build, debug and compile --target pg`, async () => {
      const dir = project();
      const port = await freeLoopbackPort();
      editFile(dir, 'project.yml', (text) => text.replace(/ {2}pg:\n(?: {4}.*\n)+/, `  pg:\n${indent(target(port), 4)}`));
      for (const args of [['build', '--target', 'pg'], ['debug', '--target', 'pg'], ['compile', '--target', 'pg']]) {
        const result = sparkify(dir, args);
        if (args[0] === 'compile' && result.code === 0) continue;
        assertNoLeak(dir, result, `${name}: ${args.join(' ')}`, expected);
      }
    });

    test(`profiles.yml, ${name}: build, debug and compile --target pg`, async () => {
      const dir = project();
      const port = await freeLoopbackPort();
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(REPO_ROOT, 'test/fixtures/dbt/shop'), dir, { recursive: true });
      const output = indent(target(port).replace('database:', 'dbname:'), 6);
      editFile(dir, 'profiles.yml', () => `shop:\n  target: local\n  outputs:\n    local:\n      type: pglite\n      schema: analytics\n    pg:\n${output}`);
      for (const args of [['build', '--target', 'pg'], ['debug', '--target', 'pg'], ['compile', '--target', 'pg']]) {
        const result = sparkify(dir, args);
        if (args[0] === 'compile' && result.code === 0) continue;
        assertNoLeak(dir, result, `${name}: ${args.join(' ')}`, expected);
      }
    });
  }
});
