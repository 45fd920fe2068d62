import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { snapshotSuite } from './snapshot-suite.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('sparkify-snapshots-');

snapshotSuite({
  name: 'PGlite',
  copySource: "'/dev/blob'",
  open: async () => {
    const adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
    await adapter.open();
    return adapter;
  },
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});
