import { createHash } from 'node:crypto';
import type { Relation } from '../sql/quote.js';

/**
 * Names of the side relations a rebuild uses: `<name>__sparkify_new_<run id>` is built aside and
 * renamed over `<name>`, which moves to `<name>__sparkify_old_<run id>` and is dropped. The run id
 * makes them unique per run, so two runs never touch each other's side relations, and a side
 * relation of a crashed run is recognisable by the next one (LEFTOVER_PATTERN).
 */
export type SideRole = 'new' | 'old' | 'batch';

/** Run ids are 8 characters of [0-9a-z]; build draws one per run (src/run/run-id.ts). */
export const RUN_ID_PATTERN = /^[0-9a-z]{8}$/;

/**
 * The run id `compile` prints: compile is pure (no clock, no randomness), so its plans use this
 * fixed id where build uses the one it draws. Everything else is byte for byte what build runs.
 */
export const COMPILE_RUN_ID = '00000000';

/** POSIX regex (Postgres `~`) matching side relations of any run, and of versions without run ids. */
export const LEFTOVER_PATTERN = '__sparkify_(new|old)(_[0-9a-z]+)?$';

const MAX_IDENTIFIER_BYTES = 63;

/** The side relation of `relation` for `role` in run `runId`, kept within Postgres' 63 bytes. */
export function sideRelation(relation: Relation, role: SideRole, runId: string): Relation {
  return { schema: relation.schema, identifier: sideName(relation.identifier, role, runId) };
}

function sideName(identifier: string, role: SideRole, runId: string): string {
  const suffix = `__sparkify_${role}_${runId}`;
  if (Buffer.byteLength(identifier + suffix) <= MAX_IDENTIFIER_BYTES) return identifier + suffix;
  // A long name is shortened and made unique again with a hash of the full one.
  const hash = createHash('sha256').update(identifier).digest('hex').slice(0, 6);
  const chars = [...identifier];
  while (Buffer.byteLength(`${chars.join('')}_${hash}${suffix}`) > MAX_IDENTIFIER_BYTES) chars.pop();
  return `${chars.join('')}_${hash}${suffix}`;
}
