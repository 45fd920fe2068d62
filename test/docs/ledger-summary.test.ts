/** The ledger summary docs generate puts into catalog.json (as catalog v1 stats) and the site. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DbtCatalog } from '../../src/docs/artifacts/dbt-catalog.js';
import { addLedgerStats, ledgerStats, summariseLedger } from '../../src/docs/catalog/ledger-summary.js';
import type { LedgerEntry } from '../../src/plan/loads/load-ledger.js';
import { schemaErrors } from '../artifacts/dbt-schemas.js';

const file = (key: string, loadedAt: string | undefined, loadId: string, rows: number, rejected = 0): LedgerEntry =>
  ({ key, size: rows * 100, version: '1', rowsLoaded: rows, rowsRejected: rejected, loadId, fullLoadId: 'full0001', loadedAt });

const rows = [
  file('/d/2018-11-01.json', '2026-01-01T10:00:00.000Z', 'full0001', 10, 1),
  file('/d/2018-11-03.json', '2026-01-02T09:00:00.000Z', 'incr0002', 7),
  file('/d/2018-11-02.json', '2026-01-01T10:00:00.000Z', 'full0001', 5, 2),
];

test('the summary counts every file and row; the newest file names the last load; files come newest first', () => {
  const ledger = summariseLedger(rows);
  assert.deepEqual([ledger.files, ledger.rowsLoaded, ledger.rowsRejected], [3, 22, 3]);
  assert.deepEqual([ledger.lastLoadedAt, ledger.lastLoadId, ledger.fullLoadId], ['2026-01-02T09:00:00.000Z', 'incr0002', 'full0001']);
  assert.deepEqual(ledger.recent.map((f) => f.key), ['/d/2018-11-03.json', '/d/2018-11-01.json', '/d/2018-11-02.json']);
});

test('the file list is capped; the summary still counts all files', () => {
  const many = Array.from({ length: 250 }, (_, i) => file(`/d/${String(i).padStart(3, '0')}.json`, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, 'l', 1));
  const ledger = summariseLedger(many, 100);
  assert.equal(ledger.recent.length, 100);
  assert.equal(ledger.files, 250);
  assert.equal(ledger.rowsLoaded, 250);
});

test('an empty ledger has no last load', () => {
  const ledger = summariseLedger([]);
  assert.deepEqual([ledger.files, ledger.lastLoadId, ledger.recent], [0, undefined, []]);
  assert.equal(ledgerStats(ledger).sparkify_ledger_last_loaded_at.value, null);
});

test('the summary goes into the source\'s catalog stats and the catalog stays valid catalog v1', () => {
  const table = (name: string) => ({
    metadata: { type: 'BASE TABLE', schema: 'public', name, database: null, comment: null, owner: 'me' }, columns: {},
    stats: { has_stats: { id: 'has_stats', label: 'Has Stats?', value: false, include: false, description: 'x' } }, unique_id: `source.p.s.${name}`,
  });
  const catalog: DbtCatalog = {
    metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/catalog/v1.json', dbt_version: '0.1.0', generated_at: '2026-01-01T00:00:00Z', invocation_id: null, env: {} },
    nodes: {}, sources: { 'source.p.s.events': table('events') }, errors: null,
  };
  addLedgerStats(catalog, { 'source.p.s.events': summariseLedger(rows), 'source.p.s.absent': summariseLedger(rows) });
  const stats = catalog.sources['source.p.s.events'].stats;
  assert.equal(stats.sparkify_ledger_files.value, 3);
  assert.equal(stats.sparkify_ledger_rows_loaded.value, 22);
  assert.equal(stats.sparkify_ledger_rows_rejected.value, 3);
  assert.equal(stats.sparkify_ledger_last_load_id.value, 'incr0002');
  assert.equal(stats.sparkify_ledger_full_load_id.value, 'full0001');
  assert.equal(stats.has_stats.value, true);
  assert.deepEqual(Object.keys(catalog.sources), ['source.p.s.events'], 'a source the catalog lacks is not added');
  assert.deepEqual(schemaErrors('catalog-v1', catalog), []);
});
