import type { PostgresTarget } from './postgres-target.js';
import type pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { exactTypes } from '../postgres-family/type-parsers.js';
import { DEFAULT_CONNECT_TIMEOUT } from '../server-fields.js';
import { passwordSource } from './password-source.js';
import { urlFields } from './postgres-url.js';

/** Where a target connects, for messages: never the URL, which may hold the password. */
export interface Endpoint {
  host: string;
  port: number;
  database: string;
}

/**
 * pg client settings of a target: its url (socket URLs and `?host=/dir` included, as libpq reads
 * them) or host/port/database/user, the password looked up only when the server asks for one
 * (password-source.ts), a connect_timeout, TLS options and exact parsers.
 */
export function connectionSettings(target: PostgresTarget): pg.ClientConfig {
  const settings: pg.ClientConfig = {
    types: exactTypes,
    application_name: 'sparkify',
    connectionTimeoutMillis: (target.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT) * 1000,
  };
  const fields = target.url !== undefined
    ? withoutUndefined(parseIntoClientConfig(target.url))
    : withoutUndefined({ host: target.host, port: target.port, database: target.database, user: target.user, password: target.password });
  const written = typeof fields.password === 'string' && fields.password !== '' ? fields.password : undefined;
  Object.assign(settings, fields, { password: passwordSource(target, written) });
  // TLS checks stay on unless the target says otherwise (ssl: {rejectUnauthorized: false}).
  if (target.ssl !== undefined) settings.ssl = target.ssl as pg.ClientConfig['ssl'];
  return settings;
}

/** host:port/database of a target, with pg's defaults (PGHOST, PGPORT, PGDATABASE, then localhost:5432). */
export function endpointOf(target: PostgresTarget): Endpoint {
  const env = process.env;
  const fromUrl = target.url !== undefined ? parseUrl(target.url) : {};
  const host = fromUrl.host ?? target.host ?? env.PGHOST ?? 'localhost';
  const port = fromUrl.port ?? target.port ?? (Number(env.PGPORT) || 5432);
  const user = fromUrl.user ?? target.user ?? env.PGUSER;
  const database = fromUrl.database ?? target.database ?? env.PGDATABASE ?? user ?? '(the user name)';
  return { host, port, database };
}

/** The user name written in a URL, if any (an unreadable URL was reported when the project was read). */
export function urlUser(url: string): string | undefined {
  return parseUrl(url).user;
}

/** The database named in a URL's path, if any. */
export function urlDatabase(url: string): string | undefined {
  return parseUrl(url).database;
}

/** `host:port/database`. */
export function formatEndpoint(endpoint: Endpoint): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${host}:${endpoint.port}/${endpoint.database}`;
}

function parseUrl(url: string): Partial<Endpoint> & { user?: string } {
  return urlFields(url);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
