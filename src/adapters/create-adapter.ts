import { resolve } from 'node:path';
import { fail } from '../diagnostics.js';
import type { TargetConfig } from '../project/types.js';
import type { Adapter } from './adapter.js';
import { PgliteAdapter } from './pglite/pglite-adapter.js';
import { PostgresAdapter } from './postgres/postgres-adapter.js';

/** Opens nothing yet: builds the adapter for a target. */
export function createAdapter(root: string, target: TargetConfig): Adapter {
  switch (target.type) {
    case 'pglite':
      return new PgliteAdapter(resolve(root, target.path), target.path);
    case 'postgres':
      return new PostgresAdapter(target);
    default:
      return fail('SPK402', `target '${target.name}' has type ${target.type}, which this version cannot connect to yet`,
        { file: target.position.file, line: target.position.line },
        'use the embedded target (--target dev); compile works for every target');
  }
}
