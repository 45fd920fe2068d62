import type { RedshiftTarget } from './redshift-target.js';
import { EngineErrors } from '../error-codes.js';
import type pg from 'pg';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { exactTypes } from '../postgres-family/type-parsers.js';

/** Code of a redshift target that cannot connect yet: no dwh.cfg, or a value missing from it. */
export const REDSHIFT_NOT_CONFIGURED = EngineErrors.redshiftNotConfigured;

/** Seconds to wait for a cluster that does not answer (a security group dropping packets). */
const CONNECT_TIMEOUT_MS = 20_000;

/** Where each required value comes from, for messages: the dwh.cfg key, or the project.yml key. */
const REQUIRED = [
  ['host', 'CLUSTER', 'HOST'],
  ['database', 'CLUSTER', 'DB_NAME'],
  ['user', 'CLUSTER', 'DB_USER'],
  ['password', 'CLUSTER', 'DB_PASSWORD'],
  ['iamRole', 'IAM_ROLE', 'ARN'],
] as const;

/**
 * The pg settings knex's `redshift` client connects with: TLS on unless the target says otherwise
 * (certificates checked), int8 exact. Throws SPK403 before any connection when dwh.cfg is missing
 * or a value is absent or still the dwh.cfg.example placeholder; the IAM role is required too,
 * since every source load needs it.
 */
export function redshiftConnection(target: RedshiftTarget): pg.ClientConfig {
  const problems = connectionProblems(target);
  if (problems.length > 0) throw new SparkifyError(problems, 2);
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: (target.ssl ?? true) as pg.ClientConfig['ssl'],
    types: exactTypes,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  };
}

/** Everything that keeps the target from connecting, one diagnostic each. */
export function connectionProblems(target: RedshiftTarget): Diagnostic[] {
  const location = { file: target.position.file, line: target.position.line };
  const file = target.configFile;
  if (file && target.configFileFound === false) {
    return [{
      code: REDSHIFT_NOT_CONFIGURED,
      message: `${file} not found: target '${target.name}' reads its cluster endpoint, password and IAM role from it`,
      location,
      hint: `copy dwh.cfg.example to ${file} and fill in your cluster (compile --target ${target.name} works without it)`,
    }];
  }
  return REQUIRED.filter(([field]) => isUnset(target[field], field === 'password')).map(([field, section, key]) => ({
    code: REDSHIFT_NOT_CONFIGURED,
    message: `target '${target.name}' has no ${field === 'iamRole' ? 'IAM role' : field}${target[field] ? ' (the value is still a placeholder)' : ''}`,
    location,
    hint: file ? `set ${key} under [${section}] in ${file}` : `set ${field === 'iamRole' ? 'iam_role' : field} in target '${target.name}' of project.yml`,
  }));
}

/** Absent, empty, or a `<...>` placeholder as dwh.cfg.example has them (a password only if it is one whole). */
function isUnset(value: string | undefined, whole: boolean): boolean {
  if (!value) return true;
  return whole ? /^<[^<>]*>$/.test(value) : /<[^<>]*>/.test(value);
}
