import { rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { engineOf } from '../../engines/registry.js';
import { TARGET_DIR } from '../../run/artifacts.js';
import type { GlobalOptions } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';

/** Options of `sparkify clean`. */
export interface CleanOptions extends GlobalOptions {
  warehouse?: boolean;
}

/**
 * `sparkify clean`: removes the clean-targets of dbt_project.yml (the target path by default) and,
 * with --warehouse, the embedded warehouses' data. A clean-target outside the project is refused, as
 * dbt protects paths outside it.
 */
export async function cleanCommand(options: CleanOptions): Promise<number> {
  const context = loadProjectContext(options);
  for (const target of context.project.config.cleanTargets ?? [TARGET_DIR]) {
    const path = resolve(context.root, target);
    const inside = relative(context.root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      context.output.error(`ERROR: not cleaning ${target}: it is not a folder inside the project`, { name: 'ProtectedCleanPath', code: 'Z014' });
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    context.output.line(`Removed ${target.replace(/\/+$/, '')}/`, { name: 'ConfirmCleanPath', code: 'Z013', data: { path: target } });
  }
  if (!options.warehouse) return 0;
  for (const target of Object.values(context.project.config.targets)) {
    const engine = engineOf(target);
    if (!engine.capabilities.embeddedDataDir || !engine.removeWarehouse) continue;
    engine.removeWarehouse(context.root, target);
    context.output.line(`Removed the embedded warehouse of target ${target.name} (${engine.dataDir?.(target)})`);
  }
  return 0;
}
