import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { renderConfigString } from '../../src/project/index.js';
import { lines, load, loadError, only } from './helpers.js';

const pgProject = (url: string) =>
  lines('name: demo', 'default_target: pg', 'targets:', '  pg:', '    type: postgres', `    url: "${url}"`);

test('env_var reads the environment given, not process.env', () => {
  process.env.SPARKIFY_TEST_ONLY_IN_PROCESS = 'leak';
  const text = "{{ env_var('SPARKIFY_TEST_ONLY_IN_PROCESS', 'isolated') }}";
  assert.equal(renderConfigString(text, { env: {} }), 'isolated');
  assert.equal(renderConfigString(text, { env: { SPARKIFY_TEST_ONLY_IN_PROCESS: 'given' } }), 'given');
  delete process.env.SPARKIFY_TEST_ONLY_IN_PROCESS;
});

test('env_var with a default uses the variable when set, else the default', () => {
  const project = pgProject("{{ env_var('PG_URL', 'postgres://localhost/dev') }}");
  const withEnv = load({ 'project.yml': project }, { env: { PG_URL: 'postgres://db/prod' } });
  assert.equal(withEnv.target.type === 'postgres' && withEnv.target.url, 'postgres://db/prod');
  const withoutEnv = load({ 'project.yml': project });
  assert.equal(withoutEnv.target.type === 'postgres' && withoutEnv.target.url, 'postgres://localhost/dev');
});

test('env_var set to an empty string counts as set', () => {
  assert.equal(renderConfigString("a{{ env_var('X', 'd') }}b", { env: { X: '' } }), 'ab');
});

test('env_var without default and unset is SPK003 at the value, with a hint', () => {
  const diagnostic = only(loadError({ 'project.yml': pgProject("{{ env_var('PG_URL') }}") }));
  assert.equal(diagnostic.code, 'SPK003');
  assert.deepEqual(diagnostic.location, { file: 'project.yml', line: 6, column: 10 });
  assert.match(diagnostic.message, /environment variable PG_URL is not set/);
  assert.equal(diagnostic.hint, "set PG_URL, or give a default: env_var('PG_URL', '...')");
});

test('renderConfigString leaves plain strings alone and throws SparkifyError on template errors', () => {
  assert.equal(renderConfigString('plain {text}', { env: {} }), 'plain {text}');
  assert.equal(renderConfigString("{{ var('n') + 1 }}", { env: {}, vars: { n: 41 } }), '42');
  assert.equal(renderConfigString("{% if env_var('CI', '') %}ci{% else %}local{% endif %}", { env: {} }), 'local');
  const location = { file: 'sources.yml', line: 9 };
  const cases: Array<[string, string]> = [
    ['{{ env_var( }}', 'SPK005'],
    ['{{ unknown_name }}', 'SPK005'],
    ['{{ env_var(42) }}', 'SPK005'],
    ["{{ env_var('NOPE') }}", 'SPK003'],
    ["{{ var('nope') }}", 'SPK004'],
  ];
  for (const [text, code] of cases) {
    assert.throws(
      () => renderConfigString(text, { env: {}, vars: {}, location }),
      (error: unknown) => {
        const [diagnostic] = error instanceof SparkifyError ? error.diagnostics : [];
        return diagnostic?.code === code && diagnostic.location === location;
      },
      text,
    );
  }
});

test('a nunjucks error message is reduced to its reason', () => {
  try {
    renderConfigString('{{ unknown_name }}', { env: {} });
    assert.fail('expected an error');
  } catch (error) {
    assert.ok(error instanceof SparkifyError);
    assert.doesNotMatch(error.diagnostics[0].message, /unknown path|\n/);
    assert.match(error.diagnostics[0].message, /cannot render template: .*undefined/);
  }
});

test("the values of DBT_ENV_SECRET_* variables are the project's secrets (scrubbed from output), as dbt scrubs them", () => {
  const project = load({ 'project.yml': pgProject('postgres://app@db/prod') }, { env: { DBT_ENV_SECRET_GIT_TOKEN: 'ghp_x1y2z3', DBT_USER: 'not-secret', DBT_ENV_SECRET_EMPTY: '' } });
  assert.ok(project.secrets.includes('ghp_x1y2z3'));
  assert.ok(!project.secrets.includes('not-secret'));
  assert.ok(!project.secrets.includes(''));
});
