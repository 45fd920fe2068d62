import { randomBytes } from 'node:crypto';

/**
 * A fresh run id: 8 characters of [0-9a-z] (40 random bits), part of every side relation's name so
 * that two runs never share one. Drawn in the execute phase; compile prints COMPILE_RUN_ID instead.
 */
export function newRunId(): string {
  const value = randomBytes(5).readUIntBE(0, 5);
  return value.toString(36).padStart(8, '0').slice(-8);
}
