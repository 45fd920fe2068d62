import assert from 'node:assert/strict';
import { test } from 'node:test';
import { synthesizeTestName } from '../../src/data-tests/test-names.js';

test("generic tests get dbt's names: test, model, then argument values in key order", () => {
  const name = (test: string, model: string, args: Record<string, unknown>) => synthesizeTestName(test, model, args).name;
  assert.equal(name('not_null', 'users', { column_name: 'user_id' }), 'not_null_users_user_id');
  assert.equal(name('accepted_values', 'users', { values: ['free', 'paid'], column_name: 'level' }), 'accepted_values_users_level__free__paid');
  assert.equal(
    name('relationships', 'songplays', { to: "ref('users')", field: 'user_id', column_name: 'user_id' }),
    'relationships_songplays_user_id__user_id__ref_users_',
  );
  assert.equal(name('between', 'time', { column_name: 'weekday', min_value: 0, max_value: 6 }), 'between_time_weekday__6__0');
  assert.equal(name('accepted_values', 'x', { column_name: 'c', values: [1, 2], quote: false }), 'accepted_values_x_c__False__1__2');
});

test('a name of 64 characters or more keeps a short file name: a prefix and an md5 of the full name', () => {
  const long = synthesizeTestName('accepted_values', 'songplays', { column_name: 'user_agent', values: ['Mozilla', 'Safari', 'Chrome'] });
  assert.equal(long.name, 'accepted_values_songplays_user_agent__Mozilla__Safari__Chrome');
  assert.equal(long.fileName, long.name, 'under 64 characters the file name is the name');
  const longer = synthesizeTestName('accepted_values', 'songplays', { column_name: 'user_agent', values: ['Mozilla/5.0', 'Safari', 'Chrome'] });
  assert.ok(longer.name.length >= 64);
  assert.match(longer.fileName, /^accepted_values_songplays_[0-9a-f]{32}$/);
});
