import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { catalogSuite } from './catalog-suite.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('sparkify-catalog-');

catalogSuite('PGlite', async () => {
  const adapter = new PgliteAdapter(join(dir, 'db'), 'db');
  await adapter.open();
  return adapter;
}, async () => rmSync(dir, { recursive: true, force: true }));
