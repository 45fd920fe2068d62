import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { dialectFor } from '../../src/engines/registry.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { loadProject } from '../../src/project/index.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { lines, load, loadError, where } from '../project/helpers.js';
import { copyRepoProject, SEED_DWH_CFG } from './helpers.js';

const rsProject = (...extra: string[]) => lines('name: demo', 'default_target: rs', 'targets:', '  rs:', '    type: redshift', '    config_file: dwh.cfg', ...extra);

test('the selected redshift target takes host, port, database, user, password and IAM role from dwh.cfg', () => {
  const project = load({ 'project.yml': rsProject(), 'dwh.cfg': SEED_DWH_CFG });
  const target = project.target;
  assert.equal(target.type, 'redshift');
  if (target.type !== 'redshift') return;
  assert.equal(target.host, 'sparkify.abc123.us-west-2.redshift.amazonaws.com');
  assert.equal(target.port, 5439);
  assert.equal(target.database, 'dwh');
  assert.equal(target.user, 'dwhuser');
  assert.equal(target.password, 'planted-s3cret-value');
  assert.equal(target.iamRole, 'arn:aws:iam::123456789012:role/dwhRole');
  assert.equal(target.region, undefined, 'no default region: COPY then assumes the cluster\'s own');
  assert.equal(target.configFileFound, true);
  assert.ok(project.secrets.includes('planted-s3cret-value'));
  assert.deepEqual(project.warnings, []);
});

test('a quoted ARN loses its quotes; DB_PORT is read; project.yml values win over dwh.cfg', () => {
  const cfg = SEED_DWH_CFG.replace('ARN=arn:aws:iam::123456789012:role/dwhRole', "ARN='arn:aws:iam::1:role/quoted'").replace('DB_PORT=5439', 'DB_PORT=5440');
  const target = load({ 'project.yml': rsProject('    database: analytics', '    region: eu-west-1'), 'dwh.cfg': cfg }).target;
  assert.ok(target.type === 'redshift');
  assert.equal(target.iamRole, 'arn:aws:iam::1:role/quoted');
  assert.equal(target.port, 5440);
  assert.equal(target.database, 'analytics');
  assert.equal(target.region, 'eu-west-1');
});

test('config_file is relative to the project root, and may live in a subfolder', () => {
  const project = lines('name: demo', 'default_target: rs', 'targets:', '  rs:', '    type: redshift', '    config_file: secrets.cfg');
  const target = load({ 'project.yml': project, 'secrets.cfg': SEED_DWH_CFG }).target;
  assert.equal(target.type === 'redshift' && target.host, 'sparkify.abc123.us-west-2.redshift.amazonaws.com');
});

test('without dwh.cfg the target loads (compile needs no credentials) with a warning naming the file', () => {
  const project = load({ 'project.yml': rsProject() });
  assert.ok(project.target.type === 'redshift');
  assert.equal(project.target.configFileFound, false);
  assert.equal(project.target.iamRole, undefined);
  assert.deepEqual(project.warnings.map((w) => [w.code, w.location?.line]), [['SPK008', 6]]);
  assert.match(project.warnings[0].message, /dwh\.cfg not found: .*<\[IAM_ROLE\] ARN from dwh\.cfg>/);
  assert.match(project.warnings[0].hint ?? '', /copy dwh\.cfg\.example/);
});

test('dwh.cfg without [IAM_ROLE] ARN warns that COPY will carry the placeholder', () => {
  const cfg = SEED_DWH_CFG.replace(/\[IAM_ROLE\]\nARN=.*\n/, '');
  const project = load({ 'project.yml': rsProject(), 'dwh.cfg': cfg });
  assert.deepEqual(project.warnings.map((w) => w.code), ['SPK008']);
  assert.match(project.warnings[0].message, /no IAM role/);
});

test("a target's vars override project vars and --vars override both; dwh_cfg() reads dwh.cfg without its quotes", () => {
  const files = {
    'project.yml': lines(
      'name: demo', 'default_target: rs', 'vars:', '  where: local', '  other: kept', 'targets:', '  rs:', '    type: redshift',
      '    config_file: dwh.cfg', '    vars:', "      where: \"{{ dwh_cfg('S3', 'LOG_DATA') }}\"", "      other2: \"{{ var('other') }}\"",
    ),
    'dwh.cfg': SEED_DWH_CFG,
  };
  assert.deepEqual(load(files).config.vars, { where: 's3://udacity-dend/log_data', other: 'kept', other2: 'kept' });
  assert.equal(load(files, { varsText: '{where: cli}' }).config.vars.where, 'cli');
  const other = load({ ...files, 'project.yml': files['project.yml'].replace('default_target: rs', 'default_target: dev\n') + lines('  dev: {type: pglite}') });
  assert.equal(other.config.vars.where, 'local', 'the vars of a target that is not selected do nothing');
});

