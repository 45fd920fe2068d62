/** Secret values of the configured targets, so the CLI can scrub them from anything it prints. */
import type { TargetConfig } from './types.js';

/** TLS options that hold private material (node's tls.connect names). */
const secretTlsKeys = ['key', 'passphrase', 'pfx'];

/** Passwords, passwords inside URLs, TLS keys and dwh.cfg secrets of every target, each once. */
export function collectSecrets(targets: Iterable<TargetConfig>): string[] {
  const secrets = new Set<string>();
  for (const target of targets) {
    if (target.type === 'pglite') continue;
    if (target.password) secrets.add(target.password);
    if (target.type === 'postgres' && target.url) urlPasswords(target.url).forEach((value) => secrets.add(value));
    if (typeof target.ssl === 'object') tlsSecrets(target.ssl).forEach((value) => secrets.add(value));
    if (target.type === 'redshift') target.configSecrets?.forEach((value) => secrets.add(value));
  }
  return [...secrets];
}

/** The userinfo password as written (percent-encoded) and decoded: output may show either. */
function urlPasswords(url: string): string[] {
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

function tlsSecrets(ssl: Record<string, unknown>): string[] {
  const values = secretTlsKeys.map((key) => ssl[key]);
  return values.filter((value): value is string => typeof value === 'string' && value !== '');
}
