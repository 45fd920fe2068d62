/** A profiles.yml output of `type: redshift` (dbt-redshift, password authentication) as sparkify's RedshiftTarget. */
import type { RedshiftTarget } from './redshift-target.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { integer, nonEmptyText, text } from '../../config/value-kinds.js';
import { assignDefined } from '../../config/assign-defined.js';
import { REDSHIFT_DEFAULTS } from './redshift-target.js';
import { checkOutputKeys, outputBase } from '../profile-output.js';

/** host, port, user, password, dbname, schema, threads, method: database; IAM authentication is SPK044. */
export function redshiftOutput(output: MapReader, name: string): RedshiftTarget | undefined {
  checkOutputKeys(output, ['type', 'method', 'host', 'port', 'user', 'password', 'dbname', 'database', 'schema', 'threads', 'sslmode', 'iam_role', 'region', 'cluster_id', 'iam_profile', 'access_key_id', 'secret_access_key'],
    ['connect_timeout', 'ra3_node', 'autocommit', 'retries', 'autocreate', 'db_groups']);
  const method = output.get('method', nonEmptyText) ?? 'database';
  if (method !== 'database' || output.has('cluster_id') || output.has('iam_profile')) {
    const message = `${output.what} uses IAM authentication (method: ${method}${output.has('cluster_id') ? ', cluster_id' : ''}), which sparkify does not support`;
    output.report(ProjectErrors.profileUnsupported, message, output.has('method') ? output.valueAt('method') : output.keyAt('cluster_id'), 'use method: database with user and password');
    return undefined;
  }
  const target: RedshiftTarget = { ...outputBase(output, name), type: 'redshift', port: REDSHIFT_DEFAULTS.port };
  assignDefined(target, {
    host: output.require('host', nonEmptyText),
    port: output.get('port', integer(1, 65535)),
    user: output.require('user', nonEmptyText),
    password: output.get('password', text),
    database: output.get('dbname', nonEmptyText) ?? output.get('database', nonEmptyText),
    // Not dbt keys: the role and region COPY uses to read sources from S3 (sparkify loads them itself).
    iamRole: output.get('iam_role', nonEmptyText),
    region: output.get('region', nonEmptyText),
  });
  return target;
}
