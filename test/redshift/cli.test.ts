/** `sparkify compile|build --target prod` through the real CLI, offline: no cluster is reachable here. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { copyProject, editFile, REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { SEED_DWH_CFG } from './helpers.js';

const PASSWORD = 'planted-s3cret-value';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function project(withCfg: boolean): string {
  const dir = copyProject({ withData: false });
  // The project's data tests (tests/) compile with it; copy them should copyProject not.
  if (existsSync(join(REPO_ROOT, 'tests')) && !existsSync(join(dir, 'tests'))) cpSync(join(REPO_ROOT, 'tests'), join(dir, 'tests'), { recursive: true });
  if (withCfg) editFile(dir, 'dwh.cfg', () => SEED_DWH_CFG);
  return dir;
}

test('compile --target prod with a planted dwh.cfg prints every statement of +songplays, COPY included, and never the password', () => {
  const dir = project(true);
  try {
    const result = sparkify(dir, ['compile', '--target', 'prod', '--select', '+songplays']);
    assert.equal(result.code, 0, result.stderr);
    for (const id of ['source.sparkify.staging_events', 'source.sparkify.staging_songs', 'model.songplays']) {
      assert.match(result.stdout, new RegExp(`^-- ${id.replace(/\./g, '\\.')} `, 'm'));
    }
    assert.equal(result.stdout.match(/^COPY /gm)?.length, 2);
    assert.match(result.stdout, /FROM 's3:\/\/udacity-dend\/log_data'\nIAM_ROLE 'arn:aws:iam::123456789012:role\/dwhRole'\nFORMAT AS JSON 's3:\/\/udacity-dend\/log_json_path\.json'/);
    assert.match(result.stdout, /FORMAT AS JSON 'auto'/);
    assert.match(result.stdout, /CREATE TABLE "public"\."songplays__sparkify_new_00000000" DISTSTYLE KEY DISTKEY\("start_time"\) SORTKEY\("start_time"\) AS/);
    assert.doesNotMatch(result.stdout, /^-- model\.(users|time|artists|songs) /m, 'only the selection is printed');
    assert.equal(result.stderr, '', 'no warning: dwh.cfg is complete');
    const written = filesUnder(join(dir, 'target'));
    assert.ok(written.length > 5);
    for (const text of [result.stdout, result.stderr, ...written.map((file) => readFileSync(file, 'utf8'))]) {
      assert.ok(!text.includes(PASSWORD), 'the password leaked');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compile --target prod without dwh.cfg works offline with a marked IAM role placeholder and a warning', () => {
  const dir = project(false);
  try {
    const result = sparkify(dir, ['compile', '--target', 'prod', '--select', '+songplays']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.match(/^IAM_ROLE '<\[IAM_ROLE\] ARN from dwh\.cfg>'$/gm)?.length, 2);
    assert.match(result.stdout, /FROM 's3:\/\/udacity-dend\/song_data'/);
    assert.match(result.stderr, /^warning: project\.yml:\d+:\d+: dwh\.cfg not found: compiling target 'prod' with placeholders/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build --target prod without dwh.cfg fails with exit 2, names the file and the fix, and never connects', async () => {
  const server = createServer((socket) => socket.destroy());
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // A host and port in project.yml that would be reachable: the missing dwh.cfg must stop the build first.
  const dir = project(false);
  editFile(dir, 'project.yml', (text) => text.replace('    config_file: dwh.cfg\n', `    config_file: dwh.cfg\n    host: 127.0.0.1\n    port: ${port}\n`));
  try {
    const result = sparkify(dir, ['build', '--target', 'prod']);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /error: project\.yml:\d+: dwh\.cfg not found: target 'prod' reads its cluster endpoint, password and IAM role from it \[SPK403\]/);
    assert.match(result.stderr, /hint: copy dwh\.cfg\.example to dwh\.cfg/);
    await sleep(200); // the CLI ran synchronously: let queued connections surface
    assert.equal(connections, 0, 'build tried to connect');
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compile --target prod prints the seed as INSERTs into its side table, and the manifest lists the seed', () => {
  const dir = project(true);
  try {
    const result = sparkify(dir, ['compile', '--target', 'prod', '--select', 'resource_type:seed']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^-- seed\.subscription_levels /m);
    assert.match(result.stdout, /INSERT INTO "public"\."subscription_levels__sparkify_new_00000000" \("level", "description", "is_paying"\) VALUES\n {2}\('free', 'Listens with ads and limited skips', FALSE\),/);
    assert.doesNotMatch(result.stdout, /SPK354|FROM STDIN/);
    const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8'));
    assert.equal(manifest.nodes['seed.sparkify.subscription_levels'].relation_name, '"public"."subscription_levels"');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
