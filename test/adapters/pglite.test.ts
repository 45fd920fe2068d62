import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { adapterConformance } from './conformance.js';

// PGlite on an on-disk data directory, as `sparkify build` uses it.
const dir = mkdtempSync(join(tmpdir(), 'sparkify-conformance-'));

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
