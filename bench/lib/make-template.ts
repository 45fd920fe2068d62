/** Creates the empty PGlite database that pglite-dir.ts copies for each run. */

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { templateDir } from './pglite-dir.js';

mkdirSync(dirname(templateDir), { recursive: true }); // PGlite does not create parent folders
const db = new PGlite(templateDir);
await db.waitReady;
await db.close();
