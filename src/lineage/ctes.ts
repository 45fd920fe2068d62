/**
 * WITH clauses: which CTEs a query sees (a CTE sees the ones before it, or all of them under WITH
 * RECURSIVE), and each CTE's shape, resolved once on first use. A CTE that inlines an ephemeral
 * model is labelled with that model's node id, so paths through it name the model.
 */
import type { SelectStmt, WithClause } from 'libpg-query';
import { as, stringList } from './ast.js';
import type { Scope } from './scope.js';
import type { Shape } from './shape.js';
import { renameColumns, unknownShape } from './shape.js';

/** Resolves a SELECT in a scope and CTE environment (resolve-select.ts). */
export type SelectResolver = (query: SelectStmt, scope: Scope | undefined, ctes: CteEnv | undefined) => Shape;

/** One CTE and what it is resolved in. */
interface CteDef {
  query: SelectStmt;
  /** What paths through it are called: the CTE name, or the ephemeral model's node id. */
  label: string;
  columnAliases: string[];
  recursive: boolean;
  scope: Scope | undefined;
  /** The environment its own body is resolved in. */
  env: CteEnv | undefined;
  shape?: Shape;
  resolving?: boolean;
  /** Recursive CTEs: the shape of the first (non-recursive) term, which the self-reference sees. */
  partial?: Shape;
}

/** The CTEs visible at one point, innermost first. */
export interface CteEnv {
  defs: Map<string, CteDef>;
  parent?: CteEnv;
}

/** The environment of the query a WITH clause belongs to. */
export function bindCtes(withClause: WithClause, outer: CteEnv | undefined, scope: Scope | undefined, labelOf: (name: string) => string): CteEnv {
  const recursive = withClause.recursive === true;
  const shared: CteEnv = { defs: new Map(), parent: outer };
  let env = outer;
  for (const node of withClause.ctes ?? []) {
    const cte = as<{ ctename?: string; ctequery?: unknown; aliascolnames?: [] }>(node, 'CommonTableExpr');
    const query = as<SelectStmt>(cte?.ctequery as never, 'SelectStmt');
    if (!cte?.ctename || !query) continue; // data-modifying CTEs do not occur in a model's SELECT
    const def: CteDef = { query, label: labelOf(cte.ctename), columnAliases: stringList(cte.aliascolnames), recursive, scope, env: recursive ? shared : env };
    if (recursive) shared.defs.set(cte.ctename, def);
    else env = { defs: new Map([[cte.ctename, def]]), parent: env };
  }
  return recursive ? shared : (env ?? { defs: new Map() });
}

/** The shape of the CTE `name` seen from `env`, with its label; undefined when no CTE has that name. */
export function cteShape(env: CteEnv | undefined, name: string, resolve: SelectResolver): { shape: Shape; label: string | undefined } | undefined {
  for (let level = env; level; level = level.parent) {
    const def = level.defs.get(name);
    // A recursive CTE reading itself is inside its own label already.
    if (def) return { shape: shapeOf(def, name, resolve), label: def.resolving ? undefined : def.label };
  }
  return undefined;
}

function shapeOf(def: CteDef, name: string, resolve: SelectResolver): Shape {
  if (def.shape) return def.shape;
  if (def.resolving) return def.partial ?? unknownShape(`recursive CTE ${name} is read before its first term`);
  def.resolving = true;
  if (def.recursive && def.query.op !== 'SETOP_NONE' && def.query.larg) {
    def.partial = renameColumns(resolve(def.query.larg, def.scope, def.env), def.columnAliases);
  }
  def.shape = renameColumns(resolve(def.query, def.scope, def.env), def.columnAliases);
  def.resolving = false;
  return def.shape;
}
