/**
 * `target` as templates see it: dbt's fields (name, type, schema, database, user, threads,
 * profile_name) and `engine`, sparkify's own. PGlite is a PostgreSQL: its `type` is `postgres`, so
 * a package's postgres branches run on it (`engine` still says `pglite`). No password, ever.
 */
import type { TargetConfig } from '../../project/types.js';

/** The `target` template variable. */
export interface TargetContext {
  name: string;
  /** The adapter family templates test: postgres (PGlite too) or redshift. */
  type: string;
  /** The engine sparkify drives: pglite, postgres or redshift. */
  engine: string;
  schema: string;
  database: string | null;
  user: string | null;
  threads: number;
  profile_name: string;
  [key: string]: unknown;
}

/** The target of a loaded project, as templates see it. */
export function targetContext(target: TargetConfig, projectName: string): TargetContext {
  const base = { name: target.name, engine: target.type, schema: target.schema, threads: target.threads ?? 1, profile_name: projectName };
  if (target.type === 'pglite') return { ...base, type: 'postgres', database: 'postgres', user: 'postgres' };
  if (target.type === 'redshift') return { ...base, type: 'redshift', database: target.database ?? null, user: target.user ?? null, host: target.host ?? null, port: target.port ?? 5439 };
  const url = target.url ? safeUrl(target.url) : undefined;
  return {
    ...base,
    type: 'postgres',
    database: target.database ?? (url ? decodeURIComponent(url.pathname.replace(/^\//, '')) || null : null),
    user: target.user ?? (url?.username ? decodeURIComponent(url.username) : null),
    host: target.host ?? url?.hostname ?? null,
    port: target.port ?? (url?.port ? Number(url.port) : 5432),
  };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
