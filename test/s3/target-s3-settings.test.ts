/** A target's `s3:` block in project.yml (issue 3): region, endpoint, addressing; never credentials. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, load, loadError, where } from '../project/helpers.js';

const withS3 = (...block: string[]) => ({
  'project.yml': lines('name: demo', 'targets:', '  dev:', '    type: pglite', '    s3:', ...block.map((line) => `      ${line}`)),
});

test('region, endpoint and force_path_style are read; env_var() works in them', () => {
  const project = load(withS3('region: eu-west-1', "endpoint: \"{{ env_var('S3_URL') }}\"", 'force_path_style: false'), { env: { S3_URL: 'http://127.0.0.1:9000' } });
  assert.deepEqual(project.target.s3, { region: 'eu-west-1', endpoint: 'http://127.0.0.1:9000', forcePathStyle: false });
  assert.equal(load({ 'project.yml': lines('name: demo', 'targets:', '  dev: {type: pglite}') }).target.s3, undefined);
});

test('credentials in the s3 block are refused, pointing at the environment instead', () => {
  const error = loadError(withS3('region: us-east-1', 'access_key_id: AKIAEXAMPLE', 'secret_access_key: shh'));
  assert.deepEqual(where(error), ['SPK018 project.yml:7', 'SPK018 project.yml:8']);
  assert.match(error.diagnostics[0].message, /`access_key_id` in the s3 settings of target 'dev': AWS credentials are not read from project\.yml/);
  assert.match(error.diagnostics[0].hint!, /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  assert.ok(!error.message.includes('shh'));
});

test('an endpoint must be an http(s) URL without user info; unknown keys get a suggestion', () => {
  assert.match(loadError(withS3('endpoint: ftp://host')).message, /expected an http:\/\/ or https:\/\/ URL/);
  const userInfo = loadError(withS3('endpoint: http://me:pw@127.0.0.1:9000'));
  assert.match(userInfo.message, /must not hold credentials/);
  assert.ok(!userInfo.message.includes('pw@'));
  assert.match(loadError(withS3('regoin: us-east-1')).message, /unknown key `regoin`[\s\S]*did you mean `region`/);
});
