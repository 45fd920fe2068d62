import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError, type Diagnostic } from '../../src/diagnostics.js';
import type { SnapshotNode } from '../../src/manifest/snapshot-node.js';
import { selectNodes } from '../../src/graph/index.js';
import { compileSnapshotFixture } from './fixture.js';

const MODEL = { 'models/people.sql': "select 1 as id, 'x' as a\n" };

/** The diagnostics compiling `files` reports (fails when it compiles). */
function problems(files: Record<string, string>): Diagnostic[] {
  try {
    compileSnapshotFixture({ ...MODEL, ...files });
  } catch (error) {
    if (error instanceof SparkifyError) return error.diagnostics;
    throw error;
  }
  return assert.fail('expected compile to fail');
}

/** The one diagnostic of a snapshot file whose line 2 holds `config`. */
function configProblem(config: string): Diagnostic {
  const found = problems({ 'snapshots/snap.sql': `-- a snapshot\n{{ config(${config}) }}\nselect * from {{ ref('people') }}\n` });
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.deepEqual(found[0].location, { file: 'snapshots/snap.sql', line: 2 });
  assert.equal(found[0].node, 'snapshot.snap');
  return found[0];
}

describe('snapshot config errors point at the config() line with a hint', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ["unique_key='id', check_cols=['a']", 'SPK702', /snapshot has no strategy/, /strategy='timestamp'/],
    ["strategy='timestmap', unique_key='id'", 'SPK702', /unknown snapshot strategy 'timestmap'/, /did you mean 'timestamp'/],
    ["strategy='timestamp', unique_key='id'", 'SPK702', /needs updated_at/, /updated_at='updated_at'/],
    ["strategy='check', unique_key='id'", 'SPK702', /needs check_cols/, /check_cols=\['level'\]/],
    ["strategy='check', unique_key='id', check_cols=[]", 'SPK702', /needs check_cols/, /check_cols='all'/],
    ["strategy='check', check_cols='all'", 'SPK703', /snapshot has no unique_key/, /unique_key='id'/],
    ["strategy='check', unique_key=[1], check_cols='all'", 'SPK703', /unique_key must be a column name/, /one history per key/],
    ["strategy='check', unique_key='id', check_cols='all', hard_deletes='invalidat'", 'SPK704', /unknown hard_deletes 'invalidat'/, /did you mean 'invalidate'/],
    ["strategy='check', unique_key='id', check_cols='all', invalidate_hard_deletes='yes'", 'SPK704', /must be true or false/, /hard_deletes='invalidate'/],
    ["strategy='check', unique_key='id', check_cols='all', snapshot_meta_column_names={'valid_form': 'x'}", 'SPK705', /unknown key 'valid_form'/, /did you mean 'valid_from'/],
    ["strategy='check', unique_key='id', check_cols='all', snapshot_meta_column_names={'valid_from': 'valid_to'}", 'SPK705', /two meta columns the name 'valid_to'/, /its own name/],
    ["strategy='check', unique_key='id', check_cols='all', valid_to_current=9999", 'SPK705', /valid_to_current must be an SQL expression/, /9999-12-31/],
    ["strategy='check', unique_key='id', check_cols='all', materialized='table'", 'SPK701', /unknown snapshot config key 'materialized'/, /snapshot config keys/],
  ];
  for (const [config, code, message, hint] of cases) {
    test(`${code}: ${config}`, () => {
      const problem = configProblem(config);
      assert.equal(problem.code, code);
      assert.match(problem.message, message);
      assert.match(problem.hint ?? '', hint);
    });
  }
});

