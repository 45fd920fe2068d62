/** `sparkify debug`: can the target be opened, and may its user create tables in the target schema? */

import type { TargetConfig } from '../../engines/target-config.js';
import type { Adapter } from '../../engines/adapter.js';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { quoteIdentifier, type LiteralQuoter } from '../../sql/quote.js';
import { failed, passed, type CheckResult } from './check.js';
import { describeTarget } from './describe-target.js';

const NAME = 'connection';

/** What the session reports about itself. */
interface SessionInfo {
  version: string;
  user: string;
  database: string;
  /** null when the schema does not exist. */
  canCreateInSchema: boolean | null;
  canCreateSchema: boolean;
}

/** Opens the target (PGlite takes its lock), asks the session who and where it is, closes it. */
export async function checkConnection(root: string, target: TargetConfig): Promise<CheckResult> {
  let adapter: Adapter;
  try {
    adapter = await createAdapter(root, target);
  } catch (error) {
    return failed(NAME, `cannot connect to ${describeTarget(target)}`, error);
  }
  try {
    await adapter.open();
    const info = await adapter.withSession(async (session) => readInfo((await session.execute(infoQuery(target.schema, engineOf(target).quoting.literal))).rows[0]));
    return judge(target, info);
  } catch (error) {
    return failed(NAME, `cannot connect to ${describeTarget(target)}`, error);
  } finally {
    await adapter.close().catch(() => undefined);
  }
}

/** Small queries that run on Postgres, PGlite and Redshift alike. */
function infoQuery(schema: string, literal: LiteralQuoter): string {
  return `select version() as version, current_user as user_name, current_database() as database_name,
  (select has_schema_privilege(nspname, 'CREATE') from pg_namespace where nspname = ${literal(schema)}) as can_create_in_schema,
  has_database_privilege(current_database(), 'CREATE') as can_create_schema`;
}

function readInfo(row: Record<string, unknown>): SessionInfo {
  const flag = (value: unknown) => value === true || value === 't';
  return {
    version: String(row.version),
    user: String(row.user_name),
    database: String(row.database_name),
    canCreateInSchema: row.can_create_in_schema === null || row.can_create_in_schema === undefined ? null : flag(row.can_create_in_schema),
    canCreateSchema: flag(row.can_create_schema),
  };
}

function judge(target: TargetConfig, info: SessionInfo): CheckResult {
  // `PostgreSQL 17.5 on x86_64-pc-linux-gnu, compiled by ...`: the part before the compiler.
  const server = info.version.split(',')[0];
  const where = `${describeTarget(target, info.user)}, ${server}`;
  const schema = target.schema;
  if (info.canCreateInSchema === true) return passed(NAME, `${where}; ${info.user} can create in schema ${schema}`);
  if (info.canCreateInSchema === null && info.canCreateSchema) {
    return passed(NAME, `${where}; schema ${schema} does not exist yet, and ${info.user} can create it`);
  }
  const grant = info.canCreateInSchema === null
    ? `GRANT CREATE ON DATABASE ${quoteIdentifier(info.database)} TO ${quoteIdentifier(info.user)} (or create schema ${schema} for it)`
    : `GRANT CREATE ON SCHEMA ${quoteIdentifier(schema)} TO ${quoteIdentifier(info.user)}`;
  const problem = info.canCreateInSchema === null ? `schema ${schema} does not exist and ${info.user} cannot create it` : `${info.user} cannot create tables in schema ${schema}`;
  return { status: 'FAIL', name: NAME, detail: `${where}; ${problem}`, problems: [`hint: run ${grant} as its owner, or set another schema on the target`] };
}
