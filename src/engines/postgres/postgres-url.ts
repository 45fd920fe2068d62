/**
 * Reading a postgres:// URL as libpq does (pg-connection-string): socket folders as the host
 * (`postgres://me@%2Fvar%2Frun%2Fpostgresql/db`, `?host=/var/run/postgresql`) included. The URL
 * may hold a password, so what is wrong with it is said without quoting it.
 */
import { parse } from 'pg-connection-string';

/** What is wrong with a URL, if anything: its scheme, its port (quoted: never secret), or its syntax. */
export type UrlProblem = { kind: 'scheme' } | { kind: 'port'; port: string } | { kind: 'syntax' };

/** The fields a URL gives (host may be a socket folder); empty when it cannot be read. */
export interface UrlFields {
  host?: string;
  port?: number;
  database?: string;
  user?: string;
}

/** Why `url` is not a usable postgres:// URL, or undefined when it is. */
export function urlProblem(url: string): UrlProblem | undefined {
  if (!/^postgres(ql)?:\/\//i.test(url)) return { kind: 'scheme' };
  const port = portText(url);
  if (port !== undefined && !validPort(port)) return { kind: 'port', port };
  try {
    parse(url);
    return undefined;
  } catch {
    return { kind: 'syntax' };
  }
}

/** host, port, database and user of a URL as the driver will use them (decoded; `?host=` wins). */
export function urlFields(url: string): UrlFields {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(url);
  } catch {
    return {};
  }
  const fields: UrlFields = {};
  if (parsed.host) fields.host = parsed.host.replace(/^\[|\]$/g, '');
  if (parsed.port && /^\d+$/.test(parsed.port)) fields.port = Number(parsed.port);
  if (parsed.database) fields.database = parsed.database;
  if (parsed.user) fields.user = parsed.user;
  return fields;
}

/** The port text of the authority (after the last `@`, so never part of a password), if any. */
function portText(url: string): string | undefined {
  const authority = url.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/)[0];
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const match = hostPort.startsWith('[') ? /^\[[^\]]*\]:(.*)$/.exec(hostPort) : /:([^:]*)$/.exec(hostPort);
  return match?.[1];
}

function validPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
}
