/**
 * The retry policy for Redshift's serializable isolation error 1023, tested as pure functions
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation-serializable-isolation-troubleshooting.html:
 * "Retry the canceled transaction").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trackTransaction } from '../../src/engines/redshift/redshift-session.js';
import { isSerializableConflict, retryDelay, type RetryPolicy } from '../../src/engines/redshift/retry-policy.js';

/** What node-postgres raises for it: SQLSTATE XX000, message 1023, the cycle in the detail. */
const conflict = Object.assign(new Error('1023'), {
  code: 'XX000',
  detail: 'Serializable isolation violation on table - 100167, transactions forming the cycle are: 55705701, 55705754 (pid:16606)',
});

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

test('error 1023 is recognised by its message or by its detail, other errors are not', () => {
  assert.equal(isSerializableConflict(conflict), true);
  assert.equal(isSerializableConflict({ message: 'ERROR: 1023 DETAIL: Serializable isolation violation on table in Redshift' }), true);
  assert.equal(isSerializableConflict({ message: 'something', detail: 'Serializable isolation violation on table - 1' }), true);
  assert.equal(isSerializableConflict(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' })), false);
  assert.equal(isSerializableConflict(new Error('10230 rows')), false);
  assert.equal(isSerializableConflict(undefined), false);
});

test('backoff doubles up to the cap, the upper half random, and stops after the last attempt', () => {
  const low = () => 0;
  const high = () => 1;
  assert.deepEqual([1, 2, 3].map((attempt) => retryDelay(conflict, attempt, policy, low)), [50, 100, 150]);
  assert.deepEqual([1, 2, 3].map((attempt) => retryDelay(conflict, attempt, policy, high)), [100, 200, 300]);
  assert.equal(retryDelay(conflict, 4, policy, low), undefined, 'four attempts in all');
});

test('any other error is not retried', () => {
  assert.equal(retryDelay(new Error('permission denied for relation songs'), 1, policy), undefined);
});

test('a retry replays the open transaction: BEGIN starts it, COMMIT or ROLLBACK ends it', () => {
  let open = trackTransaction(undefined, 'CREATE SCHEMA IF NOT EXISTS "public"');
  assert.equal(open, undefined, 'outside a transaction only the statement itself is retried');
  open = trackTransaction(open, 'BEGIN');
  open = trackTransaction(open, 'CREATE TABLE "public"."t__sparkify_new_x" AS\nselect 1');
  assert.deepEqual(open, ['BEGIN', 'CREATE TABLE "public"."t__sparkify_new_x" AS\nselect 1']);
  assert.equal(trackTransaction(open, 'COMMIT'), undefined);
  assert.equal(trackTransaction(open, 'ROLLBACK'), undefined);
});
