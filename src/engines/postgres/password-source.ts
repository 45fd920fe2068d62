/**
 * Where a PostgreSQL connection's password comes from, asked only when the server wants one (trust
 * and peer authentication never ask): the target (its `password`, or the URL's), PGPASSWORD, then
 * the password file (PGPASSFILE or ~/.pgpass), as libpq looks. With none of them, the attempt fails
 * at once with what to do, where the pg driver would fail its SCRAM exchange obscurely (issue 14).
 */
import { createRequire } from 'node:module';
import { SparkifyError } from '../../diagnostics.js';
import { EngineErrors } from '../error-codes.js';
import type { PostgresTarget } from './postgres-target.js';

/** The connection parameters pg passes to a password function. */
interface ConnectionParameters {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
}

type PgPass = (params: ConnectionParameters, done: (password: string | undefined) => void) => void;
const pgpass = createRequire(import.meta.url)('pgpass') as PgPass;

/** A pg `password` function for `target`; `written` is the password its url or block gives, if any. */
export function passwordSource(target: PostgresTarget, written: string | undefined): (params: ConnectionParameters) => Promise<string> {
  return async (params) => {
    if (written) return written;
    if (process.env.PGPASSWORD) return process.env.PGPASSWORD;
    const fromFile = await new Promise<string | undefined>((resolve) => pgpass(params, resolve));
    if (fromFile !== undefined) return fromFile;
    throw noPassword(target, params.user);
  };
}

function noPassword(target: PostgresTarget, user: string | undefined): SparkifyError {
  const who = user ? `user '${user}'` : 'the user';
  const where = target.url !== undefined ? 'the URL (postgres://user:password@host/db, e.g. in SPARKIFY_PG_URL)' : '`password:` (best as an env_var())';
  return new SparkifyError({
    code: EngineErrors.noPassword,
    message: `the server asks for a password for ${who}, and target '${target.name}' gives none`,
    location: { file: target.position.file, line: target.position.line },
    hint: `put it in ${where}, in PGPASSWORD, or in ~/.pgpass (PGPASSFILE); or let the server trust this connection (pg_hba.conf)`,
  });
}
