import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyProject, sparkify } from './helpers.js';

// Regression: show ran its query (opening, even creating, the warehouse) before rejecting --output.
test('show rejects an unknown --output before it opens the warehouse or runs the query', () => {
  const dir = copyProject({ withData: false });
  const result = sparkify(dir, ['show', '--select', 'users', '--output', 'yaml']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^error: unknown --output 'yaml' \[SPK030\]\n {2}hint: use table, json or csv\n/);
  assert.doesNotMatch(result.stderr, /SPK503/);
  assert.equal(existsSync(join(dir, '.sparkify', 'dev')), false, 'no warehouse was opened');
  // It comes before compile problems too: a usage error is reported first.
  assert.match(sparkify(dir, ['show', '--inline', 'select {{ nope }}', '--output', 'xml']).stderr, /SPK030/);
});
