/**
 * dbt's template context on a nunjucks environment: `execute`, `this`, `model`, `target`,
 * `graph`, `adapter`, `api`, `exceptions`, `log`, `print`, `modules`, `statement`/`load_result`/
 * `run_query`, `doc`, `builtins`, `invocation_id`, `run_started_at`, `flags`, `project_name`,
 * `config.get`/`config.require` and the helpers of dbt-functions.ts. Values that depend on the
 * node being rendered (`execute`, `this`, `model`) are read from the current render scope, so that
 * macros from macros/ see the calling node's, as in dbt.
 */
import { type DocBlock } from '../../manifest/manifest.js';
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../../diagnostics.js';
import { JinjaErrors } from '../error-codes.js';
import { jinjaRuntimeOf } from '../install-jinja.js';
import { pythonModules } from '../modules/index.js';
import { PyDateTime } from '../modules/datetime.js';
import { bindArgs } from '../python/call-args.js';
import { pyStr } from '../python/values.js';
import { adapterObject } from './adapter.js';
import { dbtFunctions } from './dbt-functions.js';
import { docText } from './docs-blocks.js';
import { dbtNodeId, type GraphView } from './graph-view.js';
import { introspectionFunctions, type IntrospectingScope } from './introspection-functions.js';
import { createRelation, type Relation } from './relation.js';
import type { TargetContext } from './target-context.js';
import type { TemplateLog, TemplateLogEntry } from './template-log.js';
import type { MacroRegistry } from '../macro-registry.js';

/** What the context reads from the render in progress (compile's RenderScope). */
export interface ContextScope extends IntrospectingScope {
  modelName: string;
  config: Record<string, unknown>;
  /** The node being rendered, when it has a relation of its own (`this`, `model`). */
  node?: { resourceType: 'model' | 'snapshot'; path: string };
  /** The installed package the node comes from (absent: the project's own). */
  package?: string;
}

/** The invocation templates see; compile's defaults are fixed, so that compiling stays pure. */
export interface Invocation {
  id: string;
  startedAt: Date;
}

/** Fixed at compile unless the caller gives the real ones: compile reads no clock. */
const COMPILE_INVOCATION: Invocation = { id: '00000000-0000-0000-0000-000000000000', startedAt: new Date(0) };

/** What installDbtContext needs. */
export interface DbtContextOptions {
  scope(): ContextScope;
  raise(diagnostic: Diagnostic): never;
  /** The relation `this` stands for in `scope` (undefined when the node has none). */
  thisRelation(scope: ContextScope): Relation | undefined;
  projectName: string;
  target: TargetContext;
  modelDefaults?: { materialized: string; tags: string[] };
  docs?: ReadonlyMap<string, DocBlock>;
  graph?: GraphView;
  invocation?: Invocation;
  flags?: Record<string, unknown>;
  log?: TemplateLog;
  /** The macro namespaces adapter.dispatch searches. */
  macros: MacroRegistry;
}

const RAISED_HINT = 'the template raised this itself (exceptions.raise_compiler_error): read the condition around that line';

/** A global whose value is read at each lookup (nunjucks reads `env.globals[name]` every time). */
function dynamicGlobal(env: nunjucks.Environment, name: string, get: () => unknown): void {
  const globals = (env as unknown as { globals: Record<string, unknown> }).globals;
  Object.defineProperty(globals, name, { get, enumerable: true, configurable: true });
}

function modelContext(options: DbtContextOptions): Record<string, unknown> | undefined {
  const scope = options.scope();
  if (!scope.node) return undefined;
  const relation = options.thisRelation(scope);
  const materialized = scope.config.materialized ?? (scope.node.resourceType === 'snapshot' ? 'snapshot' : options.modelDefaults?.materialized);
  const tags = [...(options.modelDefaults?.tags ?? []), ...[scope.config.tags ?? []].flat().map(String)];
  return {
    name: scope.modelName, unique_id: dbtNodeId(scope.node.resourceType, scope.package ?? options.projectName, scope.modelName), resource_type: scope.node.resourceType,
    package_name: scope.package ?? options.projectName, path: scope.node.path, original_file_path: scope.node.path,
    alias: relation?.identifier ?? scope.modelName, schema: relation?.schema ?? null, database: relation?.database ?? null,
    config: { ...scope.config, materialized }, tags, description: pyStr(scope.config.description ?? ''),
  };
}

