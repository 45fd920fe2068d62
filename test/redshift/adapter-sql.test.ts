/**
 * What the Redshift adapter sends and connects with, as pure functions: the STL_LOAD_ERRORS query
 * (golden) and the connection settings. The adapter cannot reach a cluster here.
 */
import type { RedshiftTarget } from '../../src/engines/redshift/redshift-target.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionProblems, redshiftConnection } from '../../src/engines/redshift/connection.js';
import { loadErrorsSql, toBadRecords } from '../../src/engines/redshift/load-errors.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { assertGolden } from '../golden.js';

const target: RedshiftTarget = {
  name: 'prod',
  type: 'redshift',
  schema: 'public',
  threads: 4,
  position: { file: 'project.yml', line: 27 },
  configFile: 'dwh.cfg',
  configFileFound: true,
  host: 'sparkify.abc123.us-west-2.redshift.amazonaws.com',
  port: 5439,
  database: 'dwh',
  user: 'dwhuser',
  password: 'planted-s3cret-value',
  iamRole: 'arn:aws:iam::123456789012:role/dwhRole',
  region: 'us-west-2',
};

// https://docs.aws.amazon.com/redshift/latest/dg/r_STL_LOAD_ERRORS.html (columns filename, line_number, colname,
// position, err_code, err_reason; character(n), hence TRIM) and
// https://docs.aws.amazon.com/redshift/latest/dg/PG_LAST_COPY_ID.html (query = pg_last_copy_id(), also after a failed COPY)
test('the rejected records of the last COPY are read from STL_LOAD_ERRORS (r_STL_LOAD_ERRORS.html, PG_LAST_COPY_ID.html)', () => {
  assertGolden('redshift/stl-load-errors.sql', `${loadErrorsSql()};\n`);
});

test('STL_LOAD_ERRORS rows become file:line:column records, int8 line numbers included', () => {
  const rows = [{ filename: 's3://udacity-dend/log_data/2018/11/2018-11-30-events.json', line_number: 12n, colname: 'user_id', position: 0, err_code: 1207, err_reason: "Invalid digit, Value 'x', Pos 0, Type: Integer" }];
  assert.deepEqual(toBadRecords(rows), [{
    file: 's3://udacity-dend/log_data/2018/11/2018-11-30-events.json',
    line: 12,
    column: 0,
    message: "Invalid digit, Value 'x', Pos 0, Type: Integer (column user_id, Redshift load error 1207)",
  }]);
});

test('a complete target connects to port 5439 with TLS on and certificates checked', () => {
  const settings = redshiftConnection(target);
  assert.equal(settings.port, 5439);
  assert.equal(settings.ssl, true);
  assert.equal(settings.host, target.host);
  assert.equal(redshiftConnection({ ...target, ssl: { ca: 'x' } }).ssl && typeof redshiftConnection({ ...target, ssl: { ca: 'x' } }).ssl, 'object');
});

test('without dwh.cfg: one SPK403 naming the file and the hint, exit code 2', () => {
  let caught: unknown;
  try {
    redshiftConnection({ ...target, configFileFound: false, host: undefined, password: undefined, iamRole: undefined });
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof SparkifyError);
  assert.equal(caught.exitCode, 2);
  assert.deepEqual(caught.diagnostics.map((d) => d.code), ['SPK403']);
  assert.match(caught.diagnostics[0].message, /dwh\.cfg not found/);
  assert.match(caught.diagnostics[0].hint ?? '', /copy dwh\.cfg\.example to dwh\.cfg/);
});

test("missing values and dwh.cfg.example's placeholders are named with their dwh.cfg key; the password never is", () => {
  const problems = connectionProblems({ ...target, password: '<password>', host: '<cluster-name>.<id>.us-west-2.redshift.amazonaws.com', iamRole: undefined });
  assert.deepEqual(problems.map((p) => p.hint), ['set HOST under [CLUSTER] in dwh.cfg', 'set DB_PASSWORD under [CLUSTER] in dwh.cfg', 'set ARN under [IAM_ROLE] in dwh.cfg']);
  assert.ok(problems.every((p) => !p.message.includes('<password>')));
  assert.deepEqual(connectionProblems({ ...target, password: 'p<a>ss' }), [], 'a password merely containing <...> is a password');
  const inline = connectionProblems({ ...target, configFile: undefined, configFileFound: undefined, user: undefined });
  assert.deepEqual(inline.map((p) => p.hint), ["set user in target 'prod' of project.yml"]);
});