describe('snapshot files', () => {
  test('the legacy {% snapshot %} block renders its body; a block named otherwise is SPK706 at its line', () => {
    const { manifest } = compileSnapshotFixture({
      ...MODEL,
      'snapshots/snap.sql': "{% snapshot snap %}\n{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect * from {{ ref('people') }}\n{% endsnapshot %}\n",
    });
    const node = manifest.nodes['snapshot.snap'] as SnapshotNode;
    assert.match(node.compiledSql, /^\n\nselect \* from "public"\."people"\n\n$/);
    const found = problems({ 'snapshots/snap.sql': "\n{% snapshot other %}\n{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect 1 as id\n{% endsnapshot %}\n" });
    assert.deepEqual(found.map((d) => [d.code, d.location]), [['SPK706', { file: 'snapshots/snap.sql', line: 2 }]]);
    assert.match(found[0].message, /\{% snapshot other %\} in snapshots\/snap\.sql: a snapshot is named after its file, 'snap'/);
  });

  test('a snapshot named like a model or a seed is SPK707', () => {
    const found = problems({ 'snapshots/people.sql': "{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect 1 as id\n" });
    assert.deepEqual(found.map((d) => [d.code, d.location?.file]), [['SPK707', 'snapshots/people.sql']]);
  });

  test('a template error in a snapshot is SPK110 with its file and line', () => {
    const found = problems({ 'snapshots/snap.sql': "{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect * from {{ ref('peple') }}\n" });
    assert.equal(found[0].code, 'SPK120');
    assert.deepEqual(found[0].location, { file: 'snapshots/snap.sql', line: 2, column: 18 });
  });

  test('models ref snapshots and snapshots ref models: the DAG, the manifest and selection follow', () => {
    const { manifest, graph } = compileSnapshotFixture({
      ...MODEL,
      'snapshots/history/snap.sql': "{{ config(strategy='check', unique_key='id', check_cols=['a'], schema='history', tags=['scd']) }}\nselect * from {{ ref('people') }}\n",
      'models/current.sql': "select * from {{ ref('snap') }} where valid_to is null\n",
      'snapshots/schema.yml': 'snapshots:\n  - name: snap\n    description: People over time.\n    columns:\n      - name: id\n        data_tests: [not_null]\n',
    });
    const snap = manifest.nodes['snapshot.snap'] as SnapshotNode;
    assert.deepEqual(snap.dependsOn, ['model.people']);
    assert.deepEqual(snap.relation, { schema: 'history', identifier: 'snap' });
    assert.deepEqual(snap.fqn, ['fixture', 'history', 'snap']);
    assert.equal(snap.description, 'People over time.');
    assert.deepEqual(manifest.parentMap['model.current'], ['snapshot.snap']);
    assert.match((manifest.nodes['model.current'] as { compiledSql: string }).compiledSql, /from "history"\."snap"/);
    assert.deepEqual(manifest.parentMap['test.not_null_snap_id'], ['snapshot.snap']);
    assert.deepEqual(selectNodes(graph, ['resource_type:snapshot'], [], 'empty'), ['snapshot.snap']);
    assert.deepEqual(selectNodes(graph, ['tag:scd'], [], 'empty'), ['snapshot.snap']);
    assert.deepEqual(selectNodes(graph, ['path:snapshots/history'], [], 'empty'), ['snapshot.snap']);
    assert.deepEqual(selectNodes(graph, ['snap+'], [], 'empty'), ['snapshot.snap', 'model.current', 'test.not_null_snap_id']);
  });

  test('snapshot-paths in project.yml moves the folder', () => {
    const project = 'name: fixture\nsnapshot-paths: [history]\ntargets:\n  dev:\n    type: pglite\n    path: .sparkify/dev\n';
    const { manifest } = compileSnapshotFixture({ ...MODEL, 'history/snap.sql': "{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect 1 as id\n" }, project);
    assert.equal(manifest.nodes['snapshot.snap'].path, 'history/snap.sql');
  });
});

test('a snapshot that refs a model which did not compile reports only that model\'s error', () => {
  const found = problems({
    'models/broken.sql': 'select {{ nope() }}\n',
    'snapshots/snap.sql': "{{ config(strategy='check', unique_key='id', check_cols='all') }}\nselect * from {{ ref('broken') }}\n",
  });
  assert.deepEqual(found.map((d) => `${d.code} ${d.location?.file}`), ['SPK110 models/broken.sql']);
});
