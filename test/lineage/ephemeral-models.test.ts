/**
 * Ephemeral models, compiled for real: inlined into their users as `__sparkify_cte__<name>` CTEs,
 * their paths named by the ephemeral model's node id, transitively.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineage, lineageInputFromManifest } from '../../src/lineage/index.js';
import { compileFixture } from '../compile/fixture.js';
import { columnsText, indirectText } from './helpers.js';

const compiled = compileFixture({
  'models/eph_paid.sql': `{{ config(materialized='ephemeral') }}
with recent as (select id, kind from {{ source('raw', 'events') }} where id > 0)
select id, kind as event_kind from recent where kind = 'paid'`,
  'models/eph_upper.sql': `{{ config(materialized='ephemeral') }}
select id, upper(event_kind) as kind from {{ ref('eph_paid') }}`,
  'models/final.sql': `select e.id, e.kind from {{ ref('eph_upper') }} as e`,
});
const lineage = computeLineage(lineageInputFromManifest(compiled.manifest));

test('a model reading an ephemeral model that reads another traces through both, outermost first', () => {
  const final = compiled.manifest.nodes['model.final'];
  assert.ok(final.kind === 'model' && final.compiledSql.includes('"__sparkify_cte__eph_paid" as ('), 'compile inlines the ephemeral models as CTEs');
  assert.deepEqual(columnsText(lineage['model.final']), [
    ['id', ['source.raw.events.id passthrough via model.eph_upper>model.eph_paid>recent']],
    ['kind', ['source.raw.events.kind transform via model.eph_upper>model.eph_paid>recent']],
  ]);
  assert.deepEqual(indirectText(lineage['model.final']), [
    'source.raw.events.id filter via model.eph_upper>model.eph_paid>recent',
    'source.raw.events.kind filter via model.eph_upper>model.eph_paid>recent',
  ]);
});

test('an ephemeral model has lineage of its own, and no other model traces to its columns', () => {
  assert.deepEqual(columnsText(lineage['model.eph_upper']), [
    ['id', ['source.raw.events.id passthrough via model.eph_paid>recent']],
    ['kind', ['source.raw.events.kind transform via model.eph_paid>recent']],
  ]);
  const readers = Object.values(lineage).flatMap((n) => n.columns.flatMap((c) => c.edges)).filter((e) => e.from.node.startsWith('model.eph'));
  assert.deepEqual(readers, []);
});
