/**
 * Redshift's build lock. Redshift has no advisory locks, so a build holds an exclusive table lock
 * for its whole run: LOCK "acquires an exclusive lock… held until the transaction commits or rolls
 * back" (https://docs.aws.amazon.com/redshift/latest/dg/r_LOCK.html), on a connection of its own
 * outside the pool. A second build waits at most LOCK_WAIT_MS (statement_timeout, since LOCK has
 * no NOWAIT: https://docs.aws.amazon.com/redshift/latest/dg/r_statement_timeout.html), then fails
 * naming the holder from STV_LOCKS. If the build process dies, its session ends and the lock goes.
 */
import pg from 'pg';
import { fail } from '../../diagnostics.js';
import type { Relation } from '../../sql/quote.js';
import { EngineErrors } from '../error-codes.js';
import { redshiftQuoting } from './redshift-quoting.js';

/** How long a second build waits for the lock before it fails. */
export const LOCK_WAIT_MS = 5_000;

/** The table whose lock stands for "a build of this project is running on this schema". */
export function lockTable(schema: string, projectName: string): Relation {
  return { schema, identifier: `sparkify_build_lock__${projectName}` };
}

/** The statements that take the lock, in order (golden-tested); COMMIT releases it. */
export function lockStatements(table: Relation): string[] {
  const name = redshiftQuoting.relation(table);
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (locked_by varchar(256))`,
    `SET statement_timeout TO ${LOCK_WAIT_MS}`,
    'BEGIN',
    `LOCK ${name}`,
    'SET statement_timeout TO 0',
  ];
}

/** Who holds the lock: STV_LOCKS lists table locks with the owner's pid. */
export function holderQuery(table: Relation): string {
  return `SELECT lock_owner_pid AS pid FROM stv_locks WHERE table_id = (SELECT oid FROM pg_class WHERE relname = ${redshiftQuoting.literal(redshiftQuoting.fold(table.identifier))} LIMIT 1)`;
}

/** What a lock's connection needs; tests run it against PostgreSQL, which has LOCK and statement_timeout too. */
export interface LockTarget {
  name: string;
  schema: string;
  connection: pg.ClientConfig;
}

/** Takes the lock (see the file comment), or fails with SPK404 naming the holder's pid. */
export async function acquireTableLock(target: LockTarget, projectName: string): Promise<() => Promise<void>> {
  const table = lockTable(target.schema, projectName);
  const client = new pg.Client({ ...target.connection, application_name: `sparkify build (pid ${process.pid})` });
  client.on('error', () => undefined); // a dropped lock connection must not crash the build process
  await client.connect();
  try {
    for (const sql of lockStatements(table)) await client.query(sql);
  } catch (error) {
    const holder = await client.query('ROLLBACK').then(() => client.query(holderQuery(table))).then((r) => r.rows[0]?.pid, () => undefined);
    await client.end().catch(() => undefined);
    if ((error as { code?: string }).code !== '57014') throw error; // 57014: canceled by statement_timeout
    fail(EngineErrors.buildLocked, `a build is already running on target ${target.name} (${holder ? `pid ${holder}` : 'pid unknown'})`, undefined,
      `wait for that build to finish and run this one again; it holds LOCK on ${redshiftQuoting.relation(table)}`);
  }
  let released: Promise<void> | undefined;
  return () => (released ??= client.query('COMMIT').then(() => undefined).finally(() => client.end().catch(() => undefined)));
}
