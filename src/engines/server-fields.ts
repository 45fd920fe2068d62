/** The connection fields server targets share (postgres, redshift), and the secrets among them. */
import { assignDefined } from '../config/assign-defined.js';
import type { MapReader } from '../config/map-reader.js';
import { booleanOrMapping, integer, nonEmptyText, secretText } from '../config/value-kinds.js';

/** host, port, database, user, password and TLS options of a server target. */
export interface ServerFields {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: boolean | Record<string, unknown>;
  /** Seconds a connection attempt may take before it fails (libpq's connect_timeout). */
  connectTimeout?: number;
}

/** Seconds a connection attempt waits by default (dbt-postgres's connect_timeout). */
export const DEFAULT_CONNECT_TIMEOUT = 10;

/** Connection fields of a block; absent keys stay absent. */
export function readServerFields(block: MapReader): ServerFields {
  const fields: ServerFields = {};
  assignDefined(fields, {
    host: block.get('host', nonEmptyText),
    port: block.get('port', integer(1, 65535)),
    database: block.get('database', nonEmptyText),
    user: block.get('user', nonEmptyText),
    password: block.get('password', secretText),
    ssl: block.get('ssl', booleanOrMapping),
    connectTimeout: block.get('connect_timeout', integer(1, 3600)),
  });
  return fields;
}

/** The keys readServerFields reads. */
export const SERVER_KEYS = ['host', 'port', 'database', 'user', 'password', 'ssl', 'connect_timeout'] as const;

/** TLS options that hold private material (node's tls.connect names). */
const SECRET_TLS_KEYS = ['key', 'passphrase', 'pfx'];

/** The password and the private TLS material of a server target. */
export function serverSecrets(fields: ServerFields): string[] {
  const secrets = fields.password ? [fields.password] : [];
  if (typeof fields.ssl !== 'object') return secrets;
  const tls = SECRET_TLS_KEYS.map((key) => (fields.ssl as Record<string, unknown>)[key]);
  return [...secrets, ...tls.filter((value): value is string => typeof value === 'string' && value !== '')];
}
