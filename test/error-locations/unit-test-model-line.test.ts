/** Issue 14: a model's SQL failing inside a unit test names the model's file and line, and the test's. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { UnitTestEngine } from '../../src/unit-tests/unit-test-engine.js';
import { compileUnit, lines, runUnit } from '../unit-tests/fixture.js';

const engine = new UnitTestEngine();
after(() => engine.close());

const SCHEMA = lines(
  'unit_tests:',
  '  - name: t',
  '    model: broken',
  '    given:',
  "      - input: source('raw', 'events')",
  '        rows:',
  '          - {id: 1}',
  '    expect:',
  '      rows:',
  '        - {user_id: 1}',
);

test('a column that does not exist, on line 5 of the model: SPK687 at the test, naming models/broken.sql:5', async () => {
  const model = lines("{{ config(materialized='table') }}", '-- the model under test', 'select', '    id as user_id,', '    no_such_column', "from {{ source('raw', 'events') }}");
  const compiled = compileUnit({ 'models/schema.yml': SCHEMA, 'models/broken.sql': model });
  const result = await runUnit(compiled, 'unit_test.broken.t', engine);
  assert.equal(result.status, 'error');
  const [diagnostic] = result.diagnostics!;
  assert.equal(diagnostic.code, 'SPK687');
  assert.deepEqual(diagnostic.location, { file: 'models/schema.yml', line: 2 });
  assert.match(diagnostic.message, /the model's SQL failed: column "no_such_column" does not exist \[at models\/broken\.sql:5\]/);
});

test('a parent model whose SQL fails while its empty copy is made: named too', async () => {
  const parent = lines('select', '  id as user_id,', '  1 / nothing as bad', "from {{ source('raw', 'events') }}");
  const schema = SCHEMA.replace("source('raw', 'events')", "ref('parent')").replace('{id: 1}', '{user_id: 1}');
  const compiled = compileUnit({ 'models/schema.yml': schema, 'models/parent.sql': parent, 'models/broken.sql': "select user_id from {{ ref('parent') }}\n" });
  const result = await runUnit(compiled, 'unit_test.broken.t', engine);
  assert.equal(result.status, 'error');
  assert.match(result.diagnostics![0].message, /could not create the relations the model reads: column "nothing" does not exist \[at models\/parent\.sql:3\]/);
});
