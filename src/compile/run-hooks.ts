import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics.js';
import type { RunHooks } from '../manifest/manifest.js';
import type { RenderGlobals } from '../jinja/render-scope.js';
import { RenderScope } from '../jinja/render-scope.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';

/** on_run_start/on_run_end as project.yml gives them: unrendered templates. */
export interface RunHookTemplates {
  onRunStart?: string[];
  onRunEnd?: string[];
}

/**
 * Renders the project's on_run_start/on_run_end with the models' environment (var, env_var, ref,
 * source, target; there is no `this`). Undefined when the project has none.
 */
export function renderRunHooks(
  env: nunjucks.Environment,
  scopes: RenderGlobals,
  templates: RunHookTemplates,
  target: { name: string; type: string; schema: string },
  diagnostics: Diagnostic[],
): RunHooks | undefined {
  const render = (key: 'on_run_start' | 'on_run_end', hooks: string[] = []) => hooks.map((hook) => {
    const scope = new RenderScope(key);
    scopes.enter(scope);
    try {
      return env.renderString(hook, {});
    } catch (error) {
      const diagnostic = templateErrorToDiagnostic(error, 'project.yml', undefined, scope.raised);
      diagnostics.push({ ...diagnostic, message: `in ${key}: ${diagnostic.message}`, location: { file: 'project.yml' } });
      return '';
    }
  });
  const hooks = { onRunStart: render('on_run_start', templates.onRunStart), onRunEnd: render('on_run_end', templates.onRunEnd) };
  return hooks.onRunStart.length > 0 || hooks.onRunEnd.length > 0 ? hooks : undefined;
}

/** Resolves the relation markers of rendered run hooks. */
export function resolveRunHooks(hooks: RunHooks, resolve: (sql: string) => string): RunHooks {
  return { onRunStart: hooks.onRunStart.map(resolve), onRunEnd: hooks.onRunEnd.map(resolve) };
}
