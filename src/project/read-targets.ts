/** The `targets` block of project.yml: one typed TargetConfig per named target. */
import { closestName } from '../diagnostics.js';
import { assignDefined } from './assign-defined.js';
import { ProjectErrors } from './error-codes.js';
import type { MapReader } from './map-reader.js';
import { connectFromConfigFile, REDSHIFT_DEFAULTS, warnPlaceholders } from './redshift-target.js';
import { s3Field } from './read-s3-settings.js';
import type { PgliteTarget, PostgresTarget, RedshiftTarget, TargetConfig } from './types.js';
import { anything, booleanOrMapping, integer, nonEmptyText, text } from './value-kinds.js';

const targetTypes = ['pglite', 'postgres', 'redshift'] as const;
type TargetType = (typeof targetTypes)[number];

const commonKeys = ['type', 'schema', 'threads', 'vars', 's3'];
const serverKeys = ['host', 'port', 'database', 'user', 'password', 'ssl'];
const keysByType: Record<TargetType, string[]> = {
  pglite: [...commonKeys, 'path'],
  postgres: [...commonKeys, 'url', ...serverKeys],
  redshift: [...commonKeys, ...serverKeys, 'iam_role', 'region', 'config_file'],
};

/**
 * Reads every target under `targets`; only the `selected` one must be complete (others may lack env
 * vars), and only its config_file (dwh.cfg, relative to `root`) and `vars` are read.
 */
export function readTargets(targets: MapReader, selected: string, root: string): Record<string, TargetConfig> {
  const result: Record<string, TargetConfig> = {};
  for (const name of targets.keys()) {
    const block = targets.child(name, `target '${name}'`);
    if (!block) {
      if (!targets.has(name)) reportEmptyTarget(targets, name);
      continue;
    }
    const isSelected = name === selected;
    const scoped = block.named(block.what, block.scope.withLenient(!isSelected));
    const target = readTarget(scoped, name, isSelected, root);
    if (target) result[name] = target;
  }
  return result;
}

function reportEmptyTarget(targets: MapReader, name: string): void {
  const message = `missing \`type\` in target '${name}' (the target is empty)`;
  targets.report(ProjectErrors.missingKey, message, targets.keyAt(name), 'add `type: pglite` (or postgres, redshift)');
}

function readTarget(block: MapReader, name: string, selected: boolean, root: string): TargetConfig | undefined {
  const type = readType(block);
  if (!type) return undefined;
  block.checkKeys(keysByType[type]);
  const base = {
    name,
    schema: block.get('schema', nonEmptyText) ?? 'public',
    threads: block.get('threads', integer(1)) ?? 4,
    position: block.at,
    ...s3Field(block),
  };
  if (type === 'pglite') return withVars(pgliteTarget(block, base), block, selected);
  if (type === 'postgres') return withVars(postgresTarget(block, base, selected), block, selected);
  return redshiftTarget(block, base, selected, root);
}

/** The selected target's `vars:` (rendered in its own scope, so they may use dwh_cfg()). */
function withVars<T extends TargetConfig>(target: T, block: MapReader, selected: boolean): T {
  const vars = selected ? block.child('vars', `vars of ${block.what}`) : undefined;
  if (!vars) return target;
  const values: Record<string, unknown> = {};
  for (const key of vars.keys()) values[key] = vars.get(key, anything) ?? null;
  return Object.assign(target, { vars: values });
}

function readType(block: MapReader): TargetType | undefined {
  const type = block.require('type', nonEmptyText, `add \`type:\` (one of ${targetTypes.join(', ')})`);
  if (type === undefined) return undefined;
  if ((targetTypes as readonly string[]).includes(type)) return type as TargetType;
  const closest = closestName(type, targetTypes);
  const hint = closest ? `did you mean '${closest}'?` : `supported types: ${targetTypes.join(', ')}`;
  const message = `unknown target type '${type}' in ${block.what}`;
  block.report(ProjectErrors.unknownTargetType, message, block.valueAt('type'), hint);
  return undefined;
}

type TargetBase = Omit<PgliteTarget, 'type' | 'path'>;

function pgliteTarget(block: MapReader, base: TargetBase): PgliteTarget {
  return { ...base, type: 'pglite', path: block.get('path', nonEmptyText) ?? `.sparkify/${base.name}` };
}

function postgresTarget(block: MapReader, base: TargetBase, selected: boolean): PostgresTarget {
  const target: PostgresTarget = { ...base, type: 'postgres', ...serverFields(block) };
  const url = block.get('url', nonEmptyText);
  if (url !== undefined) target.url = url;
  if (block.has('url') && block.has('host')) {
    const message = `${block.what} gives both \`url\` and \`host\``;
    const hint = 'use either url or host/port/database/user/password';
    block.report(ProjectErrors.invalidValue, message, block.keyAt('host'), hint);
  }
  if (selected) checkPostgresComplete(block, target);
  return target;
}

function checkPostgresComplete(block: MapReader, target: PostgresTarget): void {
  if (target.url !== undefined) return checkPostgresUrl(block, target.url);
  if (block.has('url') || block.has('host')) return; // present, but its template failed (already reported)
  const hint = "add url: \"{{ env_var('SPARKIFY_PG_URL') }}\" or host/database/user/password";
  block.report(ProjectErrors.missingKey, `missing \`url\` or \`host\` in ${block.what}`, block.at, hint);
}

function checkPostgresUrl(block: MapReader, url: string): void {
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

/**
 * A redshift target. The selected one reads its config_file first, so the other values, and its
 * vars, may use dwh_cfg(); what project.yml leaves out comes from the file, then the defaults.
 */
function redshiftTarget(block: MapReader, base: TargetBase, selected: boolean, root: string): RedshiftTarget {
  const target: RedshiftTarget = { ...base, type: 'redshift' };
  assignDefined(target, { configFile: block.get('config_file', nonEmptyText) });
  const config = selected ? connectFromConfigFile(target, block, root) : undefined;
  const scoped = config ? block.named(block.what, block.scope.withContext({ configFile: config })) : block;
  const fields: Partial<RedshiftTarget> = {
    ...serverFields(scoped),
    iamRole: scoped.get('iam_role', nonEmptyText),
    region: scoped.get('region', nonEmptyText),
  };
  // project.yml wins over dwh.cfg, which filled `target` already.
  assignDefined(target, fields);
  target.port ??= REDSHIFT_DEFAULTS.port;
  target.region ??= REDSHIFT_DEFAULTS.region;
  const complete = block.has('host') || block.has('config_file');
  if (selected && !complete) {
    const message = `missing \`host\` or \`config_file\` in ${block.what}`;
    const hint = 'add config_file: dwh.cfg, or host/database/user/password';
    block.report(ProjectErrors.missingKey, message, block.at, hint);
  }
  if (selected) warnPlaceholders(target, block);
  return withVars(target, scoped, selected);
}

type ServerFields = Pick<PostgresTarget, 'host' | 'port' | 'database' | 'user' | 'password' | 'ssl'>;

/** Connection fields shared by postgres and redshift; absent keys stay absent. */
function serverFields(block: MapReader): ServerFields {
  const fields: ServerFields = {};
  assignDefined(fields, {
    host: block.get('host', nonEmptyText),
    port: block.get('port', integer(1, 65535)),
    database: block.get('database', nonEmptyText),
    user: block.get('user', nonEmptyText),
    password: block.get('password', text),
    ssl: block.get('ssl', booleanOrMapping),
  });
  return fields;
}

