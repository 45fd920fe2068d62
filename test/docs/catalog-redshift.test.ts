/** Redshift cannot run here: its catalog SQL is golden-checked (read it when it changes). */
import { test } from 'node:test';
import { redshiftCatalogSql } from '../../src/engines/redshift/docs-catalog-sql.js';
import { engineOf } from '../../src/engines/registry.js';
import { postgresCatalogSql } from '../../src/engines/postgres-family/docs-catalog-sql.js';
import assert from 'node:assert/strict';
import { assertGolden } from '../golden.js';

test('Redshift relations: pg_catalog joined to SVV_TABLE_INFO on the table oid', () => {
  assertGolden('redshift/docs-catalog-relations.sql', redshiftCatalogSql.relations(['public', "o'brien\\x"]) + '\n');
});

test('Redshift columns: pg_attribute, dropped and system columns left out', () => {
  assertGolden('redshift/docs-catalog-columns.sql', redshiftCatalogSql.columns(['public']) + '\n');
});

test('Redshift never counts rows itself; the PostgreSQL family may', () => {
  assert.equal(redshiftCatalogSql.countRows, undefined);
  assert.equal(engineOf({ type: 'redshift' }).docsCatalog, redshiftCatalogSql);
  assert.equal(engineOf({ type: 'pglite' }).docsCatalog, postgresCatalogSql);
  assert.equal(engineOf({ type: 'postgres' }).docsCatalog, postgresCatalogSql);
});
