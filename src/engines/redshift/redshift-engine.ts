/** Amazon Redshift: the distributed engine Sparkify moves to when one machine is not enough. */
import type { Engine, EngineCapabilities } from '../engine.js';
import { formatEndpoint } from '../postgres/connection-settings.js';
import { SERVER_KEYS, serverSecrets } from '../server-fields.js';
import { acquireTableLock } from './build-lock.js';
import { redshiftCatalogSql } from './docs-catalog-sql.js';
import { redshiftConnection } from './connection.js';
import { dwhCfgFunction } from './dwh-cfg-function.js';
import type { DwhConfig } from './dwh-config.js';
import { RedshiftDialect } from './redshift-dialect.js';
import { redshiftOutput } from './redshift-profile.js';
import { REDSHIFT_QUOTING_RULES, redshiftQuoting } from './redshift-quoting.js';
import { iamRoleOrPlaceholder, loadErrorView, readRedshiftTarget, REDSHIFT_DEFAULTS, REDSHIFT_KEYS, type RedshiftTarget } from './redshift-target.js';

const capabilities: EngineCapabilities = {
  ...REDSHIFT_QUOTING_RULES,
  transactionalDdl: true,
  multipleConnections: true,
  // COPY FROM 's3://…' with the cluster's IAM role: sparkify's loader never sees the rows.
  sourceLoad: 'warehouse',
  // No COPY from a client: seed rows travel in the plan as INSERT … VALUES.
  seedLoad: 'insert-literals',
  // Redshift began as PostgreSQL 8.0: a postgres__x usually runs there too.
  macroFallbacks: ['redshift', 'postgres', 'default'],
  copyInProcess: false,
  embeddedDataDir: false,
  buildLock: 'table-lock',
};

/** Redshift through knex's `redshift` client; its SQL is golden-checked against AWS's documentation. */
export const redshiftEngine: Engine<RedshiftTarget> = {
  type: 'redshift',
  dbtAdapterType: 'redshift',
  capabilities,
  quoting: redshiftQuoting,
  docsCatalog: redshiftCatalogSql,
  targetKeys: [...SERVER_KEYS, ...REDSHIFT_KEYS],
  readTarget: readRedshiftTarget,
  readProfileOutput: redshiftOutput,
  async createAdapter(_root, target) {
    const { RedshiftAdapter } = await import('./redshift-adapter.js');
    // Checks dwh.cfg and the credentials now (SPK403, exit 2): build fails before connecting.
    return new RedshiftAdapter(target);
  },
  // Without dwh.cfg the IAM role is a visible placeholder: compile works offline, build refuses.
  dialect: (target) => new RedshiftDialect({ iamRole: iamRoleOrPlaceholder(target), region: target.region, manifestPrefix: target.manifestPrefix, serverless: loadErrorView(target) === 'sys_load_error_detail' }),
  acquireBuildLock: (_adapter, target, projectName) =>
    acquireTableLock({ name: target.name, schema: target.schema, connection: redshiftConnection(target) }, projectName),
  secrets: (target) => [...serverSecrets(target), ...(target.configSecrets ?? [])],
  database: (target) => target.database ?? null,
  templateFields: (target) => ({ database: target.database ?? null, user: target.user ?? null, host: target.host ?? null, port: target.port ?? REDSHIFT_DEFAULTS.port }),
  describe(target, user) {
    if (target.host === undefined) return `target '${target.name}' (redshift)`;
    const who = user ?? target.user;
    const endpoint = { host: target.host, port: target.port ?? REDSHIFT_DEFAULTS.port, database: target.database ?? '(database)' };
    return `${who ? `${who}@` : ''}${formatEndpoint(endpoint)}`;
  },
  configFunctions: ({ config }) => ({ dwh_cfg: dwhCfgFunction(config as DwhConfig | undefined) }),
};
