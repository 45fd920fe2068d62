/**
 * Compile options dbt's flags map to (pure): --empty wraps refs and sources in zero-row subqueries,
 * --defer points refs at another run's relations, and data tests resolve relations like models do
 * (a test of an ephemeral model reads its CTE: the "relation public.<model> does not exist").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import type { CompileInput } from '../../src/compile/compile-project.js';
import { writeProject } from './fixture.js';

const FILES = {
  'models/stg.sql': "{{ config(materialized='ephemeral') }}\nselect id, kind from {{ source('raw', 'events') }}\n",
  'models/facts.sql': "select s.id, k.kind from {{ ref('stg') }} s join {{ ref('kinds') }} as k using (kind)\n",
  'models/kinds.sql': "select distinct kind from {{ source('raw', 'events') }} where id > 0\n",
  'models/schema.yml': 'models:\n  - name: stg\n    columns:\n      - name: id\n        data_tests: [not_null]\n',
  'tests/no_orphans.sql': "select id from {{ ref('facts') }} where id not in (select id from {{ ref('stg') }})\n",
};

function compile(extra: Pick<CompileInput, 'empty' | 'deferred'> = {}) {
  const root = writeProject(FILES);
  const project = loadProject(root, { env: {} });
  const { modelPaths, macroPaths, testPaths } = project.config;
  return compileProject({ project, files: readProjectFiles(root, modelPaths, macroPaths), env: {}, dataTests: readDataTestFiles(root, modelPaths, testPaths), ...extra });
}

describe('compile options for dbt flags', () => {
  test('a generic or singular test of an ephemeral model inlines it as a CTE', () => {
    const { manifest } = compile();
    const notNull = manifest.nodes['test.not_null_stg_id'];
    assert.equal(notNull.kind === 'test' && notNull.compiledSql.startsWith('with "__sparkify_cte__stg" as (\nselect id, kind from "public"."events"\n)'), true);
    const singular = manifest.nodes['test.no_orphans'];
    assert.ok(singular.kind === 'test' && /^with "__sparkify_cte__stg" as \(/.test(singular.compiledSql), singular.kind === 'test' ? singular.compiledSql : '');
    assert.ok(singular.kind === 'test' && singular.compiledSql.includes('from "public"."facts" where id not in (select id from "__sparkify_cte__stg")'));
  });

  test('--empty: refs and sources become zero-row subqueries, named after the relation unless the SQL names them', () => {
    const { manifest } = compile({ empty: true });
    const sql = (id: string) => { const node = manifest.nodes[id]; return node.kind === 'model' ? node.compiledSql : ''; };
    assert.match(sql('model.kinds'), /from \(select \* from "public"\."events" where false limit 0\) as "events" where id > 0/);
    assert.match(sql('model.facts'), /join \(select \* from "public"\."kinds" where false limit 0\) as k using/, 'the alias written is kept');
    assert.match(sql('model.facts'), /"__sparkify_cte__stg" as \(\nselect id, kind from \(select \* from "public"\."events" where false limit 0\) as "events"\n\)/);
    const test = manifest.nodes['test.no_orphans'];
    assert.ok(test.kind === 'test' && test.compiledSql.includes('from "public"."facts"'), 'tests read the (empty) relations as they are');
  });

  test('--defer: a ref reads the relation given for it; `this`, sources and other refs are unchanged', () => {
    const { manifest } = compile({ deferred: new Map([['kinds', { schema: 'prod', identifier: 'kinds' }]]) });
    const facts = manifest.nodes['model.facts'];
    assert.ok(facts.kind === 'model' && facts.compiledSql.includes('join "prod"."kinds" as k'), facts.kind === 'model' ? facts.compiledSql : '');
    const kinds = manifest.nodes['model.kinds'];
    assert.ok(kinds.kind === 'model' && kinds.compiledSql.includes('from "public"."events"'));
  });
});