test('dwh_cfg(): a default for a missing key or file, a placeholder without either, an error for a missing key', () => {
  const withVar = (call: string) => rsProject('    vars:', `      v: "{{ ${call} }}"`);
  assert.equal(load({ 'project.yml': withVar("dwh_cfg('S3', 'NOPE', 'fallback')"), 'dwh.cfg': SEED_DWH_CFG }).config.vars.v, 'fallback');
  assert.equal(load({ 'project.yml': withVar("dwh_cfg('S3', 'LOG_DATA', 'fallback')") }).config.vars.v, 'fallback');
  assert.equal(load({ 'project.yml': withVar("dwh_cfg('S3', 'LOG_DATA')") }).config.vars.v, '<[S3] LOG_DATA from dwh.cfg>');
  const missing = loadError({ 'project.yml': withVar("dwh_cfg('S3', 'NOPE')"), 'dwh.cfg': SEED_DWH_CFG });
  assert.deepEqual(where(missing), ['SPK019 project.yml:8']);
  const outside = loadError({ 'project.yml': lines('name: demo', 'vars:', '  x: 1', 'targets:', '  dev:', '    type: pglite', '    vars:', "      v: \"{{ dwh_cfg('S3', 'X') }}\"") });
  assert.match(outside.diagnostics[0].message, /outside a target with config_file/);
});

test('a broken dwh.cfg is an error at its line; the unselected target never reads it', () => {
  const error = loadError({ 'project.yml': rsProject(), 'dwh.cfg': 'HOST=h\n' });
  assert.deepEqual(where(error), ['SPK019 dwh.cfg:1']);
  const notSelected = lines('name: demo', 'targets:', '  dev: {type: pglite}', '  rs:', '    type: redshift', '    config_file: dwh.cfg');
  assert.deepEqual(load({ 'project.yml': notSelected, 'dwh.cfg': 'HOST=h\n' }).warnings, []);
});

test("the repo's prod target compiles its seed with the rows, which the Redshift plan inserts (no SPK354)", () => {
  const root = copyRepoProject();
  const project = loadProject(root, { env: {}, targetName: 'prod' });
  const compiled = compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {}, seeds: readSeedFiles(root) });
  const seed = compiled.manifest.nodes['seed.subscription_levels'];
  assert.ok(seed?.kind === 'seed');
  assert.deepEqual(seed.rows?.map((r) => [r.line, r.values[0]]), [[2, 'free'], [3, 'paid']]);
  const plan = planNodes(compiled.manifest, [seed.id], dialectFor(project.target))[0];
  assert.ok(plan.statements.some((s) => s.sql.includes('INSERT INTO "public"."subscription_levels__sparkify_new_00000000"')));
  assert.ok(plan.statements.every((s) => !s.check), 'no failing check in place of the load');
});

test("the repo's prod target points the staging sources at s3://udacity-dend, with or without dwh.cfg", () => {
  const root = copyRepoProject();
  const expected = ['s3://udacity-dend/log_data', 's3://udacity-dend/song_data'];
  const offline = loadProject(root, { env: {}, targetName: 'prod' });
  assert.deepEqual(offline.sources.map((s) => s.location), expected);
  assert.equal(offline.sources[0].jsonpaths, 's3://udacity-dend/log_json_path.json');
  writeFileSync(join(root, 'dwh.cfg'), SEED_DWH_CFG.replace("'s3://udacity-dend/log_data'", "'s3://my-bucket/logs'"));
  const planted = loadProject(root, { env: {}, targetName: 'prod' });
  assert.deepEqual(planted.sources.map((s) => s.location), ['s3://my-bucket/logs', expected[1]]);
  assert.deepEqual(loadProject(root, { env: {} }).sources.map((s) => s.location), ['data/log_data', 'data/song_data'], 'dev is unchanged');
});

test('serverless: true on a redshift target is read (its load errors are then in SYS_LOAD_ERROR_DETAIL)', () => {
  const target = load({ 'project.yml': rsProject('    serverless: true'), 'dwh.cfg': SEED_DWH_CFG }).target;
  assert.ok(target.type === 'redshift');
  assert.equal(target.serverless, true);
  assert.deepEqual(loadError({ 'project.yml': rsProject('    serverless: maybe'), 'dwh.cfg': SEED_DWH_CFG }).diagnostics.map((d) => d.code), ['SPK013']);
});