/** Adds dbt's context to `env` (after ref/source/config/var/env_var). */
export function installDbtContext(env: nunjucks.Environment, options: DbtContextOptions): void {
  const jinja = jinjaRuntimeOf(env);
  const introspect = introspectionFunctions(options.scope, options.raise);
  const invocation = options.invocation ?? COMPILE_INVOCATION;
  const say = (level: TemplateLogEntry['level'], message: unknown, code?: string) => {
    // A warning from a macro of another file names the node that called it, as errors do.
    const caller = options.scope().node?.path;
    const calledFrom = code && caller && jinja.position && jinja.position.file !== caller ? ` (in a macro called from ${caller})` : '';
    options.log?.({ level, message: pyStr(message) + calledFrom, location: jinja.position, ...(code ? { code } : {}) });
    return '';
  };
  dynamicGlobal(env, 'execute', () => {
    const scope = options.scope();
    scope.introspects = true;
    return scope.execute;
  });
  dynamicGlobal(env, 'this', () => options.thisRelation(options.scope()));
  dynamicGlobal(env, 'model', () => modelContext(options));
  const globals: Record<string, unknown> = {
    ...dbtFunctions(),
    target: options.target,
    project_name: options.projectName,
    graph: options.graph ?? { nodes: {}, sources: {}, exposures: {}, metrics: {} },
    adapter: adapterObject(env, options.target, introspect, { macros: options.macros, callerPackage: () => options.scope().package, raise: options.raise }),
    api: { Relation: { create: createRelation } },
    exceptions: {
      raise_compiler_error: (...args: unknown[]) => options.raise({ code: JinjaErrors.raisedByTemplate, message: pyStr(bindArgs('raise_compiler_error', args, ['msg']).msg), hint: RAISED_HINT }),
      raise_not_implemented: (...args: unknown[]) => options.raise({ code: JinjaErrors.raisedByTemplate, message: `not implemented: ${pyStr(bindArgs('raise_not_implemented', args, ['msg']).msg)}`, hint: RAISED_HINT }),
      warn: (...args: unknown[]) => say('warn', bindArgs('warn', args, ['msg']).msg, JinjaErrors.templateWarning),
    },
    log: (...args: unknown[]) => { const { msg, info } = bindArgs('log', args, ['msg', ['info', false]]); return say(info === true ? 'info' : 'debug', msg); },
    print: (...args: unknown[]) => say('print', bindArgs('print', args, [['msg', '']]).msg),
    modules: pythonModules(() => invocation.startedAt),
    statement: introspect.statement,
    load_result: introspect.load_result,
    run_query: introspect.run_query,
    doc: (...args: unknown[]) => {
      // doc('name') or doc('package', 'name'): block names are unique across the project and its packages.
      const { first, second } = bindArgs('doc', args, ['first', ['second', null]]);
      const text = docText(options.docs ?? new Map(), pyStr(second ?? first));
      return typeof text === 'string' ? text : options.raise(text);
    },
    builtins: { ref: env.getGlobal('ref'), source: env.getGlobal('source'), config: env.getGlobal('config') },
    invocation_id: invocation.id,
    run_started_at: new PyDateTime(invocation.startedAt.getTime() * 1000),
    flags: { FULL_REFRESH: false, STORE_FAILURES: false, WHICH: 'compile', ...options.flags },
  };
  for (const [name, value] of Object.entries(globals)) env.addGlobal(name, value);
  addConfigAccessors(env, options);
}

/** `config.get('key', default)` and `config.require('key')`, as macros read a model's config. */
function addConfigAccessors(env: nunjucks.Environment, options: DbtContextOptions): void {
  const config = env.getGlobal('config') as Record<string, unknown>;
  config.get = (...args: unknown[]) => {
    const { key, default: fallback } = bindArgs('config.get', args, ['key', ['default', null]]);
    const value = options.scope().config[String(key)];
    return value === undefined ? fallback : value;
  };
  config.require = (...args: unknown[]) => {
    const { key } = bindArgs('config.require', args, ['key']);
    const value = options.scope().config[String(key)];
    if (value !== undefined) return value;
    return options.raise({ code: JinjaErrors.raisedByTemplate, message: `config '${String(key)}' is required here and not set`, hint: `set it: {{ config(${String(key)}=...) }}` });
  };
}
