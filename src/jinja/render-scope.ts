import type { DocBlock } from '../manifest/manifest.js';
import type nunjucks from 'nunjucks';
import { JinjaErrors, TemplateErrors } from './error-codes.js';
import { SECRET_ENV_PREFIX } from '../project/secret-env.js';
import type { Diagnostic } from '../diagnostics.js';
import { closestName } from '../diagnostics.js';
import { installLoadsMacro } from './context/loads-macro.js';
import { installDbtContext, type Invocation } from './context/dbt-context.js';
import type { GraphView } from './context/graph-view.js';
import type { IntrospectionSession } from './context/introspection.js';
import { MarkedRelation, type RelationParts } from './context/relation.js';
import { bindArgs } from './python/call-args.js';
import type { TargetContext } from './context/target-context.js';
import type { TemplateLog } from './context/template-log.js';
import { attachMacroRegistry, MacroRegistry } from './macro-registry.js';

/**
 * What one model's render discovered: its refs, sources and config() values.
 *
 * ref()/source()/this cannot print the final relation name yet: the referenced model's schema and
 * alias come from its own config(), which may not have been rendered. They print a marker that
 * `resolveMarkers` swaps for the quoted relation once every model is rendered — one render per
 * model instead of dbt's parse-then-compile double render.
 */
export class RenderScope {
  readonly refs: string[] = [];
  readonly sources: [string, string][] = [];
  /** `source.table` keys whose loads the model follows (loaded_since_last_build). */
  readonly followsLoads: string[] = [];
  readonly config: Record<string, unknown> = {};
  /** The diagnostic our own function raised; nunjucks only keeps its message. */
  raised?: Diagnostic;
  /** What is_incremental() returns: incremental models are rendered once each way (see IncrementalSpec). */
  incremental = false;
  /** A unit test's `overrides:` vars and env_vars, which win over the project's in this render. */
  overrides?: { vars: Record<string, unknown>; env: Record<string, string> };
  /** The node rendered, when it has a relation of its own: templates then see `this` and `model`. */
  node?: { resourceType: 'model' | 'snapshot'; path: string };
  /** dbt's `execute`: false at compile; true when the run renders the node again to build it. */
  execute = false;
  /** The template read `execute` or asked the warehouse: the run must render it again (execute true). */
  introspects = false;
  /** Answers from the warehouse for a run-time render (src/jinja/context/introspection.ts). */
  introspection?: IntrospectionSession;
  /** statement() results by name, for load_result(). */
  readonly results = new Map<string, unknown>();
  /** The installed package the node comes from: its vars and its own macros come first (absent: the project's). */
  package?: string;

  constructor(readonly modelName: string) {}
}

const MARK = '\u0001';
const MARKER = /\u0001(ref|source|this|consumed):([^\u0001]*)\u0001/g;

/** What a marker names: a ref, a source, `this`, or the table of a source's consumed loads. */
export type MarkerKind = 'ref' | 'source' | 'this' | 'consumed';

/** A relation printed into SQL as a marker until markers are resolved; its parts come from `resolve`. */
function marked(kind: 'ref' | 'source' | 'this', key: string, resolve: () => RelationParts): MarkedRelation {
  return new MarkedRelation(`${MARK}${kind}:${key}${MARK}`, resolve);
}

/** The names a template may refer to, known before any template renders. */
export interface KnownNames {
  models: Set<string>;
  /** `source.table` keys. */
  sourceTables: Set<string>;
  vars: Record<string, unknown>;
  env: Record<string, string | undefined>;
  /** `target` as templates see it; what the relation parts of `this` and ref() default to. */
  target?: TargetContext;
  projectName?: string;
  /** The engine keeps load ledgers (its sources load through sparkify's loader): loaded_since_last_build filters. */
  ledgers?: boolean;
  modelDefaults?: { materialized: string; schema?: string; tags: string[] };
  /**
   * The relation a ref(), source() or `this` names, for templates that read its parts
   * (`this.identifier`, `ref('x').schema`). Compile knows sources; a run-time render knows all
   * (manifestRelations). Without an answer: the name, in the default schema.
   */
  relationOf?: (kind: 'ref' | 'source' | 'this', key: string) => RelationParts | undefined;
  /** `{% docs %}` blocks, for doc(). */
  docs?: ReadonlyMap<string, DocBlock>;
  graph?: GraphView;
  /** invocation_id and run_started_at; fixed at compile unless given. */
  invocation?: Invocation;
  flags?: Record<string, unknown>;
  /** Where log(), print() and exceptions.warn() go. */
  log?: TemplateLog;
  /** `dispatch:` of the project file: a macro namespace → the packages adapter.dispatch searches, in order. */
  dispatch?: Record<string, string[]>;
  /** The vars of each installed package's nodes (its own, under the project's). */
  packageVars?: Record<string, Record<string, unknown>>;
}

