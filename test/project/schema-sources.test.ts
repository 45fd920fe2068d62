/** dbt's `sources:` in schema files, read as dbt reads them (docs: build/sources, resource-properties/freshness). */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import type { LoadedProject } from '../../src/project/types.js';
import { tempDir } from '../support/temp-dir.js';

function project(schema: string, extra: Record<string, string> = {}): string {
  const root = tempDir('sparkify-sources-');
  for (const [path, text] of Object.entries({ 'project.yml': 'name: demo\n', 'models/_sources.yml': schema, ...extra })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const load = (schema: string, extra?: Record<string, string>): LoadedProject => loadProject(project(schema, extra), { env: {} });

function loadError(schema: string, extra?: Record<string, string>): SparkifyError {
  try {
    load(schema, extra);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  throw new Error('expected a SparkifyError');
}

const table = (loaded: LoadedProject, name: string) => loaded.sources.find((t) => `${t.sourceName}.${t.name}` === name)!;

describe('sources in schema files', () => {
  test("dbt's defaults: the schema is the source's name, the identifier the table's; nothing to load", () => {
    const loaded = load('version: 2\nsources:\n  - name: shop\n    tables:\n      - name: orders\n      - name: customers\n        identifier: CUSTOMERS_V2\n');
    const orders = table(loaded, 'shop.orders');
    assert.deepEqual([orders.schema, orders.identifier, orders.existing, orders.location], ['shop', 'orders', true, '']);
    assert.equal(table(loaded, 'shop.customers').identifier, 'CUSTOMERS_V2');
    assert.deepEqual(orders.position, { file: 'models/_sources.yml', line: 5, column: 9 });
  });

  test('quoting: false folds a name to lower case, as PostgreSQL folds an unquoted one', () => {
    const loaded = load('sources:\n  - name: erp\n    schema: ERP_Raw\n    quoting: {schema: false, identifier: false}\n    tables:\n      - name: items\n        identifier: Items\n');
    assert.deepEqual([table(loaded, 'erp.items').schema, table(loaded, 'erp.items').identifier], ['erp_raw', 'items']);
  });

  test('freshness and loaded_at_field pass from the source to its tables, merged one key deep; null unsets', () => {
    const loaded = load([
      'sources:',
      '  - name: raw',
      '    loaded_at_field: _etl_at',
      '    freshness: {warn_after: {count: 12, period: hour}, error_after: {count: 1, period: day}}',
      '    tables:',
      '      - name: a',
      '      - name: b',
      '        freshness: {warn_after: {count: 30, period: minute}, filter: "_etl_at > current_date - 3"}',
      '      - name: c',
      '        freshness: null',
      '      - name: d',
      '        config: {loaded_at_field: updated_at, freshness: {error_after: {count: 2, period: day}}}',
      '',
    ].join('\n'));
    assert.deepEqual(table(loaded, 'raw.a').freshness, { warnAfter: { count: 12, period: 'hour' }, errorAfter: { count: 1, period: 'day' } });
    assert.deepEqual(table(loaded, 'raw.b').freshness, { warnAfter: { count: 30, period: 'minute' }, errorAfter: { count: 1, period: 'day' }, filter: '_etl_at > current_date - 3' });
    assert.equal(table(loaded, 'raw.c').freshness, undefined);
    assert.deepEqual([table(loaded, 'raw.d').loadedAtField, table(loaded, 'raw.d').freshness?.errorAfter], ['updated_at', { count: 2, period: 'day' }]);
  });

  test('tests, columns, tags and meta are kept; enabled: false leaves a table out', () => {
    const loaded = load([
      'sources:',
      '  - name: raw',
      '    tags: [nightly]',
      '    meta: {owner: data}',
      '    tables:',
      '      - name: events',
      '        data_tests: [some_test]',
      '        columns:',
      '          - name: id',
      '            data_type: bigint',
      '            tests: [unique]',
      '      - name: legacy',
      '        config: {enabled: false}',
      '',
    ].join('\n'));
    const events = table(loaded, 'raw.events');
    assert.deepEqual([events.tags, events.meta, events.tests?.map((t) => t.test), events.columnDocs?.[0].tests.map((t) => t.test)], [['nightly'], { owner: 'data' }, ['some_test'], ['unique']]);
    assert.deepEqual(events.columns.map((c) => [c.name, c.type]), [['id', 'bigint']]);
    assert.equal(table(loaded, 'raw.legacy'), undefined);
  });

  test('keys dbt has but sparkify does not apply are warnings; a misspelled key is SPK014', () => {
    const loaded = load('sources:\n  - name: raw\n    tables:\n      - name: ext\n        external: {location: s3://x}\n        loaded_at_query: select 1\n');
    assert.deepEqual(loaded.warnings.map((w) => `${w.code} ${w.message}`), [
      "SPK040 `external` in table 'raw.ext' is not supported yet", "SPK040 `loaded_at_query` in table 'raw.ext' is not supported yet",
    ]);
    const typo = loadError('sources:\n  - name: raw\n    tables:\n      - name: t\n        identifer: x\n');
    assert.deepEqual([typo.diagnostics[0].code, typo.diagnostics[0].hint], ['SPK014', 'did you mean `identifier`?']);
  });

  test('a period other than minute, hour or day, or a count of 0, is reported at its line', () => {
    const error = loadError('sources:\n  - name: raw\n    freshness:\n      warn_after: {count: 0, period: week}\n    tables:\n      - name: t\n');
    assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.line]), [['SPK018', 4], ['SPK018', 4]]);
  });

  test('a table declared in sources.yml and again in a schema file is SPK017', () => {
    const sourcesYml = 'sources:\n  - name: raw\n    tables:\n      - name: t\n        location: data\n        jsonpaths: auto\n        columns: [{name: a, type: text}]\n';
    const error = loadError('sources:\n  - name: raw\n    tables:\n      - name: t\n', { 'sources.yml': sourcesYml });
    assert.equal(error.diagnostics[0].code, 'SPK017');
    assert.match(error.diagnostics[0].message, /source table 'raw\.t' is declared twice: sources\.yml:4 and here/);
  });

  test('schema files under seeds/ and snapshots/ declare sources too, as dbt reads every resource path', () => {
    const loaded = load('version: 2\n', { 'seeds/props.yml': 'sources:\n  - name: crm\n    tables: [{name: accounts}]\n' });
    assert.equal(table(loaded, 'crm.accounts').position.file, 'seeds/props.yml');
  });
});
