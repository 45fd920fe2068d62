/**
 * Registers the macros of a compile's environment, package by package (src/jinja/macro-registry.ts):
 * sparkify's `dbt` package, each installed package, then the project. dbt makes the project's macros
 * (and dbt's own) callable from every template; so do we, as globals, the project's overriding
 * dbt's. A package's macros are under its name (`pkg.macro()`), and its files see them unqualified.
 * A macro written per dialect (`redshift__x`, `default__x`) is also callable as `x` in its package,
 * bound to the implementation for the target type (see dispatch.ts).
 */
import type nunjucks from 'nunjucks';
import { CompileErrors } from './error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import { resolveDispatch, splitDialectMacro } from '../jinja/dispatch.js';
import { dbtMacroFiles } from '../jinja/dbt-macros.js';
import { DBT_NAMESPACE, type MacroNamespace } from '../jinja/macro-registry.js';
import { RenderScope, type RenderGlobals } from '../jinja/render-scope.js';
import { compileTemplate } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import type { TemplateFile } from '../project/project-files.js';

/** A macro as exported from its file. */
interface Defined {
  macro: unknown;
  file: string;
  source: string;
}

/** `{% macro name(` and `{% test name(` (which defines `test_name`): a file's macro names, before it is exported. */
const MACRO_NAME = /\{%-?\s*(macro|test)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;

/** Registers sparkify's `dbt` macros and `macros` (the project's and its packages', by TemplateFile.package). */
export function registerMacros(env: nunjucks.Environment, macros: TemplateFile[], scopes: RenderGlobals, targetType: string, diagnostics: Diagnostic[]): void {
  const registry = scopes.macros;
  const groups = new Map<string, TemplateFile[]>([[DBT_NAMESPACE, dbtMacroFiles()]]);
  for (const file of macros) {
    const pkg = file.package?.name ?? registry.rootName;
    groups.set(pkg, [...(groups.get(pkg) ?? []), file]);
  }
  // The project's last: its plain `x` wins over a package's dispatch alias of the same name.
  const order = [...groups.keys()].filter((pkg) => pkg !== registry.rootName);
  for (const pkg of [...order, registry.rootName]) {
    const namespace = registry.namespace(pkg);
    const defined = exportMacros(env, groups.get(pkg) ?? [], scopes, pkg === registry.rootName ? undefined : pkg, diagnostics);
    for (const [name, { macro }] of defined) namespace[name] = macro;
    addDispatchAliases(namespace, defined, scopes, targetType, pkg === registry.rootName ? { diagnostics, lower: registry.namespace(DBT_NAMESPACE) } : undefined);
    env.addGlobal(pkg, namespace);
  }
  for (const pkg of [DBT_NAMESPACE, registry.rootName]) {
    for (const [name, macro] of Object.entries(registry.namespace(pkg))) env.addGlobal(name, macro);
  }
}

/** Exports the macros of one package's files; each file sees the package's macros unqualified. */
function exportMacros(env: nunjucks.Environment, files: TemplateFile[], scopes: RenderGlobals, pkg: string | undefined, diagnostics: Diagnostic[]): Map<string, Defined> {
  const defined = new Map<string, Defined>();
  const context = scopes.macros.localContext(pkg, macroNames(files));
  for (const file of files) {
    const scope = new RenderScope(`macro file ${file.path}`);
    scopes.enter(scope);
    try {
      const template = compileTemplate(env, file.source, file.path);
      // getExported is public nunjucks API (used by {% import %}) but missing from @types/nunjucks.
      const exportable = template as unknown as { getExported(ctx: object, cb: (e: Error | null, x: Record<string, unknown>) => void): void };
      exportable.getExported(context, (error, exported) => {
        if (error) throw error;
        for (const [name, macro] of Object.entries(exported)) defined.set(name, { macro, file: file.path, source: file.source });
      });
    } catch (error) {
      diagnostics.push(templateErrorToDiagnostic(error, file.path, undefined, scope.raised, file.source));
    }
  }
  return defined;
}

/** The names a package's files will define, and the `x` of each `<dialect>__x` among them. */
function macroNames(files: TemplateFile[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    for (const [, kind, name] of file.source.matchAll(MACRO_NAME)) names.add(kind === 'test' ? `test_${name}` : name);
  }
  for (const name of [...names]) {
    const split = splitDialectMacro(name);
    if (split) names.add(split.base);
  }
  return names;
}

/**
 * `x` for each `<dialect>__x` of the namespace: the implementation for the target type. In the
 * project (`root` given) a plain `x` beside them is reported, and an `x` no dialect of the target
 * implements falls back to sparkify's `dbt` one, or fails when called.
 */
function addDispatchAliases(
  namespace: MacroNamespace,
  defined: Map<string, Defined>,
  scopes: RenderGlobals,
  targetType: string,
  root?: { diagnostics: Diagnostic[]; lower: MacroNamespace },
): void {
  for (const dispatched of resolveDispatch(defined.keys(), targetType)) {
    const { base } = dispatched;
    if (dispatched.kind === 'resolved') namespace[base] = defined.get(dispatched.implementation)!.macro;
    else if (dispatched.kind === 'conflict') {
      if (root && !dispatchesItself(base, defined.get(base)!.source)) root.diagnostics.push(dispatchConflict(base, defined.get(base)!.file));
    } else if (!root?.lower[base]) {
      namespace[base] = () => scopes.raise(noImplementation(base, targetType, dispatched.candidates));
    }
  }
}

/** dbt's pattern: a plain `x` that calls adapter.dispatch('x') is the entry point of its `<dialect>__x`. */
function dispatchesItself(base: string, source: string): boolean {
  return new RegExp(`adapter\\.dispatch\\(\\s*(?:macro_name\\s*=\\s*)?['"]${base}['"]`).test(source);
}

function dispatchConflict(base: string, file: string): Diagnostic {
  return {
    code: CompileErrors.dispatchConflict,
    message: `macro '${base}' is defined both plainly and per dialect (${base} and <dialect>__${base})`,
    location: { file },
    hint: `rename the plain one default__${base}: it is then the fallback for every dialect`,
  };
}

function noImplementation(base: string, targetType: string, candidates: string[]): Diagnostic {
  return {
    code: CompileErrors.noImplementation,
    message: `macro '${base}' has no implementation for target type ${targetType}`,
    hint: `define one of ${candidates.join(', ')} under macros/`,
  };
}