/** What compile keeps of the globals: switching the scope they report into, and raising from it. */
export interface RenderGlobals {
  /** Makes `scope` the one the globals report into (one per model or macro file). */
  enter(scope: RenderScope): void;
  /** Fails the render with a diagnostic that keeps its code and hint (nunjucks keeps only the message). */
  raise(diagnostic: Diagnostic): never;
  /** The scope the globals report into now. */
  current(): RenderScope;
  /** The macro namespaces of the environment (filled by compile's registerMacros). */
  readonly macros: MacroRegistry;
}

/** Installs ref/source/config/var/env_var as globals that report into the current scope. */
export function installRenderGlobals(env: nunjucks.Environment, known: KnownNames): RenderGlobals {
  let scope = new RenderScope('');
  const macros = new MacroRegistry(known.projectName ?? '', known.dispatch);
  attachMacroRegistry(env, macros);
  const varsOf = () => (scope.package !== undefined ? known.packageVars?.[scope.package] : undefined) ?? known.vars;
  const target = known.target ?? { name: 'dev', type: 'postgres', engine: 'pglite', schema: 'public', database: null, user: null, threads: 1, profile_name: '' };
  const defaultSchema = known.modelDefaults?.schema ?? target.schema;
  const raise = (diagnostic: Diagnostic): never => {
    scope.raised = diagnostic;
    throw new Error(diagnostic.message);
  };

  env.addGlobal('ref', (name: unknown) => {
    if (typeof name !== 'string') raise({ code: TemplateErrors.badRef, message: 'ref() takes a model name as a string' });
    const model = name as string;
    if (!known.models.has(model)) {
      const close = closestName(model, known.models);
      raise({
        code: TemplateErrors.unknownRef,
        message: `unknown ref '${model}' in model '${scope.modelName}'`,
        hint: close ? `did you mean ref('${close}')?` : 'no model has that name: check models/ for the file',
      });
    }
    if (!scope.refs.includes(model)) scope.refs.push(model);
    return marked('ref', model, () => known.relationOf?.('ref', model) ?? { database: target.database, schema: defaultSchema, identifier: model });
  });

  env.addGlobal('source', (sourceName: unknown, table: unknown) => {
    const key = `${String(sourceName)}.${String(table)}`;
    if (!known.sourceTables.has(key)) {
      const close = closestName(key, known.sourceTables);
      const [s, t] = close ? close.split('.') : [];
      raise({
        code: TemplateErrors.unknownSource,
        message: `unknown source '${key}' in model '${scope.modelName}'`,
        hint: close ? `did you mean source('${s}', '${t}')?` : 'declare it in sources.yml',
      });
    }
    if (!scope.sources.some(([a, b]) => `${a}.${b}` === key)) scope.sources.push([String(sourceName), String(table)]);
    return marked('source', key, () => known.relationOf?.('source', key) ?? { database: target.database, schema: defaultSchema, identifier: String(table) });
  });

  env.addGlobal('config', (...args: unknown[]) => {
    const keywords = (args[args.length - 1] ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(keywords)) {
      if (key !== '__keywords') scope.config[key] = value;
    }
    return '';
  });

  // True only in the second render of an incremental model; the planner picks the render to run.
  env.addGlobal('is_incremental', () => scope.incremental);

  // dbt's signatures: var(var_name, default=None), env_var(var, default=None).
  env.addGlobal('var', (...args: unknown[]) => {
    const { var_name: name, default: fallback } = bindArgs('var', args, ['var_name', ['default', undefined]]);
    const key = String(name);
    const vars = varsOf();
    if (scope.overrides && key in scope.overrides.vars) return scope.overrides.vars[key];
    if (key in vars) return vars[key];
    if (fallback !== undefined) return fallback;
    const close = closestName(key, Object.keys(vars));
    return raise({
      code: TemplateErrors.unknownVar,
      message: `var '${key}' is not defined and has no default`,
      hint: close ? `did you mean var('${close}')?` : `define it under vars: in project.yml, pass --vars '{"${key}": ...}', or give a default: var('${key}', ...)`,
    });
  });

  env.addGlobal('env_var', (...args: unknown[]) => {
    const { var: name, default: fallback } = bindArgs('env_var', args, ['var', ['default', undefined]]);
    // As in dbt: a secret would end up in compiled SQL and artifacts.
    if (String(name).startsWith(SECRET_ENV_PREFIX)) {
      return raise({
        code: JinjaErrors.secretEnvVar,
        message: `env_var('${String(name)}'): secret environment variables (${SECRET_ENV_PREFIX}*) are allowed only in profiles.yml and packages.yml`,
        hint: 'read the secret in profiles.yml (a connection setting) or packages.yml (a package URL), or use a variable without the prefix if it is no secret',
      });
    }
    const value = scope.overrides?.env[String(name)] ?? known.env[String(name)];
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    return raise({
      code: TemplateErrors.unsetEnvVar,
      message: `environment variable ${String(name)} is not set and has no default`,
      hint: `set ${String(name)}, or give a default: env_var('${String(name)}', '...')`,
    });
  });

  installLoadsMacro(env, () => scope, env.getGlobal('source') as (s: unknown, t: unknown) => unknown, known.ledgers ?? false, (key) => relationMarker('consumed', key));

  installDbtContext(env, {
    scope: () => scope, raise, projectName: known.projectName ?? '', target, modelDefaults: known.modelDefaults,
    docs: known.docs, graph: known.graph, invocation: known.invocation, flags: known.flags, log: known.log, macros,
    thisRelation: (current) => (current.node ? thisRelation(current as RenderScope, known, target.database, defaultSchema) : undefined),
  });

  return {
    enter(next: RenderScope) {
      scope = next;
    },
    raise,
    current: () => scope,
    macros,
  };
}

