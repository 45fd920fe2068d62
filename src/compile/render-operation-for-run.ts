/**
 * The run-time render of `sparkify run-operation MACRO`: dbt calls the macro with `execute` true on
 * the operation's connection, so run_query(), statement() and adapter.get_relation() act on the
 * warehouse while it renders ("Macros run with run-operation ... use run_query to execute SQL",
 * docs.getdbt.com/reference/commands/run-operation). The render is the same suspend-and-retry loop
 * as a model's (src/jinja/context/introspection.ts): a query runs once, its answer is cached for the
 * passes after it. What the macro prints, relation markers resolved, is returned: sparkify runs it
 * too, so a macro whose body is plain SQL statements also works (a sparkify extension).
 */
import type { Diagnostic } from '../diagnostics.js';
import { SparkifyError } from '../diagnostics.js';
import { engineOf } from '../engines/registry.js';
import { IntrospectionSession, renderIntrospecting } from '../jinja/context/introspection.js';
import type { TemplateLogEntry } from '../jinja/context/template-log.js';
import { installRenderGlobals, RenderScope } from '../jinja/render-scope.js';
import { createTemplateEnvironment } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import { CompileErrors } from './error-codes.js';
import { registerMacros } from './register-macros.js';
import { knownNames, manifestResolver, type RunRenderInput } from './render-for-run.js';
import { globalMacro, type OperationCall } from './render-operation.js';

/** What rendering an operation at run time needs: compile's input, its manifest and the warehouse. */
export type OperationRenderInput = Pick<RunRenderInput, 'compile' | 'manifest' | 'introspector' | 'invocation' | 'flags'>;

/** Calls the macro with `execute` true; returns its output with relations resolved. Throws SparkifyError. */
export async function renderOperationForRun(run: OperationRenderInput, call: OperationCall): Promise<string> {
  // Each pass of the render says the macro's log() lines again: only the last (complete) pass's are kept.
  let said: TemplateLogEntry[] = [];
  const { macro, scopes, resolve } = operationMacro({ ...run, compile: { ...run.compile, log: (entry) => said.push(entry) } }, call);
  const session = new IntrospectionSession(resolve);
  const render = () => {
    said = [];
    const scope = Object.assign(new RenderScope(`operation ${call.macro}`), { execute: true, introspection: session });
    scopes.enter(scope);
    try {
      // `__keywords` is how nunjucks tells keyword arguments from a positional object.
      return String(macro({ ...call.args, __keywords: true }));
    } catch (error) {
      // A pending question goes back to the loop; anything else is the template's error. A failing
      // query is not caught here: it fails in the loop's fetch, as the database said it.
      if (session.pending || error instanceof SparkifyError) throw error;
      const diagnostic = templateErrorToDiagnostic(error, `macro ${call.macro}`, undefined, scope.raised);
      throw new SparkifyError({ ...diagnostic, code: scope.raised?.code ?? CompileErrors.badOperation, message: `run-operation ${call.macro}: ${diagnostic.message}` });
    }
  };
  const output = resolve(await renderIntrospecting(render, run.introspector, session));
  for (const entry of said) run.compile.log?.(entry);
  return output;
}

/** The macro in an environment like compile's (the run's relations and context), and how to resolve its relations. */
function operationMacro(run: OperationRenderInput, call: OperationCall) {
  const problems: Diagnostic[] = [];
  const engine = engineOf(run.compile.project.target);
  const env = createTemplateEnvironment(engine.quoting);
  const scopes = installRenderGlobals(env, knownNames(run, (d) => problems.push(d)));
  registerMacros(env, [...run.compile.files.macros, ...(run.compile.dataTests?.generic ?? [])], scopes, run.compile.project.target.type, problems);
  if (problems.length > 0) throw new SparkifyError(problems);
  const macro = globalMacro(env, call.macro);
  // Compile found the macro already; this guards a macro file changed in between.
  if (!macro) throw new SparkifyError({ code: CompileErrors.badOperation, message: `run-operation: the project defines no macro '${call.macro}'` });
  return { macro, scopes, resolve: manifestResolver(run.manifest, engine.quoting) };
}
