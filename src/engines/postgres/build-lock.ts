import type { PostgresTarget } from './postgres-target.js';
import { EngineErrors } from '../error-codes.js';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { fail } from '../../diagnostics.js';
import { connectionError } from './connection-error.js';
import { connectionSettings } from './connection-settings.js';

/** Code of a build refused because another build holds the target's lock. */
export const BUILD_LOCKED = EngineErrors.buildLocked;

/**
 * The advisory-lock key of one project's builds on one target schema: the first 8 bytes of a
 * SHA-256, as the signed bigint pg_try_advisory_lock takes.
 */
export function buildLockKey(projectName: string, schema: string): bigint {
  const digest = createHash('sha256').update(`sparkify build\0${projectName}\0${schema}`).digest();
  return digest.readBigInt64BE(0);
}

/**
 * Takes a session-level advisory lock on a connection of its own, outside the pool so it does not
 * cost a thread, held until the returned function runs. If the build process dies, the server
 * ends its session and so releases the lock: nothing stale is left behind.
 */
export async function acquirePostgresBuildLock(target: PostgresTarget, projectName: string): Promise<() => Promise<void>> {
  const key = buildLockKey(projectName, target.schema);
  const client = new (await loadPg()).Client({ ...connectionSettings(target), application_name: `sparkify build (pid ${process.pid})` });
  client.on('error', () => undefined); // a dropped lock connection must not crash the build process
  try {
    await client.connect();
  } catch (error) {
    throw connectionError(error, target);
  }
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
    if (!rows[0].locked) await refuse(client, key, target);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  let released: Promise<void> | undefined;
  return () => (released ??= release(client, key));
}

async function release(client: pg.Client, key: bigint): Promise<void> {
  try {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fails with the backend pid holding the lock (pg_locks stores a bigint key as classid:objid, objsubid 1). */
async function refuse(client: pg.Client, key: bigint, target: PostgresTarget): Promise<never> {
  const unsigned = BigInt.asUintN(64, key);
  const { rows } = await client.query<{ pid: number; application_name: string | null }>(
    `SELECT l.pid, a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1`,
    [(unsigned >> 32n).toString(), (unsigned & 0xffffffffn).toString()],
  );
  const holder = rows[0];
  const pid = holder ? `pid ${holder.pid}` : 'pid unknown: it has just finished';
  const who = holder?.application_name ? `, ${holder.application_name}` : '';
  fail(BUILD_LOCKED, `a build is already running on target ${target.name} (${pid}${who})`, undefined,
    `wait for that build to finish and run this one again; the server pid is the one pg_stat_activity shows (schema ${target.schema})`);
}

/** pg, imported when a build takes the lock rather than when the engine registry is loaded. */
async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}
