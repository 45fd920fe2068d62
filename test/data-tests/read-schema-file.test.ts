import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readSchemaFile } from '../../src/project/read-schema-files.js';
import { lines } from './fixture.js';

const file = 'models/schema.yml';
const read = (text: string, vars: Record<string, unknown> = {}) => readSchemaFile(file, text, { env: {}, vars });
const where = (text: string) => read(text).diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`);

describe('reading a schema file', () => {
  test('models, columns and every shape of test entry, with their positions', () => {
    const { models, diagnostics } = read(lines(
      'version: 2', //                                         1
      'models:',
      '  - name: users',
      '    description: One row per user.',
      '    columns:', //                                       5
      '      - name: user_id',
      '        description: The key.',
      '        data_type: integer',
      '        tags: [keys]',
      '        data_tests: [unique, not_null]', //             10
      '      - name: level',
      '        tests:',
      '          - accepted_values:',
      '              values: [free, paid]',
      '              config:', //                              15
      '                severity: WARN',
      '                warn_if: ">10"',
      '          - relationships: {to: "ref(\'accounts\')", field: id, where: "level = \'paid\'", name: level_known}',
      '    data_tests:',
      '      - row_count: {arguments: {min: 1}, error_if: "<= 5"}', // 20
    ));
    assert.deepEqual(diagnostics, []);
    assert.equal(models.length, 1);
    const [users] = models;
    assert.equal(users.description, 'One row per user.');
    assert.deepEqual(users.at, { file, line: 3, column: 11 });
    const [userId, level] = users.columns;
    assert.deepEqual([userId.name, userId.description, userId.dataType, userId.tags], ['user_id', 'The key.', 'integer', ['keys']]);
    assert.deepEqual(userId.tests.map((t) => [t.test, t.at.line, t.at.column]), [['unique', 10, 22], ['not_null', 10, 30]]);
    const [accepted, relationships] = level.tests;
    assert.deepEqual(accepted.args.map((a) => [a.name, a.value, a.at.line]), [['values', ['free', 'paid'], 14]]);
    assert.deepEqual(accepted.config, { severity: 'warn', warnIf: '> 10' });
    assert.deepEqual(accepted.at, { file, line: 13, column: 13 });
    assert.deepEqual(relationships.args.map((a) => [a.name, a.value]), [['to', "ref('accounts')"], ['field', 'id']]);
    assert.deepEqual(relationships.config, { where: "level = 'paid'" });
    assert.equal(relationships.name, 'level_known');
    assert.deepEqual(users.tests.map((t) => [t.test, t.args.map((a) => [a.name, a.value]), t.config]), [
      ['row_count', [['min', 1]], { errorIf: '<= 5' }],
    ]);
  });

  test('templated values render with var()', () => {
    const { models } = read(lines(
      'models:',
      '  - name: users',
      '    columns:',
      '      - name: level',
      '        data_tests:',
      "          - accepted_values: {values: ['{{ var(\"first_level\") }}', paid]}",
    ), { first_level: 'free' });
    assert.deepEqual(models[0].columns[0].tests[0].args[0].value, ['free', 'paid']);
  });

  test('an empty file declares nothing', () => {
    assert.deepEqual(read(''), { models: [], diagnostics: [] });
  });

  test('YAML syntax errors are SPK010 with the line', () => {
    const { diagnostics } = read(lines('models:', '  - name: users', '    columns: [', '  - name: x'));
    assert.equal(diagnostics[0].code, 'SPK010');
    assert.equal(diagnostics[0].location?.file, file);
  });

  test('shape problems are reported at their line and column, in file order', () => {
    assert.deepEqual(where(lines(
      'version: 2', //                                          1
      'model:',
      '  - name: x',
      'models:',
      '  - name: users', //                                     5
      '    descripton: typo',
      '    columns:',
      '      - name: user_id',
      '        data_tests:',
      '          - unique: {severity: fatal}', //               10
      '          - not_null: [oops]',
      '          - {unique: {}, not_null: {}}',
      '          - accepted_values: {values: [a], error_if: "lots"}',
      '      - name: user_id',
      '        data_tests: unique', //                          15
      '      - name: level',
      '        tests: [unique]',
      '        data_tests: [not_null]',
      '  - name: users',
    )), [
      "SPK014 2:1 unknown key `model` in models/schema.yml",
      "SPK014 6:5 unknown key `descripton` in model 'users'",
      "SPK018 10:32 `severity` in test 'unique' in column 'user_id' of model 'users': expected 'error' or 'warn', got 'fatal'",
      "SPK013 11:23 arguments of test 'not_null' in column 'user_id' of model 'users': expected a mapping, got a list",
      "SPK013 12:13 expected each test in column 'user_id' of model 'users' to be a test name or `name: {arguments}`, got a mapping with 2 keys",
      "SPK018 13:54 `error_if` in test 'accepted_values' in column 'user_id' of model 'users': expected a comparison with the number of failing rows, got 'lots'",
      "SPK017 14:15 duplicate column 'user_id' in model 'users' (first defined on line 8)",
      "SPK013 15:21 `data_tests` in column 'user_id' of model 'users': expected a list of tests, got a string",
      "SPK017 17:9 column 'level' of model 'users' has both `data_tests` and `tests`",
      "SPK017 19:11 duplicate model 'users' in models/schema.yml (first defined on line 5)",
    ]);
  });

  test('unknown keys of a test config suggest the closest', () => {
    const { diagnostics } = read(lines(
      'models:',
      '  - name: users',
      '    columns:',
      '      - name: level',
      '        data_tests:',
      '          - not_null:',
      '              config: {severty: warn}',
    ));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'SPK014');
    assert.deepEqual([diagnostics[0].location?.line, diagnostics[0].location?.column], [7, 24]);
    assert.equal(diagnostics[0].hint, 'did you mean `severity`?');
  });
});
