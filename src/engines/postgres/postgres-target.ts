/** The target block of a PostgreSQL server: `url`, or host/port/database/user/password. */
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { nonEmptySecretText } from '../../config/value-kinds.js';
import type { TargetBase, TargetReading } from '../engine.js';
import { readServerFields, type ServerFields } from '../server-fields.js';
import { withTargetVars } from '../target-vars.js';

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
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === 'postgres:' || protocol === 'postgresql:') return;
  // The URL may hold a password, so the message never repeats it.
  const message = `\`url\` in ${block.what} is not a postgres:// URL`;
  const hint = 'write postgres://user:password@host:5432/database';
  block.report(ProjectErrors.invalidValue, message, block.valueAt('url'), hint);
}

/** The userinfo password of a URL as written (percent-encoded) and decoded: output may show either. */
export function urlPasswords(url: string): string[] {
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return [];
  }
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: only the raw form can appear in output.
  }
  return decoded === password ? [password] : [password, decoded];
}
