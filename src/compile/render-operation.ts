/**
 * `sparkify run-operation MACRO --args '{...}'`: the macro called with the arguments as keywords.
 * Compile (pure) only checks that the project defines it, so a misspelled name stops the command
 * before the warehouse opens; the run calls it with `execute` true, where run_query() and
 * statement() act on the warehouse (render-operation-for-run.ts). Calling it at compile as well
 * would say its log() lines twice.
 */
import type nunjucks from 'nunjucks';
import { closestName, type Diagnostic } from '../diagnostics.js';
import { CompileErrors } from './error-codes.js';

/** The macro to run and its arguments. */
export interface OperationCall {
  macro: string;
  args: Record<string, unknown>;
}

/** Reports SPK128 when the project defines no macro `call.macro` (with the closest name). */
export function checkOperation(env: nunjucks.Environment, call: OperationCall, macroFiles: readonly { source: string }[], diagnostics: Diagnostic[]): void {
  const names = macroNames(macroFiles);
  // A project macro: written as `name`, or per dialect as `<type>__name` (dispatched under `name`).
  const defined = names.some((name) => name === call.macro || name.endsWith(`__${call.macro}`));
  if (defined && globalMacro(env, call.macro)) return;
  const close = closestName(call.macro, names);
  diagnostics.push({
    code: CompileErrors.badOperation,
    message: `run-operation: the project defines no macro '${call.macro}'`,
    hint: close ? `did you mean '${close}'?` : 'define it with {% macro name(args) %} ... {% endmacro %} in a file under macros/',
  });
}

/** The global `name` as a function (a project macro once checkOperation found it), else undefined. */
export function globalMacro(env: nunjucks.Environment, name: string): ((...args: unknown[]) => unknown) | undefined {
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
