import type nunjucks from 'nunjucks';
import { fileContext } from '../jinja/macro-registry.js';
import { CompileErrors } from './error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { closestName } from '../diagnostics.js';
import type { IncrementalSpec, ModelConfig, ModelHooks } from '../manifest/manifest.js';
import { INCREMENTAL_STRATEGIES, type IncrementalStrategy } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import type { RenderGlobals } from '../jinja/render-scope.js';
import { RenderScope } from '../jinja/render-scope.js';
import { compileTemplate } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';

/** Reports a problem of one model; `near` is text of its file the diagnostic points at. */
type Report = (diagnostic: Omit<Diagnostic, 'node' | 'location'>, near?: string) => void;

/** What renderModelExtras needs: the environment, the model's first render and its config. */
export interface ExtrasInput {
  env: nunjucks.Environment;
  scopes: RenderGlobals;
  /** The scope of the first render (is_incremental() false): refs found later are added to it. */
  scope: RenderScope;
  name: string;
  file: TemplateFile;
  target: { name: string; type: string; schema: string };
  config: ModelConfig;
  /** Template errors of the second render become diagnostics here. */
  diagnostics: Diagnostic[];
  report: Report;
}

/** The parts of a model beyond its SELECT: the incremental render and spec, and the hooks. */
export function renderModelExtras(input: ExtrasInput): { incremental?: IncrementalSpec; hooks?: ModelHooks } {
  const hooks = renderHooks(input);
  if (input.config.materialized === 'ephemeral' && hooks) {
    input.report({ code: CompileErrors.ephemeralHooks, message: `ephemeral model '${input.name}' has hooks, which would never run`, hint: 'an ephemeral model is only inlined; move the hooks to a model that is built' }, 'hook');
  }
  if (input.config.materialized !== 'incremental') return hooks ? { hooks } : {};
  const spec = incrementalConfig(input.config.extra, input.report);
  const compiledSql = renderIncremental(input);
  if (!spec || compiledSql === undefined) return hooks ? { hooks } : {};
  return { incremental: { ...spec, compiledSql }, ...(hooks ? { hooks } : {}) };
}

/**
 * Compile cannot know whether the table exists, so an incremental model is rendered a second time
 * with is_incremental() true; the planner picks one render with the warehouse state. A ref found
 * only in the second render (inside `{% if is_incremental() %}`) still counts.
 */
function renderIncremental(input: ExtrasInput): string | undefined {
  const second = new RenderScope(input.name);
  second.incremental = true;
  second.node = input.scope.node;
  second.package = input.scope.package;
  input.scopes.enter(second);
  try {
    return compileTemplate(input.env, input.file.source, input.file.path).render(fileContext(input.env, input.file));
  } catch (error) {
    input.diagnostics.push(templateErrorToDiagnostic(error, input.file.path, `model.${input.name}`, second.raised, input.file.source));
    return undefined;
  } finally {
    if (second.introspects) input.scope.introspects = true;
    for (const ref of second.refs) if (!input.scope.refs.includes(ref)) input.scope.refs.push(ref);
    for (const key of second.followsLoads) if (!input.scope.followsLoads.includes(key)) input.scope.followsLoads.push(key);
    for (const pair of second.sources) {
      if (!input.scope.sources.some(([s, t]) => s === pair[0] && t === pair[1])) input.scope.sources.push(pair);
    }
    input.scopes.enter(input.scope);
  }
}

type IncrementalConfig = Omit<IncrementalSpec, 'compiledSql'>;

function incrementalConfig(extra: Record<string, unknown>, report: Report): IncrementalConfig | undefined {
  const uniqueKey = keyList(extra.unique_key);
  if (uniqueKey === undefined) {
    report({ code: CompileErrors.badUniqueKey, message: 'unique_key must be a column name or a list of column names', hint: "e.g. unique_key='id' or unique_key=['user_id', 'day']" }, 'unique_key');
    return undefined;
  }
  const given = extra.incremental_strategy ?? (uniqueKey.length > 0 ? 'delete+insert' : 'append');
  const strategy = String(given) as IncrementalStrategy;
  if (!INCREMENTAL_STRATEGIES.includes(strategy)) {
    const close = closestName(strategy, INCREMENTAL_STRATEGIES);
    report({ code: CompileErrors.unknownStrategy, message: `unknown incremental_strategy '${strategy}'`, hint: close ? `did you mean '${close}'?` : `use one of: ${INCREMENTAL_STRATEGIES.join(', ')}` }, 'incremental_strategy');
    return undefined;
  }
  if (strategy !== 'append' && uniqueKey.length === 0) {
    report({ code: CompileErrors.badUniqueKey, message: `incremental_strategy '${strategy}' needs a unique_key`, hint: "add unique_key='column' to config(), or use incremental_strategy='append'" }, 'incremental_strategy');
    return undefined;
  }
  if (extra.on_schema_change !== undefined && extra.on_schema_change !== 'fail') {
    report({ code: CompileErrors.onSchemaChange, message: `on_schema_change '${String(extra.on_schema_change)}' is not supported`, hint: "a changed model always fails with a hint to --full-refresh (on_schema_change='fail')" }, 'on_schema_change');
  }
  const fullRefresh = typeof extra.full_refresh === 'boolean' ? extra.full_refresh : undefined;
  return { strategy, uniqueKey, ...(fullRefresh === undefined ? {} : { fullRefresh }) };
}

function keyList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string' && v.trim() !== '')) return undefined;
  return list.map((v: string) => v.trim());
}

/** pre_hook/post_hook: a string or a list of strings, each a template rendered with `this`. */
function renderHooks(input: ExtrasInput): ModelHooks | undefined {
  const pre = renderHookList(input, 'pre_hook');
  const post = renderHookList(input, 'post_hook');
  return pre.length > 0 || post.length > 0 ? { pre, post } : undefined;
}

function renderHookList(input: ExtrasInput, key: 'pre_hook' | 'post_hook'): string[] {
  const value = input.config.extra[key];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((v) => typeof v === 'string')) {
    input.report({ code: CompileErrors.badHook, message: `${key} must be a SQL statement or a list of them`, hint: `e.g. ${key}="grant select on {{ this }} to reporter"` }, key);
    return [];
  }
  const rendered: string[] = [];
  for (const hook of list as string[]) {
    try {
      rendered.push(input.env.renderString(hook, fileContext(input.env, input.file)));
    } catch (error) {
      const diagnostic = templateErrorToDiagnostic(error, input.file.path, `model.${input.name}`, input.scope.raised, input.file.source);
      input.report({ code: diagnostic.code, message: `in ${key}: ${diagnostic.message}`, hint: diagnostic.hint }, key);
    }
  }
  return rendered;
}
