import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interpolate, parseConfigFile } from '../../src/config/config-file.js';
import { DwhConfig, placeholder, unquote } from '../../src/engines/redshift/dwh-config.js';
import { tempProject } from '../project/helpers.js';
import { SEED_DWH_CFG } from './helpers.js';

test('dwh.cfg is read with configparser rules: sections, case-insensitive keys, = or :, comments', () => {
  const { sections, problems } = parseConfigFile(`# comment\n[CLUSTER]\nHost = h\n; also a comment\nDB_NAME: dwh\n\n[S3]\nLOG_DATA='s3://x'\n`, 'dwh.cfg');
  assert.deepEqual(problems, []);
  assert.deepEqual([...sections.keys()], ['CLUSTER', 'S3']);
  assert.equal(sections.get('CLUSTER')!.get('host'), 'h');
  assert.equal(sections.get('CLUSTER')!.get('db_name'), 'dwh');
  assert.equal(sections.get('S3')!.get('log_data'), "'s3://x'", 'quotes are part of the raw value, as in configparser');
});

test('a password with # or ; is kept whole (the ini package would cut it), and indented lines continue a value', () => {
  const { sections } = parseConfigFile('[CLUSTER]\nDB_PASSWORD=pa#ss;word\nNOTE=first\n  second\n', 'dwh.cfg');
  assert.equal(sections.get('CLUSTER')!.get('db_password'), 'pa#ss;word');
  assert.equal(sections.get('CLUSTER')!.get('note'), 'first\nsecond');
});

test('problems carry file and line: a value before any section, a line without =, a repeated key', () => {
  const { problems } = parseConfigFile('HOST=h\n[CLUSTER]\njust words\nA=1\na=2\n', 'dwh.cfg');
  assert.deepEqual(problems.map((p) => [p.code, p.location?.line]), [['SPK019', 1], ['SPK019', 3], ['SPK019', 5]]);
});

test("configparser interpolation: %% is %, %(key)s another key's value, a lone % is an error", () => {
  const values = new Map([['user', 'dwhuser']]);
  assert.equal(interpolate('100%%', (k) => values.get(k)), '100%');
  assert.equal(interpolate('%(user)s-x', (k) => values.get(k)), 'dwhuser-x');
  assert.ok(typeof interpolate('50%', (k) => values.get(k)) === 'object');
  assert.ok(typeof interpolate('%(nope)s', (k) => values.get(k)) === 'object');
});

test('DwhConfig: values interpolated, one pair of wrapping quotes stripped by unquote, secrets listed', () => {
  const root = tempProject({ 'dwh.cfg': `${SEED_DWH_CFG}\n[AWS]\nKEY=AKIAEXAMPLE\nSECRET=aws/secret+key\n`.replace('planted-s3cret-value', 'pa%%ss') });
  const { config, problems } = DwhConfig.read(root, 'dwh.cfg');
  assert.deepEqual(problems, []);
  assert.equal(config.found, true);
  assert.equal(config.value('CLUSTER', 'DB_PASSWORD'), 'pa%ss');
  assert.equal(config.value('cluster', 'host'), undefined, 'section names are case-sensitive, as in configparser');
  assert.equal(config.value('S3', 'log_data'), "'s3://udacity-dend/log_data'");
  assert.deepEqual(config.secrets().sort(), ['AKIAEXAMPLE', 'aws/secret+key', 'pa%%ss', 'pa%ss'].sort());
});

test('unquote strips exactly one matching pair; placeholders say where the value belongs', () => {
  assert.equal(unquote("'s3://a'"), 's3://a');
  assert.equal(unquote('"arn"'), 'arn');
  assert.equal(unquote("''x''"), "'x'");
  assert.equal(unquote("'half"), "'half");
  assert.equal(placeholder('dwh.cfg', 'IAM_ROLE', 'ARN'), '<[IAM_ROLE] ARN from dwh.cfg>');
});

test('a missing dwh.cfg is no problem when reading: found is false and every value absent', () => {
  const { config, problems } = DwhConfig.read(tempProject({}), 'dwh.cfg');
  assert.deepEqual(problems, []);
  assert.equal(config.found, false);
  assert.equal(config.value('CLUSTER', 'HOST'), undefined);
});
