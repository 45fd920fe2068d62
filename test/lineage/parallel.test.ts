/** computeLineageParallel gives computeLineage's result exactly, with the nodes spread over worker threads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineage, computeLineageParallel } from '../../src/lineage/index.js';
import type { LineageInput, LineageInputNode } from '../../src/lineage/index.js';
import { SHOP } from './helpers.js';

/** A layered project: each model reads one or two earlier ones (select *, joins, an ephemeral model). */
function project(count: number): LineageInput {
  const nodes: LineageInputNode[] = [...SHOP];
  const model = (i: number, sql: string, dependsOn: string[], ephemeral = false): LineageInputNode => ({
    id: `model.m${i}`, sql, dependsOn,
    ...(ephemeral ? { inlinedAs: `__sparkify_cte__m${i}` } : { relation: { schema: 'public', identifier: `m${i}` } }),
  });
  nodes.push(model(0, 'select id, customer_id, amount from raw.orders', ['source.shop.orders']));
  nodes.push(model(1, 'select * from public.m0 where amount > 0', ['model.m0'], true));
  for (let i = 2; i < count; i++) {
    const a = i - 1 === 1 ? 0 : i - 1;
    const b = Math.max(0, i - 7) === 1 ? 0 : Math.max(0, i - 7);
    const ephemeral = `with "__sparkify_cte__m1" as (select * from public.m0 where amount > 0)`;
    nodes.push(i % 5 === 0
      ? model(i, `${ephemeral} select x.*, e.amount as e_amount from public.m${a} x join "__sparkify_cte__m1" e using (id)`, [`model.m${a}`, 'model.m1'])
      : model(i, `select a.id, a.customer_id, a.amount + b.amount as amount from public.m${a} a join public.m${b} b on a.id = b.id`, [`model.m${a}`, `model.m${b}`]));
  }
  return { nodes, searchPath: ['public'] };
}

test('the same lineage as the sequential engine, on 2 workers', async () => {
  const input = project(120);
  assert.deepEqual(await computeLineageParallel(input, { threads: 2, minNodes: 0 }), computeLineage(input));
});

test('a model naming a relation outside its dependsOn waits for it, then resolves the same', async () => {
  const input = project(40);
  // Hand-written: reads m30 without saying so; the worker asks for m30's shape and is scheduled again.
  input.nodes.push({ id: 'model.late', relation: { schema: 'public', identifier: 'late' }, sql: 'select * from public.m30', dependsOn: [] });
  const parallel = await computeLineageParallel(input, { threads: 2, minNodes: 0 });
  assert.deepEqual(parallel, computeLineage(input));
  assert.deepEqual(parallel['model.late'].columns.map((c) => c.column), ['id', 'customer_id', 'amount', 'e_amount']);
});

test('a model reading its own relation cannot be scheduled: the sequential engine takes over', async () => {
  const input = project(10);
  input.nodes.push({ id: 'model.self', relation: { schema: 'public', identifier: 'self' }, sql: 'select id from public.self', dependsOn: [] });
  assert.deepEqual(await computeLineageParallel(input, { threads: 2, minNodes: 0 }), computeLineage(input));
});
