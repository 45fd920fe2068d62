/** The redshift target block: its connection from project.yml and dwh.cfg, and what compile prints where it is missing. */
import type { Position } from '../../diagnostics.js';
import { SparkifyError } from '../../diagnostics.js';
import { assignDefined } from '../../config/assign-defined.js';
import { DwhConfig, placeholder, unquote } from './dwh-config.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { MapReader } from '../../config/map-reader.js';
import { boolean, nonEmptyText } from '../../config/value-kinds.js';
import type { LoadErrorView } from './load-errors.js';
import type { TargetBase, TargetReading } from '../engine.js';
import { readServerFields, type ServerFields } from '../server-fields.js';
import { withTargetVars } from '../target-vars.js';
import { dwhCfgFunction } from './dwh-cfg-function.js';

/**
 * Amazon Redshift. When selected, values missing from project.yml come from the seed's dwh.cfg
 * (`config_file`): [CLUSTER] HOST, DB_NAME, DB_USER, DB_PASSWORD, DB_PORT and [IAM_ROLE] ARN.
 */
export interface RedshiftTarget extends TargetBase, ServerFields {
  type: 'redshift';
  /** 5439 unless project.yml or DB_PORT says otherwise. */
  port?: number;
  /** The role COPY assumes to read S3; absent means compile prints a placeholder. */
  iamRole?: string;
  /**
   * Region of the S3 buckets COPY reads. Absent, COPY names none: Redshift then expects the bucket in
   * the cluster's own region (r_COPY.html, REGION), so no default can be right for every cluster.
   */
  region?: string;
  /**
   * Redshift Serverless (a workgroup) rather than a provisioned cluster: its rejected records are in
   * SYS_LOAD_ERROR_DETAIL, not STL_LOAD_ERRORS. Absent, the endpoint's host tells (loadErrorView).
   */
  serverless?: boolean;
  /**
   * An s3:// prefix sparkify may write to: each load's COPY manifest goes under it (copy-manifest.ts).
   * Absent, sources load with a COPY of their whole location, as before the load ledger.
   */
  manifestPrefix?: string;
  configFile?: string;
  /** Set for the selected target with a config_file: whether the file exists (build needs it). */
  configFileFound?: boolean;
  /** Further secrets the config file holds (AWS keys), scrubbed from output like the password. */
  configSecrets?: string[];
}

/** Keys of a redshift target block besides the server fields. */
export const REDSHIFT_KEYS = ['iam_role', 'region', 'serverless', 'manifest_prefix', 'config_file'] as const;

/** Redshift's default port. */
export const REDSHIFT_DEFAULTS = { port: 5439 } as const;

/**
 * Reads the target's config_file and fills every connection field it holds; project.yml values are
 * assigned over them afterwards. A missing file is no error: compile needs none of it (see
 * warnPlaceholders). Returns the file for `dwh_cfg()`.
 */
export function connectFromConfigFile(target: RedshiftTarget, block: MapReader, root: string): DwhConfig | undefined {
  if (!target.configFile) return undefined;
  const { config, problems } = DwhConfig.read(root, target.configFile);
  block.scope.source.diagnostics.push(...problems);
  target.configFileFound = config.found;
  if (!config.found) return config;
  try {
    // The keys the seed's etl.py reads; absent ones stay absent.
    const arn = config.value('IAM_ROLE', 'ARN');
    assignDefined(target, {
      host: config.value('CLUSTER', 'HOST'),
      database: config.value('CLUSTER', 'DB_NAME'),
      user: config.value('CLUSTER', 'DB_USER'),
      password: config.value('CLUSTER', 'DB_PASSWORD'),
      port: readPort(config, block),
      iamRole: arn === undefined ? undefined : unquote(arn),
    });
  } catch (error) {
    if (!(error instanceof SparkifyError)) throw error;
    block.scope.source.diagnostics.push(...error.diagnostics);
  }
  const secrets = config.secrets();
  if (secrets.length > 0) target.configSecrets = secrets;
  return config;
}

/**
 * A redshift target. The selected one reads its config_file first, so the other values, and its
 * vars, may use dwh_cfg(); what project.yml leaves out comes from the file, then the defaults.
 */
