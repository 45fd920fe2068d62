/** Identifiers fold to lower case unless quoted, as PostgreSQL folds them; quoted names match exactly. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLineage } from '../../src/lineage/index.js';
import { columnsText, lineageOf } from './helpers.js';

test('unquoted names fold to lower case, in references and in output names', () => {
  assert.deepEqual(columnsText(lineageOf('SELECT O.Amount AS Total, STATUS FROM RAW.ORDERS O')), [
    ['total', ['source.shop.orders.amount rename']],
    ['status', ['source.shop.orders.status passthrough']],
  ]);
});

test('a quoted name is exact: "Amount" is not amount, and a quoted alias keeps its case', () => {
  assert.deepEqual(columnsText(lineageOf('select "Amount", amount as "Amount" from raw.orders')), [
    ['Amount', ['? column "Amount" is not in scope']],
    ['Amount', ['source.shop.orders.amount rename']],
  ]);
});

test('mixed-case and spaced relation and column names of a source match only when quoted', () => {
  const lineage = computeLineage({
    nodes: [
      { id: 'source.crm.Contacts', relation: { schema: 'CRM', identifier: 'Contacts' }, columns: ['Contact ID', 'email'] },
      { id: 'model.quoted', relation: { schema: 'public', identifier: 'quoted' }, sql: 'select c."Contact ID", c.email from "CRM"."Contacts" c' },
      { id: 'model.folded', relation: { schema: 'public', identifier: 'folded' }, sql: 'select email from CRM.Contacts' },
    ],
  });
  assert.deepEqual(columnsText(lineage['model.quoted']), [
    ['Contact ID', ['source.crm.Contacts.Contact ID passthrough']],
    ['email', ['source.crm.Contacts.email passthrough']],
  ]);
  assert.deepEqual(columnsText(lineage['model.folded']), [
    ['email', ['? column email comes from a relation whose columns are unknown: crm.contacts is not a node of the project, so its columns are unknown']],
  ]);
});
