import type nunjucks from 'nunjucks';
import { TemplateErrors } from './error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { closestName } from '../diagnostics.js';

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
  readonly config: Record<string, unknown> = {};
  /** The diagnostic our own function raised; nunjucks only keeps its message. */
  raised?: Diagnostic;
  /** What is_incremental() returns: incremental models are rendered once each way (see IncrementalSpec). */
  incremental = false;
  /** A unit test's `overrides:` vars and env_vars, which win over the project's in this render. */
  overrides?: { vars: Record<string, unknown>; env: Record<string, string> };

  constructor(readonly modelName: string) {}
}

const MARK = '\u0001';
const MARKER = /\u0001(ref|source|this):([^\u0001]*)\u0001/g;

/** A value printed into SQL that stands for a relation until markers are resolved. */
class RelationMarker {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** The names a template may refer to, known before any template renders. */
export interface KnownNames {
  models: Set<string>;
  /** `source.table` keys. */
  sourceTables: Set<string>;
  vars: Record<string, unknown>;
  env: Record<string, string | undefined>;
}

/** What compile keeps of the globals: switching the scope they report into, and raising from it. */
export interface RenderGlobals {
  /** Makes `scope` the one the globals report into (one per model or macro file). */
  enter(scope: RenderScope): void;
  /** Fails the render with a diagnostic that keeps its code and hint (nunjucks keeps only the message). */
  raise(diagnostic: Diagnostic): never;
}

/** Installs ref/source/config/var/env_var as globals that report into the current scope. */
export function installRenderGlobals(env: nunjucks.Environment, known: KnownNames): RenderGlobals {
  let scope = new RenderScope('');
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
    return new RelationMarker(`${MARK}ref:${model}${MARK}`);
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
    return new RelationMarker(`${MARK}source:${key}${MARK}`);
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

  env.addGlobal('var', (name: unknown, fallback?: unknown) => {
    const key = String(name);
    if (scope.overrides && key in scope.overrides.vars) return scope.overrides.vars[key];
    if (key in known.vars) return known.vars[key];
    if (fallback !== undefined) return fallback;
    const close = closestName(key, Object.keys(known.vars));
    return raise({
      code: TemplateErrors.unknownVar,
      message: `var '${key}' is not defined and has no default`,
      hint: close ? `did you mean var('${close}')?` : `define it under vars: in project.yml, pass --vars '{"${key}": ...}', or give a default: var('${key}', ...)`,
    });
  });

  env.addGlobal('env_var', (name: unknown, fallback?: unknown) => {
    const value = scope.overrides?.env[String(name)] ?? known.env[String(name)];
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    return raise({
      code: TemplateErrors.unsetEnvVar,
      message: `environment variable ${String(name)} is not set and has no default`,
      hint: `set ${String(name)}, or give a default: env_var('${String(name)}', '...')`,
    });
  });

  return {
    enter(next: RenderScope) {
      scope = next;
    },
    raise,
  };
}

/** The marker of a relation, resolved with every other once compile knows all relations (tests write them directly). */
export function relationMarker(kind: 'ref' | 'source', key: string): string {
  return `${MARK}${kind}:${key}${MARK}`;
}

/** The marker `this` prints for the model being rendered. */
export function thisMarker(modelName: string): RelationMarker {
  return new RelationMarker(`${MARK}this:${modelName}${MARK}`);
}

/** Replaces every relation marker in rendered SQL using `lookup(kind, key)`. */
export function resolveMarkers(sql: string, lookup: (kind: 'ref' | 'source' | 'this', key: string) => string): string {
  return sql.replace(MARKER, (_, kind: 'ref' | 'source' | 'this', key: string) => lookup(kind, key));
}

/** Like resolveMarkers; `lookup` also sees the SQL that follows the marker (--empty checks for an alias there). */
export function resolveMarkersAt(sql: string, lookup: (kind: 'ref' | 'source' | 'this', key: string, following: string) => string): string {
  return sql.replace(MARKER, (match: string, kind: 'ref' | 'source' | 'this', key: string, offset: number) =>
    lookup(kind, key, sql.slice(offset + match.length, offset + match.length + 80)));
}
