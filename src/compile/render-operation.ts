/**
 * `sparkify run-operation MACRO --args '{...}'`: the macro called with the arguments as keywords,
 * rendered like a model (ref, source, var, target). What it renders is the SQL the command runs.
 * dbt's macros usually act through run_query()/do; until the Jinja runtime provides them, a macro
 * whose body is SQL statements is rendered and those statements are run (see run/run-operation.ts).
 */
import type nunjucks from 'nunjucks';
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { RenderGlobals } from '../templates/render-scope.js';
import { RenderScope } from '../templates/render-scope.js';
import { templateErrorToDiagnostic } from '../templates/template-error.js';
import { CompileErrors } from './error-codes.js';

/** The macro to run and its arguments. */
export interface OperationCall {
  macro: string;
  args: Record<string, unknown>;
}

/** The macro's output with relation markers (resolved by compile); undefined when it failed (reported). */
export function renderOperation(
  env: nunjucks.Environment,
  scopes: RenderGlobals,
  call: OperationCall,
  macroFiles: readonly { source: string }[],
  diagnostics: Diagnostic[],
): string | undefined {
  const macro = globalMacro(env, call.macro);
  if (!macro) {
    const close = closestName(call.macro, macroNames(macroFiles));
    diagnostics.push({
      code: CompileErrors.badOperation,
      message: `run-operation: the project defines no macro '${call.macro}'`,
      hint: close ? `did you mean '${close}'?` : 'define it with {% macro name(args) %} ... {% endmacro %} in a file under macros/',
    });
    return undefined;
  }
  const scope = new RenderScope(`operation ${call.macro}`);
  scopes.enter(scope);
  try {
    // `__keywords` is how nunjucks tells keyword arguments from a positional object; `target` as models see it.
    return String(macro({ ...call.args, __keywords: true }));
  } catch (error) {
    const diagnostic = templateErrorToDiagnostic(error, `macro ${call.macro}`, undefined, scope.raised);
    diagnostics.push({ ...diagnostic, code: scope.raised?.code ?? CompileErrors.badOperation, message: `run-operation ${call.macro}: ${diagnostic.message}` });
    return undefined;
  }
}

function globalMacro(env: nunjucks.Environment, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (BUILTINS.has(name)) return undefined;
  try {
    const value = env.getGlobal(name) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Names of the macros the project's files define. */
function macroNames(files: readonly { source: string }[]): string[] {
  return files.flatMap((file) => [...file.source.matchAll(/\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]));
}

/** Globals sparkify installs that are not project macros. */
const BUILTINS = new Set(['ref', 'source', 'config', 'is_incremental', 'var', 'env_var', 'range', 'lipsum', 'cycler', 'joiner']);
