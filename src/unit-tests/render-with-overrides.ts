/**
 * Renders a model again for one unit test, with its overrides: is_incremental() returns what the
 * test says (dbt makes incremental models set it), vars and environment variables the test gives
 * win over the project's, and other macros named under `macros:` return the given value. Pure: the
 * macro globals are put back after the render.
 */
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics.js';
import type { ModelNode } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import { RenderScope, thisMarker, type RenderGlobals } from '../jinja/render-scope.js';
import { compileTemplate } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import type { OverridesSpec } from '../project/unit-test-spec.js';
import { UnitTestErrors } from './error-codes.js';

/** What one render of the model found. */
export interface UnitTestRender {
  /** With relation markers; resolved later with the models'. */
  sql: string;
  refs: string[];
  sources: [string, string][];
  /** The SQL reads `{{ this }}` (an incremental render): the model's own table must exist. */
  usesThis: boolean;
}

/** What the render needs from compile. */
export interface RenderContext {
  env: nunjucks.Environment;
  scopes: RenderGlobals;
  target: { name: string; type: string; schema: string };
}

/** Renders `model` with `overrides`; undefined when it fails (reported). */
export function renderWithOverrides(
  ctx: RenderContext,
  model: ModelNode,
  file: TemplateFile,
  overrides: OverridesSpec | undefined,
  label: string,
  report: (d: Diagnostic) => void,
): UnitTestRender | undefined {
  const scope = new RenderScope(model.name);
  scope.node = { resourceType: 'model', path: file.path };
  const { is_incremental: incremental, ...macros } = overrides?.macros ?? {};
  if (incremental !== undefined && typeof incremental !== 'boolean') {
    report({ code: UnitTestErrors.badOverride, message: `unit test ${label}: is_incremental must be true or false, got ${JSON.stringify(incremental)}`, location: overrides!.at, hint: 'is_incremental: true renders the incremental branch of the model' });
  }
  scope.incremental = incremental === true;
  if (overrides) scope.overrides = { vars: overrides.vars, env: overrides.envVars };
  const restore = overrideMacros(ctx.env, macros, (name) => report({
    code: UnitTestErrors.badOverride, message: `unit test ${label} overrides macro '${name}', which does not exist`,
    location: overrides!.at, hint: 'name a macro of macros/ or a built-in one (is_incremental)',
  }));
  ctx.scopes.enter(scope);
  try {
    const sql = compileTemplate(ctx.env, file.source, file.path).render({});
    return { sql, refs: scope.refs, sources: scope.sources, usesThis: sql.includes(String(thisMarker(model.name))) };
  } catch (error) {
    const diagnostic = templateErrorToDiagnostic(error, file.path, model.id, scope.raised, file.source);
    report({ ...diagnostic, message: `in unit test ${label}: ${diagnostic.message}` });
    return undefined;
  } finally {
    restore();
  }
}

/** Replaces each named macro by one returning the given value; returns how to put them back. */
function overrideMacros(env: nunjucks.Environment, macros: Record<string, unknown>, unknown: (name: string) => void): () => void {
  const saved: [string, unknown][] = [];
  for (const [name, value] of Object.entries(macros)) {
    let previous: unknown;
    try {
      previous = env.getGlobal(name);
    } catch {
      unknown(name);
      continue;
    }
    saved.push([name, previous]);
    env.addGlobal(name, () => value);
  }
  return () => {
    for (const [name, previous] of saved) env.addGlobal(name, previous);
  };
}
