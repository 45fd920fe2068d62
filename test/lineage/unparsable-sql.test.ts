/** SQL the parser rejects, or that is not one SELECT: the node says why, and its readers do not guess its columns. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsText, lineageOfModels } from './helpers.js';

test('a syntax error is the node\'s error, with the line and column the parser points at', () => {
  const lineage = lineageOfModels({ broken: 'select id,\n  amount\nfrom raw.orders\nwhere amount >' });
  assert.deepEqual(lineage['model.broken'], {
    node: 'model.broken', columns: [], indirect: [], error: 'syntax error at end of input (compiled SQL line 4, column 15)',
  });
});

test('several statements, or a statement that is not a SELECT, are errors too', () => {
  const lineage = lineageOfModels({ two: 'select 1; select 2', insert: 'insert into t values (1)' });
  assert.equal(lineage['model.two'].error, 'expected one SELECT statement, found 2 statements');
  assert.equal(lineage['model.insert'].error, 'expected a SELECT statement, found InsertStmt');
});

test('QUALIFY (Redshift) is not PostgreSQL: the model is reported, not half-read', () => {
  // PostgreSQL reads `qualify` as the table's alias, then stops at the window function.
  const lineage = lineageOfModels({ q: 'select id from raw.orders qualify row_number() over (order by id) = 1' });
  assert.equal(lineage['model.q'].error, 'syntax error at or near "row_number" (compiled SQL line 1, column 35)');
});

test('a reader of a broken model: * stays unknown, a named column still traces to it', () => {
  const lineage = lineageOfModels({
    broken: 'select from where',
    star_reader: 'select * from public.broken',
    named_reader: 'select b.id from public.broken b',
  });
  const reason = 'model.broken could not be analysed (syntax error at or near "where" (compiled SQL line 1, column 13))';
  assert.deepEqual(columnsText(lineage['model.star_reader']), [['*', [`? ${reason}`]]]);
  assert.deepEqual(columnsText(lineage['model.named_reader']), [['id', ['model.broken.id passthrough']]]);
});
