/**
 * `target` as templates see it: dbt's fields (name, type, schema, database, user, threads,
 * profile_name) and `engine`, sparkify's own. PGlite is a PostgreSQL: its `type` is `postgres`, so
 * a package's postgres branches run on it (`engine` still says `pglite`). No password, ever.
 */
import { engineOf } from '../../engines/registry.js';
import type { TargetConfig } from '../../engines/target-config.js';

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

/** The target of a loaded project, as templates see it: its engine says what it presents itself as. */
export function targetContext(target: TargetConfig, projectName: string): TargetContext {
  const engine = engineOf(target);
  return {
    name: target.name, type: engine.dbtAdapterType, engine: target.type, schema: target.schema,
    threads: target.threads ?? 1, profile_name: projectName, ...engine.templateFields(target),
  };
}
