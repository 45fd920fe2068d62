/** The target of any built-in engine; narrow by `type` inside its engine, or ask engineOf(target). */
import type { PgliteTarget } from './pglite/pglite-target.js';
import type { PostgresTarget } from './postgres/postgres-target.js';
import type { RedshiftTarget } from './redshift/redshift-target.js';

/** A named target block of project.yml. */
export type TargetConfig = PgliteTarget | PostgresTarget | RedshiftTarget;
