import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { copyProject, editFile, sparkify } from '../e2e/helpers.js';
import { schemaErrors } from './dbt-schemas.js';

const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, 'target', file), 'utf8'));

describe("the repo's own project's artifacts validate against dbt's schemas", () => {
  let dir: string;
  before(() => {
    dir = copyProject();
  });

  test('after compile: manifest.json (v12) and run_results.json (v6)', () => {
    const result = sparkify(dir, ['compile']);
    assert.equal(result.code, 0, result.stderr);
    const manifest = read(dir, 'manifest.json');
    assert.deepEqual(schemaErrors('manifest-v12', manifest), []);
    assert.deepEqual(schemaErrors('run-results-v6', read(dir, 'run_results.json')), []);
    assert.equal(manifest.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/manifest/v12.json');
    assert.equal(manifest.metadata.project_name, 'sparkify');
    assert.equal(manifest.metadata.adapter_type, 'postgres');
  });

  test('after build: both validate, and every node ran is in run_results with its dbt id', () => {
    const result = sparkify(dir, ['build']);
    assert.equal(result.code, 0, result.stderr);
    const manifest = read(dir, 'manifest.json');
    const results = read(dir, 'run_results.json');
    assert.deepEqual(schemaErrors('manifest-v12', manifest), []);
    assert.deepEqual(schemaErrors('run-results-v6', results), []);
    // The manifest keeps the stamps of the run that last changed it (an unchanged project leaves the file untouched).
    assert.match(manifest.metadata.invocation_id, /^[0-9a-f-]{36}$/);
    assert.match(results.metadata.invocation_id, /^[0-9a-f-]{36}$/);
    const known = new Set([...Object.keys(manifest.nodes), ...Object.keys(manifest.sources), ...Object.keys(manifest.unit_tests)]);
    for (const r of results.results) assert.ok(known.has(r.unique_id), `${r.unique_id} is a manifest node`);
    const users = results.results.find((r: { unique_id: string }) => r.unique_id === 'model.sparkify.users');
    assert.equal(users.status, 'success');
    assert.match(users.message, /^SELECT \d+$/);
    assert.equal(users.adapter_response.rows_affected, Number(users.message.split(' ')[1]));
    assert.equal(users.relation_name, '"public"."users"');
    assert.equal(results.args.which, 'build');
  });

  test("a failed build's run_results validates and records the failure", () => {
    const failing = copyProject();
    editFile(failing, 'models/dimensions/artists.sql', (sql) => sql.replace(/from/i, 'from no_such_table, '));
    const result = sparkify(failing, ['build']);
    assert.equal(result.code, 1);
    const results = read(failing, 'run_results.json');
    assert.deepEqual(schemaErrors('run-results-v6', results), []);
    assert.equal(results.args.sparkify.success, false);
    const artists = results.results.find((r: { unique_id: string }) => r.unique_id === 'model.sparkify.artists');
    assert.equal(artists.status, 'error');
  });

  test('a compile that fails before any node ran still writes a valid run_results.json with the errors', () => {
    const broken = copyProject({ withData: false });
    editFile(broken, 'models/dimensions/users.sql', (sql) => sql.replace("source('sparkify', 'staging_events')", "source('sparkify', 'nope')"));
    assert.equal(sparkify(broken, ['compile']).code, 2);
    const results = read(broken, 'run_results.json');
    assert.deepEqual(schemaErrors('run-results-v6', results), []);
    assert.equal(results.args.sparkify.errors[0].code, 'SPK122');
  });
});
