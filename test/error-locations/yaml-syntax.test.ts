/**
 * Issue 14: a YAML syntax error points at the line to edit (not the line above a mis-indented key),
 * says what is wrong in plain words and shows the line, with secret values masked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError, formatDiagnostic } from '../../src/diagnostics.js';
import { parseYamlSource } from '../../src/config/yaml-source.js';
import { maskSecrets } from '../../src/config/source-excerpt.js';

const SOURCES = [
  'sources:', //                                               1
  '  - name: sparkify', //                                     2
  '    tables:', //                                            3
  '      - name: events', //                                   4
  '        location: data/events', //                          5
  '        timeformat: auto', //                               6
  '        tags: [staging]', //                                7
  '        columns:', //                                       8
  '          - name: artist', //                               9
  '            type: varchar(512)', //                         10
  '            description: Artist of the song played.', //    11
  '          - name: auth', //                                 12
  '            type: varchar(32)', //                          13
];

/** The one SPK010 of SOURCES with line `line` (1-based) replaced by `text`. */
function syntaxError(line: number, text: string) {
  const lines = [...SOURCES];
  lines[line - 1] = text;
  try {
    parseYamlSource('sources.yml', lines.join('\n') + '\n');
  } catch (error) {
    assert.ok(error instanceof SparkifyError);
    assert.equal(error.diagnostics.length, 1, error.message);
    assert.equal(error.diagnostics[0].code, 'SPK010');
    return error.diagnostics[0];
  }
  return assert.fail('expected a YAML syntax error');
}

test('a key indented more than the value above it: the key\'s line, not the line above (yaml says line 6)', () => {
  const diagnostic = syntaxError(7, '          tags: [staging]');
  assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 7, column: 11 });
  assert.equal(diagnostic.message, 'invalid YAML: `tags:` is indented more than `timeformat:` on line 6, which holds a value, so YAML reads this line as part of that value');
  assert.match(diagnostic.hint!, /indent `tags:` by 8 spaces like `timeformat:`/);
  assert.deepEqual(diagnostic.excerpt, ['6 |         timeformat: auto', '7 |           tags: [staging]', '  |           ^']);
  assert.match(formatDiagnostic(diagnostic), /^sources\.yml:7:11: invalid YAML: .* \[SPK010\]\n {4}6 \| {9}timeformat: auto\n/);
});

test('a key one space short of its siblings lines up with nothing: named with the columns it sits between', () => {
  const diagnostic = syntaxError(11, '           description: Artist of the song played.');
  assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 11, column: 12 });
  assert.match(diagnostic.message, /indented by 11 spaces, which lines up with none of the keys above it \(the nearest start after 10 and 12 spaces\)/);
  assert.doesNotMatch(diagnostic.message, /Sequence item|indicator/);
});

test('a key at the column of the list items without a dash', () => {
  const diagnostic = syntaxError(10, '          type: varchar(512)');
  assert.deepEqual(diagnostic.location, { file: 'sources.yml', line: 10, column: 11 });
  assert.match(diagnostic.message, /starts at the column of the list items above \(the `- ` on line 9\) but is not one/);
});

test('a key without its colon, a tab, an unclosed bracket or quote, a colon in a value: each in plain words where it is', () => {
  assert.deepEqual([syntaxError(3, '    tables')].map((d) => [d.location?.line, d.message]), [[3, 'invalid YAML: `tables` has no colon: a key is written `tables:`']]);
  const tab = syntaxError(8, '\tcolumns:');
  assert.deepEqual([tab.location?.line, tab.message], [8, 'invalid YAML: this line is indented with a tab; YAML indents with spaces only']);
  assert.deepEqual(tab.excerpt?.[0], '8 | →columns:');
  const bracket = syntaxError(7, '        tags: [staging');
  assert.deepEqual([bracket.location?.line, bracket.location?.column, bracket.message], [7, 15, 'invalid YAML: the [ opened here is never closed']);
  const quote = syntaxError(5, '        location: "data/events');
  assert.deepEqual([quote.location?.line, quote.location?.column, quote.message], [5, 19, 'invalid YAML: the " opened here is never closed']);
  const colon = syntaxError(4, '      - name: events: raw');
  assert.deepEqual([colon.location?.line, colon.hint], [4, 'quote the value: name: "..."']);
});

test('the shown line never reveals a secret: password values and URL passwords are masked', () => {
  assert.equal(maskSecrets('    password: "hunter2'), '    password: *****');
  assert.equal(maskSecrets('    url: postgres://me:hunter2@db:5432/x'), '    url: postgres://me:*****@db:5432/x');
  assert.equal(maskSecrets('DB_PASSWORD=hunter2'), 'DB_PASSWORD= *****');
  assert.equal(maskSecrets('    secret_access_key: abc'), '    secret_access_key: *****');
  assert.equal(maskSecrets('    schema: public'), '    schema: public');
  const lines = ['targets:', '  pg:', '    type: postgres', '    password: "hunter2', '    schema: x'];
  try {
    parseYamlSource('project.yml', lines.join('\n'));
    assert.fail('expected an error');
  } catch (error) {
    assert.ok(error instanceof SparkifyError);
    assert.doesNotMatch(error.message, /hunter/);
    assert.match(error.message, /password: \*\*\*\*\*/);
  }
});
