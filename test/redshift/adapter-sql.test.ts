/**
 * What the Redshift adapter sends and connects with, as pure functions: the STL_LOAD_ERRORS query
 * (golden) and the connection settings. The adapter cannot reach a cluster here.
 */
import type { RedshiftTarget } from '../../src/engines/redshift/redshift-target.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionProblems, redshiftConnection } from '../../src/engines/redshift/connection.js';
import { loadErrorsSql, loadTargetSql, readLoadErrors, sysLoadErrorsSql, toBadRecords } from '../../src/engines/redshift/load-errors.js';
import { loadErrorView } from '../../src/engines/redshift/redshift-target.js';
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

// https://docs.aws.amazon.com/redshift/latest/dg/SYS_LOAD_ERROR_DETAIL.html (file_name, line_number, column_name,
// position, error_code, error_message; session_id "The process identifier of the process running the copy",
// table_id), https://docs.aws.amazon.com/redshift/latest/dg/PG_BACKEND_PID.html, and r_STL_LOAD_ERRORS.html:
// "STL_LOAD_ERRORS only contains queries run on main provisioned clusters. It doesn't contain queries run on
// concurrency scaling clusters or on serverless namespaces … we recommend that you use the SYS monitoring view
// SYS_LOAD_ERROR_DETAIL"; r_STL_QUERY.html: "The query column in this view and the query_id column in
// SYS_QUERY_HISTORY are not the same identifier" (hence no pg_last_copy_id() there).
test('on Redshift Serverless the rejected records are read from SYS_LOAD_ERROR_DETAIL, for this session and the table the COPY filled (SYS_LOAD_ERROR_DETAIL.html, r_STL_LOAD_ERRORS.html)', async () => {
  const into = { schema: 'public', identifier: 'staging_events__sparkify_new_k3x9q2zz' };
  assertGolden('redshift/sys-load-error-detail.sql', `${loadTargetSql(into)};\n\n${sysLoadErrorsSql(1073815778, 108329)};\n`);
  const sent: string[] = [];
  const answers: Record<string, unknown>[][] = [[{ pid: 1073815778, table_id: 108329 }], [{
    filename: 's3://udacity-dend/log_data/2018/11/2018-11-30-events.json', line_number: 12n, colname: 'user_id', position: 0, err_code: 1207, err_reason: 'Invalid digit',
  }]];
  const records = await readLoadErrors('sys_load_error_detail', into, async (sql) => {
    sent.push(sql);
    return answers.shift()!;
  });
  assert.deepEqual(sent, [loadTargetSql(into), sysLoadErrorsSql(1073815778, 108329)]);
  assert.deepEqual(records.map((r) => [r.file, r.line, r.column]), [['s3://udacity-dend/log_data/2018/11/2018-11-30-events.json', 12, 0]]);
  // A provisioned cluster: STL_LOAD_ERRORS for pg_last_copy_id(), one query.
  const stl: string[] = [];
  await readLoadErrors('stl_load_errors', into, async (sql) => (stl.push(sql), []));
  assert.deepEqual(stl, [loadErrorsSql()]);
});

test('which view a target reads: serverless: true|false says, else the endpoint\'s host (redshift-serverless.amazonaws.com)', () => {
  assert.equal(loadErrorView({ host: 'sparkify.abc123.us-west-2.redshift.amazonaws.com' }), 'stl_load_errors');
  assert.equal(loadErrorView({ host: 'sparkify.123456789012.us-west-2.redshift-serverless.amazonaws.com' }), 'sys_load_error_detail');
  assert.equal(loadErrorView({ host: 'warehouse.internal.example.com', serverless: true }), 'sys_load_error_detail', 'a DNS alias: the target says');
  assert.equal(loadErrorView({ host: 'wg.1.us-east-1.redshift-serverless.amazonaws.com', serverless: false }), 'stl_load_errors');
  assert.equal(loadErrorView({}), 'stl_load_errors');
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
