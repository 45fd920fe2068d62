import type { PostgresTarget } from './postgres-target.js';
import { EngineErrors } from '../error-codes.js';
import { SparkifyError } from '../../diagnostics.js';
import { collectSecrets } from '../collect-secrets.js';
import { endpointOf, formatEndpoint } from './connection-settings.js';

/** What went wrong while connecting, and what the user can do about it. */
interface Failure {
  code: string;
  what: string;
  hint: string;
}

const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'];

/** Codes of the SQLSTATEs and socket errors a failed connection can raise, as SPK41x. */
export const ConnectionErrors = {
  unreachable: EngineErrors.unreachable,
  authentication: EngineErrors.authentication,
  unknownDatabase: EngineErrors.unknownDatabase,
  tls: EngineErrors.tls,
  refused: EngineErrors.refused,
} as const;

/**
 * Turns a failure to connect into a SparkifyError that names the target, host:port/database and a
 * hint. The password (and the URL, which may hold it) is never part of the message.
 */
export function connectionError(error: unknown, target: PostgresTarget): SparkifyError {
  if (error instanceof SparkifyError) return error; // already says what to do (password-source.ts)
  const failure = classify(error as DriverError, target);
  const where = formatEndpoint(endpointOf(target));
  const scrub = scrubber(target);
  const reason = scrub(String((error as Error)?.message || (error as DriverError)?.code || error));
  return new SparkifyError({
    code: failure.code,
    message: `cannot connect to target '${target.name}' (postgres at ${where}): ${failure.what}: ${reason}`,
    location: { file: target.position.file, line: target.position.line },
    hint: failure.hint,
  });
}

interface DriverError {
  code?: string;
  message?: string;
  errors?: DriverError[];
}

function classify(error: DriverError, target: PostgresTarget): Failure {
  const code = error?.code ?? error?.errors?.[0]?.code ?? '';
  const message = error?.message ?? '';
  const source = target.url !== undefined ? '`url` (SPARKIFY_PG_URL for the shipped pg target)' : 'host and port';
  if (UNREACHABLE.includes(code) || /timeout expired|terminated unexpectedly/i.test(message)) {
    return { code: ConnectionErrors.unreachable, what: 'the server cannot be reached', hint: `start the server, or check ${source} of target '${target.name}'` };
  }
  if (code === '28P01' || code === '28000' || (!code && /password|SASL|SCRAM/i.test(message))) {
    return { code: ConnectionErrors.authentication, what: 'authentication failed', hint: `check the user and password of target '${target.name}' (best kept in an env_var())` };
  }
  if (code === '3D000') {
    return { code: ConnectionErrors.unknownDatabase, what: 'the database does not exist', hint: 'create it (createdb NAME) or fix the database name of the target' };
  }
  if (code.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(code) || /SSL|TLS|certificate/i.test(message)) {
    return { code: ConnectionErrors.tls, what: 'the TLS connection failed', hint: `check \`ssl\` of target '${target.name}': the server's TLS support, its certificate and \`ca\`` };
  }
  return { code: ConnectionErrors.refused, what: 'the server refused the connection', hint: 'see the server message; retry when the server accepts connections' };
}

function scrubber(target: PostgresTarget): (text: string) => string {
  const secrets = collectSecrets([target]).filter((s) => s.length > 0);
  const withUrl = target.url ? [target.url, ...secrets] : secrets;
  return (text) => withUrl.reduce((out, secret) => out.split(secret).join('*****'), text);
}
