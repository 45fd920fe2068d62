import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withWarehouse } from '../e2e/helpers.js';
import { digestSql, interruptSuite, SIDE_RELATIONS_SQL, TABLES } from './interrupt-suite.js';

// The embedded warehouse: statements are stopped between statements and between COPY chunks.
interruptSuite({
  name: 'PGlite',
  args: [],
  env: () => ({}),
  digests: (dir) => withWarehouse(dir, async (db) => {
    const digests: Record<string, string> = {};
    for (const table of TABLES) {
      digests[table] = await db.query<{ digest: string }>(digestSql(table)).then((r) => r.rows[0].digest, () => 'absent');
    }
    return digests;
  }),
  execute: (dir, sql) => withWarehouse(dir, async (db) => void (await db.exec(sql))),
  stubbornSeconds: 16,
  blockedFraction: 1,
  // Nothing outside the process sees PGlite's statements: the plan's first statements take well under
  // 6 s, even on a loaded machine (at 3 s the first signal sometimes came before the statement).
  stubbornRunning: () => new Promise((resolve) => setTimeout(resolve, 6_000)),
  leftovers: async (dir) => {
    const lock = existsSync(join(dir, '.sparkify/dev.lock')) ? ['.sparkify/dev.lock'] : [];
    const side = await withWarehouse(dir, async (db) => (await db.query<{ relname: string }>(SIDE_RELATIONS_SQL)).rows.map((r) => r.relname));
    return [...lock, ...side];
  },
});
