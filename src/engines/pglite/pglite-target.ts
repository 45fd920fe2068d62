/** The target block of the embedded PGlite warehouse. */
import { nonEmptyText } from '../../config/value-kinds.js';
import type { TargetBase, TargetReading } from '../engine.js';
import { withTargetVars } from '../target-vars.js';

/** The embedded PGlite warehouse: a data directory on disk, relative to the project root. */
export interface PgliteTarget extends TargetBase {
  type: 'pglite';
  path: string;
}

/** `path:` (default `.sparkify/<target name>`), and the selected target's vars. */
export function readPgliteTarget({ block, base, selected }: TargetReading): PgliteTarget {
  const target: PgliteTarget = { ...base, type: 'pglite', path: block.get('path', nonEmptyText) ?? `.sparkify/${base.name}` };
  return withTargetVars(target, block, selected);
}
