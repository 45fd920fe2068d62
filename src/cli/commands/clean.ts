import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataDirLock } from '../../adapters/pglite/data-dir-lock.js';
import { TARGET_DIR } from '../../run/artifacts.js';
import type { GlobalOptions } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';

/** Options of `sparkify clean`. */
export interface CleanOptions extends GlobalOptions {
  warehouse?: boolean;
}

/** `sparkify clean`: removes target/ and, with --warehouse, the embedded warehouses' data. */
export async function cleanCommand(options: CleanOptions): Promise<number> {
  const context = loadProjectContext(options);
  rmSync(join(context.root, TARGET_DIR), { recursive: true, force: true });
  context.output.line(`Removed ${TARGET_DIR}/`);
  if (!options.warehouse) return 0;
  for (const target of Object.values(context.project.config.targets)) {
    if (target.type !== 'pglite') continue;
    const dataDir = resolve(context.root, target.path);
    const lock = new DataDirLock(`${dataDir}.lock`, target.path);
    lock.acquire(); // never delete a warehouse another process has open
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } finally {
      lock.release();
    }
    context.output.line(`Removed the embedded warehouse of target ${target.name} (${target.path})`);
  }
  return 0;
}
