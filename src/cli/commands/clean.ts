import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { engineOf } from '../../engines/registry.js';
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
    const engine = engineOf(target);
    if (!engine.capabilities.embeddedDataDir || !engine.removeWarehouse) continue;
    engine.removeWarehouse(context.root, target);
    context.output.line(`Removed the embedded warehouse of target ${target.name} (${engine.dataDir?.(target)})`);
  }
  return 0;
}