/** The marker of a relation, resolved with every other once compile knows all relations (tests write them directly). */
export function relationMarker(kind: Exclude<MarkerKind, 'this'>, key: string): string {
  return `${MARK}${kind}:${key}${MARK}`;
}

/** `this` while a node renders: its parts follow the config() calls made so far. */
function thisRelation(scope: RenderScope, known: KnownNames, database: string | null, defaultSchema: string): MarkedRelation {
  const name = scope.modelName;
  return marked('this', name, () => known.relationOf?.('this', name) ?? {
    database,
    schema: typeof scope.config.schema === 'string' && scope.config.schema !== '' ? scope.config.schema : defaultSchema,
    identifier: typeof scope.config.alias === 'string' ? scope.config.alias : name,
    type: (scope.config.materialized ?? known.modelDefaults?.materialized) === 'view' ? 'view' : 'table',
  });
}

/** The marker `this` prints for the model being rendered. */
export function thisMarker(modelName: string): MarkedRelation {
  return marked('this', modelName, () => ({ identifier: modelName }));
}

/** Replaces every relation marker in rendered SQL using `lookup(kind, key)`. */
export function resolveMarkers(sql: string, lookup: (kind: MarkerKind, key: string) => string): string {
  return sql.replace(MARKER, (_, kind: MarkerKind, key: string) => lookup(kind, key));
}

/** Like resolveMarkers; `lookup` also sees the SQL that follows the marker (--empty checks for an alias there). */
export function resolveMarkersAt(sql: string, lookup: (kind: MarkerKind, key: string, following: string) => string): string {
  return sql.replace(MARKER, (match: string, kind: MarkerKind, key: string, offset: number) =>
    lookup(kind, key, sql.slice(offset + match.length, offset + match.length + 80)));
}
