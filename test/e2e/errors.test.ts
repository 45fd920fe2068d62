import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { copyProject, editFile, sparkify } from './helpers.js';
import { readRunResults } from '../support/run-results.js';

// Every error a user meets names file:line, says what was expected, gives a hint, exits non-zero,
// and never prints a stack trace. These fail before any warehouse is opened.
describe('errors users will meet', () => {
  const expectError = (result: ReturnType<typeof sparkify>, code: number, pattern: RegExp) => {
    assert.equal(result.code, code, `exit code; stderr: ${result.stderr}`);
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
  };

  test('YAML syntax error in project.yml', () => {
    const dir = copyProject();
    editFile(dir, 'project.yml', (t) => t.replace('vars:', 'vars:\n  broken: [unclosed'));
    // The line to edit, shown under the message (marked where the problem is), then the hint.
    expectError(sparkify(dir, ['compile']), 2, /project\.yml:(\d+):\d+: .*\n\s+\1 \|.*\n.*\^\n\s*hint/i);
  });

  test('schema error in sources.yml: unknown key with a suggestion', () => {
    const dir = copyProject();
    editFile(dir, 'sources.yml', (t) => t.replace('timeformat: auto', 'timeformat: auto\n        maxerors: 3'));
    const result = sparkify(dir, ['compile']);
    expectError(result, 2, /sources\.yml:\d+:\d+: .*maxerors.*[\s\S]*maxerrors/);
    const line = Number(/sources\.yml:(\d+)/.exec(result.stderr)![1]);
    assert.match(readFileSync(join(dir, 'sources.yml'), 'utf8').split('\n')[line - 1], /maxerors: 3/);
  });

  test('template syntax error', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace('where recency = 1', 'where recency = 1\n{% if %}'));
    expectError(sparkify(dir, ['compile']), 2, /models\/dimensions\/users\.sql:\d+:\d+: template error/);
  });

  test('undefined variable in a template', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/songs.sql', (t) => t.replace('nullif(year, 0)', 'nullif(year, {{ unknown_year }})'));
    const result = sparkify(dir, ['compile']);
    expectError(result, 2, /models\/dimensions\/songs\.sql:\d+:\d+: .*undefined/);
    const line = Number(/songs\.sql:(\d+)/.exec(result.stderr)![1]);
    assert.equal(line, 19);
  });

  test('unknown ref names the file and line and suggests the closest model', () => {
    const dir = copyProject();
    editFile(dir, 'models/facts/songplays.sql', (t) => t.replace('from plays\n', "from plays\ncross join {{ ref('user') }} as u\n"));
    const result = sparkify(dir, ['compile']);
    expectError(result, 2, /models\/facts\/songplays\.sql:\d+:\d+: unknown ref 'user'[\s\S]*did you mean ref\('users'\)/);
  });

  test('unknown source suggests the declared one', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace("'staging_events'", "'staging_event'"));
    expectError(sparkify(dir, ['compile']), 2, /users\.sql:\d+:\d+: unknown source 'sparkify\.staging_event'[\s\S]*staging_events/);
  });

  test('a cycle is reported as the whole chain with files', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t + "\n-- {{ ref('songplays') }}\n");
    editFile(dir, 'models/facts/songplays.sql', (t) => t + "\n-- {{ ref('users') }}\n");
    expectError(sparkify(dir, ['compile']), 2,
      /songplays \(models\/facts\/songplays\.sql\) → users \(models\/dimensions\/users\.sql\) → songplays/);
  });

  test('a failed compile still writes run_results.json with the errors', () => {
    const dir = copyProject();
    editFile(dir, 'models/dimensions/users.sql', (t) => t.replace("'staging_events'", "'staging_event'"));
    assert.equal(sparkify(dir, ['build']).code, 2);
    const results = readRunResults(dir);
    assert.equal(results.success, false);
    assert.equal(results.errors[0].code, 'SPK122');
  });

  test('two models with one name', () => {
    const dir = copyProject();
    editFile(dir, 'models/facts/users.sql', () => 'select 1 as x\n');
    expectError(sparkify(dir, ['compile']), 2, /two models are named 'users'/);
  });

  test('a selection that matches nothing exits 2', () => {
    const dir = copyProject();
    expectError(sparkify(dir, ['build', '--select', 'usres']), 2, /usres[\s\S]*users/);
  });

  test('an unknown target lists the defined ones', () => {
    const dir = copyProject();
    expectError(sparkify(dir, ['compile', '--target', 'devv']), 2, /devv[\s\S]*dev/);
  });

  test('bad usage exits 2', () => {
    const dir = copyProject();
    assert.equal(sparkify(dir, ['build', '--threads', 'zero']).code, 2);
    assert.equal(sparkify(dir, ['frobnicate']).code, 2);
  });
});
