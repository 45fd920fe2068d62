/** Relations that are no node, and table functions: their columns are reported unresolved, never guessed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineage } from '../../src/lineage/index.js';
import { columnsText, lineageOf } from './helpers.js';

const UNKNOWN = 'hand_made is not a node of the project, so its columns are unknown';

test('a column of a relation outside the project is unresolved with the reason', () => {
  assert.deepEqual(columnsText(lineageOf('select h.id, h.amount * 2 as doubled, o.status from hand_made h join raw.orders o on o.id = h.id')), [
    ['id', [`? column id comes from a relation whose columns are unknown: ${UNKNOWN}`]],
    ['doubled', [`? column amount comes from a relation whose columns are unknown: ${UNKNOWN}`]],
    ['status', ['source.shop.orders.status passthrough']],
  ]);
});

test('an unqualified name is looked up through the search path, in order', () => {
  const nodes = [
    { id: 'seed.a', relation: { schema: 'first', identifier: 't' }, columns: ['x'] },
    { id: 'seed.b', relation: { schema: 'second', identifier: 't' }, columns: ['x'] },
  ];
  const sql = 'select x from t';
  const firstWins = computeLineage({ nodes: [...nodes, { id: 'model.m', sql }], searchPath: ['first', 'second'] });
  assert.deepEqual(columnsText(firstWins['model.m']), [['x', ['seed.a.x passthrough']]]);
  const none = computeLineage({ nodes: [...nodes, { id: 'model.m', sql }], searchPath: ['public'] });
  assert.deepEqual(columnsText(none['model.m']), [['x', ['? column x comes from a relation whose columns are unknown: t is not a node of the project, so its columns are unknown']]]);
});

test('table functions: known column names for built-in ones, an alias list, or unknown', () => {
  assert.deepEqual(columnsText(lineageOf('select g, u.tag from generate_series(1, 3) g, raw.orders o, unnest(string_to_array(o.status, \',\')) as u(tag)')), [
    ['g', []],
    ['tag', ['source.shop.orders.status transform']],
  ]);
  assert.deepEqual(columnsText(lineageOf('select * from jsonb_each(\'{}\'::jsonb)')), [['key', []], ['value', []]]);
  assert.deepEqual(columnsText(lineageOf('select * from my_function(1)')), [['*', ['? function my_function() in FROM: sparkify cannot see its columns']]]);
  assert.deepEqual(columnsText(lineageOf('select r.a from json_to_recordset(\'[]\') as r(a int, b text)')), [['a', []]]);
});
