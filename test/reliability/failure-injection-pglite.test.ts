import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { failureInjectionSuite } from './failure-injection-suite.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('sparkify-reliability-');

// PGlite has one connection: nothing can read during the build, so the state is checked after it.
failureInjectionSuite({
  name: 'PGlite',
  copySource: "'/dev/blob'",
  open: async () => {
    const adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
    await adapter.open();
    return adapter;
  },
  dispose: async () => rmSync(dir, { recursive: true, force: true }),
});
