/**
 * Calls a `test_<name>` macro the way dbt calls a generic test: with `model` (the quoted relation,
 * or a `where` subquery), `column_name` (quoted) and the schema file's arguments as keywords.
 * A string argument written `ref('x')` or `source('s', 't')` arrives as that quoted relation.
 */
import type { Position } from '../diagnostics.js';
import { relationMarker, RenderScope, resolveMarkers } from '../jinja/render-scope.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import { macroRegistryOf } from '../jinja/macro-registry.js';
import { MarkedRelation } from '../jinja/context/relation.js';
import { modelId, sourceId } from '../manifest/manifest.js';
import { TestErrors } from './error-codes.js';
import type { GenericCall } from './render-builtin.js';
import { argumentProblem, looksLikeRelation, missingRef, resolveRelation, testId, type TestCompileContext } from './test-context.js';
import type { TestMacro } from './test-macros.js';

/** A test's SQL and what it reads besides the tested model. */
export interface RenderedTest {
  sql: string;
  refs: string[];
  sources: [string, string][];
  dependsOn: string[];
}

/** Which test is rendered, for messages. */
export interface TestAbout {
  name: string;
  at: Position;
  where: string;
}

/** Renders the macro; undefined (reported) when an argument names nothing or the macro fails. */
export function renderTestMacro(macro: TestMacro, call: GenericCall, about: TestAbout, ctx: TestCompileContext): RenderedTest | undefined {
  const rendered: RenderedTest = { sql: '', refs: [], sources: [], dependsOn: [] };
  const kwargs = keywordArgs(call, about, ctx, rendered);
  if (!kwargs) return undefined;
  const scope = new RenderScope(about.name);
  ctx.scopes.enter(scope);
  let output: unknown;
  try {
    const render = (macro.package ? macroRegistryOf(ctx.env).namespace(macro.package)[macro.macro] : ctx.env.getGlobal(macro.macro)) as (...args: unknown[]) => unknown;
    output = render(kwargs);
  } catch (error) {
    const diagnostic = templateErrorToDiagnostic(error, macro.file, testId(about.name), scope.raised);
    const at = diagnostic.location?.line === undefined ? `${macro.file}:${macro.line}` : `${macro.file}:${diagnostic.location.line}`;
    ctx.report({
      code: scope.raised?.code ?? TestErrors.badTestMacro,
      message: `test macro ${macro.macro} failed for ${about.where} (${at}): ${diagnostic.message}`,
      location: about.at,
      node: testId(about.name),
      hint: diagnostic.hint,
    });
    return undefined;
  }
  return withMacroRelations(String(output).trim(), scope, call, about, ctx, rendered);
}

function keywordArgs(call: GenericCall, about: TestAbout, ctx: TestCompileContext, rendered: RenderedTest): Record<string, unknown> | undefined {
  // `__keywords` is how nunjucks tells keyword arguments from a positional object.
  // `model` prints as the tested SQL and has a Relation's parts (`model.identifier`), as in dbt.
  const model = call.relation ? new MarkedRelation(call.model, () => call.relation!) : call.model;
  const kwargs: Record<string, unknown> = { __keywords: true, model };
  if (call.column !== undefined) kwargs.column_name = call.column;
  for (const [name, arg] of call.args) {
    if (name === 'column_name') continue;
    if (typeof arg.value !== 'string' || !looksLikeRelation(arg.value)) {
      kwargs[name] = arg.value;
      continue;
    }
    const relation = resolveRelation(arg.value, ctx);
    if ('problem' in relation && relation.reported) return undefined;
    if ('problem' in relation) return argumentProblem(ctx, arg.at, `\`${name}\` of the test on ${about.where}: ${relation.problem}`, relation.hint);
    kwargs[name] = relation.sql;
    rendered.dependsOn.push(relation.id);
    if (relation.ref) rendered.refs.push(relation.ref);
    if (relation.source) rendered.sources.push(relation.source);
  }
  return kwargs;
}

/** Swaps the markers of ref()/source() calls inside the macro for relations, and records them. */
function withMacroRelations(
  sql: string,
  scope: RenderScope,
  call: GenericCall,
  about: TestAbout,
  ctx: TestCompileContext,
  rendered: RenderedTest,
): RenderedTest | undefined {
  const missing = missingRef(scope.refs, ctx);
  if (missing) {
    const disabled = missing.report;
    if (disabled) ctx.report({ code: TestErrors.badTestMacro, message: `the test on ${about.where} refs '${disabled}', which is disabled`, location: about.at });
    return undefined;
  }
  rendered.refs.push(...scope.refs);
  rendered.sources.push(...scope.sources);
  rendered.dependsOn.push(...scope.refs.map(modelId), ...scope.sources.map(([s, t]) => sourceId(s, t)));
  // ref()/source() markers stay for compile to resolve; `this` in a test macro is the tested relation.
  rendered.sql = resolveMarkers(sql, (kind, key) => (kind === 'this' ? call.model : relationMarker(kind, key)));
  return rendered;
}
