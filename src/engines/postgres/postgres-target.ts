/** The target block of a PostgreSQL server: `url`, or host/port/database/user/password. */
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { nonEmptySecretText } from '../../config/value-kinds.js';
import type { TargetBase, TargetReading } from '../engine.js';
import { readServerFields, type ServerFields } from '../server-fields.js';
import { withTargetVars } from '../target-vars.js';
import { urlProblem } from './postgres-url.js';

/** A PostgreSQL server. `url` or the separate fields. Secret values are listed in `secrets`. */
export interface PostgresTarget extends TargetBase, ServerFields {
  type: 'postgres';
  url?: string;
}

/** Reads the block; the selected target must say where to connect, with a postgres:// URL. */
export function readPostgresTarget({ block, base, selected }: TargetReading): PostgresTarget {
  const target: PostgresTarget = { ...base, type: 'postgres', ...readServerFields(block) };
  const url = block.get('url', nonEmptySecretText);
  if (url !== undefined) target.url = url;
  if (block.has('url') && block.has('host')) {
    const message = `${block.what} gives both \`url\` and \`host\``;
    const hint = 'use either url or host/port/database/user/password';
    block.report(ProjectErrors.invalidValue, message, block.keyAt('host'), hint);
  }
  if (selected) checkComplete(block, target);
  return withTargetVars(target, block, selected);
}

function checkComplete(block: MapReader, target: PostgresTarget): void {
  if (target.url !== undefined) return checkUrl(block, target.url);
  if (block.has('url') || block.has('host')) return; // present, but its template failed (already reported)
  const hint = "add url: \"{{ env_var('SPARKIFY_PG_URL') }}\" or host/database/user/password";
  block.report(ProjectErrors.missingKey, `missing \`url\` or \`host\` in ${block.what}`, block.at, hint);
}

function checkUrl(block: MapReader, url: string): void {
  const problem = urlProblem(url);
  if (problem === undefined) return;
  // The URL may hold a password, so the message never repeats it (a port is quoted only when all digits).
  const message = problem.kind === 'port'
    ? `\`url\` in ${block.what} ${/^\d+$/.test(problem.port) ? `names port ${problem.port}, which is not a port number` : 'has a port that is not a number'} (1 to 65535)`
    : `\`url\` in ${block.what} is not a postgres:// URL`;
  const hint = problem.kind === 'port'
    ? 'write postgres://user:password@host:5432/database (5432 is PostgreSQL\'s port), or leave the port out'
    : 'write postgres://user:password@host:5432/database, or postgres://user@%2Fvar%2Frun%2Fpostgresql/database for a socket';
  block.report(ProjectErrors.invalidValue, message, block.valueAt('url'), hint);
}

/** The userinfo password of a URL as written (percent-encoded) and decoded: output may show either. */
export function urlPasswords(url: string): string[] {
  // Read by hand rather than with new URL(), which refuses URLs libpq takes (postgres://me:pw@/db?host=/tmp).
  // An @ may sit in the password or in the query, so both readings count as secret.
  const rest = url.replace(/^[a-z]+:\/\//i, '');
  const found = new Set<string>();
  for (const at of [rest.indexOf('@'), rest.lastIndexOf('@')]) {
    const raw = passwordBefore(rest, at);
    if (raw) found.add(raw).add(decoded(raw));
  }
  return [...found];
}

function passwordBefore(rest: string, at: number): string {
  if (at < 0) return '';
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  return colon >= 0 && !/[/?#]/.test(userinfo.slice(0, colon)) ? userinfo.slice(colon + 1) : '';
}

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape: only the raw form can appear in output
  }
}