export function readRedshiftTarget({ block, base, selected, root }: TargetReading): RedshiftTarget {
  const target: RedshiftTarget = { ...base, type: 'redshift' };
  assignDefined(target, { configFile: block.get('config_file', nonEmptyText) });
  const config = selected ? connectFromConfigFile(target, block, root) : undefined;
  const scoped = config ? block.named(block.what, block.scope.withContext({ functions: { dwh_cfg: dwhCfgFunction(config) } })) : block;
  const fields: Partial<RedshiftTarget> = {
    ...readServerFields(scoped),
    iamRole: scoped.get('iam_role', nonEmptyText),
    region: scoped.get('region', nonEmptyText),
    serverless: scoped.get('serverless', boolean),
    manifestPrefix: scoped.get('manifest_prefix', nonEmptyText),
  };
  // project.yml wins over dwh.cfg, which filled `target` already.
  assignDefined(target, fields);
  target.port ??= REDSHIFT_DEFAULTS.port;
  const complete = block.has('host') || block.has('config_file');
  if (selected && !complete) {
    const message = `missing \`host\` or \`config_file\` in ${block.what}`;
    const hint = 'add config_file: dwh.cfg, or host/database/user/password';
    block.report(ProjectErrors.missingKey, message, block.at, hint);
  }
  if (selected) warnPlaceholders(target, block);
  return withTargetVars(target, scoped, selected);
}

/** The IAM role COPY uses, or a placeholder that says where the role should come from. */
export function iamRoleOrPlaceholder(target: RedshiftTarget): string {
  if (target.iamRole) return target.iamRole;
  return target.configFile ? placeholder(target.configFile, 'IAM_ROLE', 'ARN') : `<iam_role of target ${target.name}>`;
}

/** Warns (compile goes on) when the config file is missing, or when COPY will carry the IAM role placeholder. */
export function warnPlaceholders(target: RedshiftTarget, block: MapReader): void {
  const warn = (message: string, at: Position, hint: string): void => {
    block.scope.source.warnings.push({ code: ProjectErrors.placeholder, message, location: at, hint });
  };
  const file = target.configFile;
  const role = target.iamRole ? '' : ` (IAM role: ${iamRoleOrPlaceholder(target)})`;
  if (file && target.configFileFound === false) {
    const hint = `copy ${file}.example to ${file} and fill it in before build; compile needs no credentials`;
    return warn(`${file} not found: compiling ${block.what} with placeholders for its values${role}`, block.valueAt('config_file'), hint);
  }
  if (role) {
    const where = file ? `[IAM_ROLE] ARN in ${file}` : `iam_role in ${block.what}`;
    warn(`no IAM role for ${block.what}: COPY statements use the placeholder${role}`, block.at, `set ${where}; build refuses to run without it`);
  }
}

function readPort(config: DwhConfig, block: MapReader): number | undefined {
  const text = config.value('CLUSTER', 'DB_PORT');
  if (text === undefined) return undefined;
  const port = Number(text);
  if (/^\d+$/.test(text) && port >= 1 && port <= 65535) return port;
  const message = `${config.file}: [CLUSTER] DB_PORT must be a port number, got '${text}'`;
  // Values carry no line of their own, so the problem points at config_file in project.yml.
  block.report(ProjectErrors.configFile, message, block.valueAt('config_file'), 'Redshift listens on 5439 unless the cluster was created with another port');
  return undefined;
}

/**
 * Where the target's rejected records are (load-errors.ts): `serverless: true|false` says, else the
 * host does — a Serverless workgroup's endpoint is `<workgroup>.<account>.<region>.redshift-serverless.amazonaws.com`,
 * a provisioned cluster's `<cluster>.<id>.<region>.redshift.amazonaws.com`.
 */
export function loadErrorView(target: Pick<RedshiftTarget, 'serverless' | 'host'>): LoadErrorView {
  const serverless = target.serverless ?? /\.redshift-serverless\.amazonaws\.com\.?$/i.test(target.host ?? '');
  return serverless ? 'sys_load_error_detail' : 'stl_load_errors';
}
