/** A profiles.yml output of `type: postgres` (dbt-postgres) as sparkify's PostgresTarget. */
import type { PostgresTarget } from './postgres-target.js';
import type { MapReader } from '../../config/map-reader.js';
import { integer, nonEmptyText, oneOf, secretText } from '../../config/value-kinds.js';
import { assignDefined } from '../../config/assign-defined.js';
import { checkOutputKeys, outputBase } from '../profile-output.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/** host, port, user, password, dbname, schema, threads, sslmode, connect_timeout; keepalives_idle, search_path, role are read but not applied. */
export function postgresOutput(output: MapReader, name: string): PostgresTarget {
  checkOutputKeys(output, ['type', 'host', 'port', 'user', 'pass', 'password', 'dbname', 'database', 'schema', 'threads', 'sslmode', 'connect_timeout'],
    ['keepalives_idle', 'search_path', 'role', 'sslcert', 'sslkey', 'sslrootcert', 'application_name', 'retries']);
  const target: PostgresTarget = { ...outputBase(output, name), type: 'postgres' };
  assignDefined(target, {
    host: output.require('host', nonEmptyText),
    port: output.get('port', integer(1, 65535)) ?? 5432,
    user: output.require('user', nonEmptyText),
    // dbt accepts `pass` as well as `password`.
    password: output.get('password', secretText) ?? output.get('pass', secretText),
    database: output.get('dbname', nonEmptyText) ?? output.get('database', nonEmptyText),
    ssl: sslOf(output.get('sslmode', oneOf(SSL_MODES))),
    connectTimeout: output.get('connect_timeout', integer(1, 3600)),
  });
  return target;
}

/**
 * libpq's sslmode in node-postgres terms: require encrypts without checking the certificate,
 * verify-ca/verify-full check it. prefer/allow (try TLS, fall back) have no node-postgres
 * equivalent and connect without TLS, which is what they do against a server without it.
 */
function sslOf(mode: (typeof SSL_MODES)[number] | undefined): PostgresTarget['ssl'] {
  if (mode === undefined || mode === 'disable' || mode === 'allow' || mode === 'prefer') return undefined;
  if (mode === 'require') return { rejectUnauthorized: false };
  return true;
}
