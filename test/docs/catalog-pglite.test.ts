import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { catalogSuite } from './catalog-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkify-catalog-'));

catalogSuite('PGlite', async () => {
  const adapter = new PgliteAdapter(join(dir, 'db'), 'db');
  await adapter.open();
  return adapter;
}, async () => rmSync(dir, { recursive: true, force: true }));
