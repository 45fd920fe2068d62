import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import type { UnitTestNode } from '../../src/manifest/unit-test-node.js';
import { compileUnit, lines } from './fixture.js';

/** Compiles and returns each diagnostic as "CODE line:column message". */
function errorsOf(schema: string, files: Record<string, string> = {}): string[] {
  try {
    compileUnit({ 'models/schema.yml': schema, ...files });
  } catch (error) {
    if (!(error instanceof SparkifyError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column ?? ''} ${d.message}`);
  }
  return assert.fail('expected compile errors');
}

const unitTest = (compiled: ReturnType<typeof compileUnit>, id: string) => compiled.manifest.nodes[id] as UnitTestNode;

describe('compiling unit tests', () => {
  test('a unit test becomes a node of the manifest and of the graph, a child of its model', () => {
    const compiled = compileUnit({
      'models/schema.yml': lines(
        'unit_tests:',
        '  - name: paid_only', //                                 2
        '    model: plays',
        '    config: {tags: fast}',
        '    given:',
        "      - input: ref('users')", //                           6
        '        rows:',
        '          - {user_id: 1, level: paid}',
        '          - {user_id: 2}',
        '    expect:', //                                            10
        '      format: csv',
        '      rows: |',
        '        user_id,level',
        '        1,paid',
        '        2,', //                                              15
      ),
    });
    const node = unitTest(compiled, 'unit_test.plays.paid_only');
    assert.equal(node.kind, 'unit_test');
    assert.deepEqual([node.path, node.line, node.tags, node.dependsOn], ['models/schema.yml', 2, ['fast'], ['model.plays']]);
    assert.deepEqual(node.fqn, ['fixture', 'marts', 'plays', 'paid_only']);
    assert.deepEqual(node.fixtures, ['source.raw.events', 'model.users']);
    assert.deepEqual(node.inputs.map((i) => [i.input, i.nodeId, i.line]), [["ref('users')", 'model.users', 6]]);
    assert.deepEqual(node.inputs[0].given, { columns: ['user_id', 'level'], rows: [{ values: ['1', 'paid'], line: 8 }, { values: ['2', null], line: 9 }] });
    assert.deepEqual(node.expect, { columns: ['user_id', 'level'], rows: [{ values: ['1', 'paid'], line: 14 }, { values: ['2', null], line: 15 }] });
    assert.match(node.compiledSql, /from "public"\."users" where level = 'paid'/);
    assert.deepEqual(compiled.manifest.parentMap['unit_test.plays.paid_only'], ['model.plays']);
    assert.equal(compiled.graph.nodes.get('unit_test.plays.paid_only')?.testType, 'unit');
  });

  test('overrides: vars re-render the model, is_incremental renders its incremental branch with this', () => {
    const compiled = compileUnit({
      'models/schema.yml': lines(
        'unit_tests:',
        '  - name: free_only',
        '    model: plays',
        '    overrides: {vars: {wanted: free}}',
        '    given: []',
        '    expect: {rows: []}',
        '  - name: newer',
        '    model: inc',
        '    overrides: {macros: {is_incremental: true}}',
        '    given:',
        '      - {input: this, rows: [{id: 1}]}',
        '    expect: {rows: []}',
      ),
    });
    assert.match(unitTest(compiled, 'unit_test.plays.free_only').compiledSql, /level = 'free'/);
    const inc = unitTest(compiled, 'unit_test.inc.newer');
    assert.match(inc.compiledSql, /where at > \(select max\(at\) from "public"\."inc"\)/);
    assert.deepEqual(inc.fixtures, ['source.raw.events', 'model.inc']);
    // The model itself is unchanged: still its full render.
    assert.doesNotMatch((compiled.manifest.nodes['model.plays'] as { compiledSql: string }).compiledSql, /'free'/);
  });

  test('a CSV fixture under tests/fixtures/ is found by name', () => {
    const compiled = compileUnit({
      'models/schema.yml': lines(
        'unit_tests:',
        '  - name: from_file',
        '    model: users',
        '    given:',
        "      - {input: \"source('raw', 'events')\", format: csv, fixture: some_events}",
        '    expect: {rows: [{user_id: 1}]}',
      ),
      'tests/fixtures/some_events.csv': 'id,kind\n1,paid\n',
    });
    const [input] = unitTest(compiled, 'unit_test.users.from_file').inputs;
    assert.deepEqual(input.given, { columns: ['id', 'kind'], rows: [{ values: ['1', 'paid'], line: 2 }] });
  });

  test('every mistake is reported at its file:line', () => {
    assert.deepEqual(errorsOf(lines(
      'unit_tests:',
      '  - name: a', //                                         2
      '    model: user',
      '    given: []',
      '    expect: {rows: []}',
      '  - name: b', //                                         6
      '    model: plays',
      '    givn: []',
      '    given:',
      "      - input: source('raw', 'events')", //              10
      '        rows: [{id: 1}]',
      '      - input: refs(users)',
      '        rows: [1]',
      "      - input: ref('users')",
      '        format: xml', //                                 15
      '        rows: []',
      '    expect:',
      '      format: csv',
      '      rows: |',
      '        a,b', //                                           20
      '        1,"2',
      '  - name: c',
      '    model: users',
      '    given:',
      '      - input: this', //                                  25
      '        rows: []',
      '    expect: {rows: []}',
      '  - name: c',
      '    model: users',
      '    expect: {rows: [], fixture: x}', //                   30
    )), [
      'SPK014 models/schema.yml:8:5 unknown key `givn` in unit test \'b\'',
      "SPK013 models/schema.yml:13:16 row #1 of input refs(users) of unit test 'b': expected a mapping of column to value, got a number",
      "SPK018 models/schema.yml:15:17 `format` in input ref('users') of unit test 'b': expected one of 'dict', 'csv', 'sql', got 'xml'",
      "SPK018 models/schema.yml:30:24 expect of unit test 'c' has both `rows` and `fixture`",
      "SPK680 models/schema.yml:3:12 unit test 'a' tests model 'user', which does not exist",
      "SPK681 models/schema.yml:10:16 input source('raw', 'events') of unit test plays::b: model 'plays' does not read it",
      'SPK681 models/schema.yml:12:16 input refs(users) of unit test plays::b: expected ref(\'model\'), source(\'source\', \'table\') or this',
      'SPK682 models/schema.yml:21: expect of unit test plays::b: cannot read the CSV rows: Quote Not Closed: the parsing is finished with an opening quote at line 2',
      'SPK681 models/schema.yml:25:16 input this of unit test users::c: model \'users\' does not read {{ this }} in this test',
      "SPK683 models/schema.yml:28:11 model 'users' has two unit tests named 'c'",
    ]);
  });

  test('overrides that cannot apply, and a missing fixture file', () => {
    assert.deepEqual(errorsOf(lines(
      'unit_tests:',
      '  - name: d',
      '    model: users',
      '    overrides: {macros: {is_incremental: maybe, nope: 1}}',
      "    given: [{input: \"source('raw', 'events')\", format: csv, fixture: evnts}]",
      '    expect: {rows: []}',
    ), { 'tests/fixtures/events.csv': 'id\n1\n' }), [
      'SPK684 models/schema.yml:4:5 unit test users::d: is_incremental must be true or false, got "maybe"',
      "SPK684 models/schema.yml:4:5 unit test users::d overrides macro 'nope', which does not exist",
      "SPK682 models/schema.yml:5:70 input source('raw', 'events') of unit test users::d: no fixture 'evnts' (a file tests/fixtures/evnts.csv)",
    ]);
  });

  test('a unit test of a disabled model is left out, and enabled: false leaves one out', () => {
    const compiled = compileUnit({
      'models/off.sql': "{{ config(enabled=false) }}\nselect 1 as x\n",
      'models/schema.yml': lines(
        'unit_tests:',
        '  - {name: a, model: off, given: [], expect: {rows: []}}',
        '  - {name: b, model: users, config: {enabled: false}, given: [], expect: {rows: []}}',
      ),
    });
    assert.deepEqual(Object.keys(compiled.manifest.nodes).filter((id) => id.startsWith('unit_test.')), []);
  });
});
