import { describe } from 'node:test';
import { sparkify, withWarehouse } from '../e2e/helpers.js';
import { liteTables } from '../postgres/helpers.js';
import { ledgerScenarios } from './ledger-scenarios.js';
import type { Engine } from './scenarios.js';

const PGLITE: Engine = {
  build: (dir, args = []) => sparkify(dir, ['build', ...args]),
  tables: (dir) => withWarehouse(dir, liteTables),
  query: (dir, sql) => withWarehouse(dir, async (db) => (await db.query<Record<string, unknown>>(sql)).rows),
  ledger: (dir) => withWarehouse(dir, async (db) => (await db.query<{ file_key: string; load_id: string; rows_loaded: number }>(
    'select file_key, load_id, rows_loaded from public.staging_events__sparkify_ledger order by file_key')).rows),
};

describe('load ledger on PGlite (issue 12)', () => ledgerScenarios(() => PGLITE));
