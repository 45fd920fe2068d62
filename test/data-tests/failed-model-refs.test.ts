/**
 * Regression: when a model failed to compile, every ref to it was reported a second time as a ref to
 * a *disabled* model (SPK125, SPK606, SPK608, SPK609), sending people after a config(enabled=false)
 * that does not exist. The model's own error is the one to fix; refs to it are not reported again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileErrors, describeDiagnostics, lines } from './fixture.js';

const BROKEN_USERS = { 'models/users.sql': "select id as user_id from {{ source('raw', 'events') }} where {{ nope() }}\n" };

test('refs to a model that did not compile report only that model\'s error', () => {
  const error = compileErrors({
    ...BROKEN_USERS,
    'models/by_level.sql': "select * from {{ ref('users') }}\n",
    'macros/in_users.sql': "{% macro test_in_users(model, column_name) %}select 1 from {{ model }} where {{ column_name }} not in (select user_id from {{ ref('users') }}){% endmacro %}\n",
    'macros/matches.sql': '{% macro test_matches(model, column_name, other) %}select 1 from {{ model }}, {{ other }}{% endmacro %}\n',
    'models/schema.yml': lines(
      'models:',
      '  - name: plays',
      '    columns:',
      '      - name: user_id',
      '        data_tests:',
      "          - relationships: {to: ref('users'), field: user_id}",
      '          - in_users',
      "          - matches: {other: ref('users')}",
    ),
    'tests/no_orphans.sql': "select * from {{ ref('plays') }} join {{ ref('users') }} using (user_id)\n",
  });
  assert.deepEqual(describeDiagnostics(error).map((line) => line.split(' ')[0]), ['SPK110'], describeDiagnostics(error).join('\n'));
  assert.match(error.diagnostics[0].location?.file ?? '', /models\/users\.sql/);
});

test('a ref to a disabled model is still reported as such, next to a model that did not compile', () => {
  const error = compileErrors({
    ...BROKEN_USERS,
    'models/off.sql': '{{ config(enabled=false) }}\nselect 1 as user_id\n',
    'models/on.sql': "select * from {{ ref('off') }} join {{ ref('users') }} using (user_id)\n",
    'tests/both.sql': "select * from {{ ref('users') }} join {{ ref('off') }} using (user_id)\n",
  });
  assert.deepEqual(describeDiagnostics(error).map((line) => line.replace(/:\d+:(\d+|undefined) /, ' ')), [
    "SPK110 models/users.sql template error: Unable to call `nope`, which is undefined or falsey",
    "SPK125 models/on.sql model 'on' refs 'off', which is disabled",
    "SPK609 tests/both.sql test both refs 'off', which is disabled",
  ]);
});
