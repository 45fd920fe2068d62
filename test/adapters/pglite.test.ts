import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { adapterConformance } from './conformance.js';
import { tempDir } from '../support/temp-dir.js';

// PGlite on an on-disk data directory, as `sparkify build` uses it.
const dir = tempDir('sparkify-conformance-');

adapterConformance({
  name: 'PGlite',
  copySource: "'/dev/blob'",
  open: async () => {
    const adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
    await adapter.open();
    return adapter;
  },
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});
