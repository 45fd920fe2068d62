/**
 * Macro namespaces, as dbt's: every package's macros under its name (`dbt_utils.star()`), the
 * project's under its own name and as plain globals, and sparkify's `dbt` package (its cross-database
 * macros) under `dbt` and as globals the project's macros override. A file of a package sees that
 * package's macros unqualified first (dbt's local namespace). `adapter.dispatch(name, namespace)`
 * searches the packages of the project's `dispatch:` search order for the namespace, else the
 * project then the namespace, trying each adapter prefix (`pglite__`, `postgres__`, `default__`).
 */
import type nunjucks from 'nunjucks';

/** The macros of one package by name (dispatch aliases included). */
export type MacroNamespace = Record<string, unknown>;

/** The namespace of sparkify's own macros (dbt's global project). */
export const DBT_NAMESPACE = 'dbt';

/** What a dispatch found, or every name it tried (for the error). */
export type DispatchResult = { found: unknown } | { tried: string[] };

/** The macro namespaces of one template environment. */
export class MacroRegistry {
  private readonly namespaces = new Map<string, MacroNamespace>();

  constructor(
    /** The project's name: its macros are globals too. */
    readonly rootName: string,
    /** `dispatch:` of the project file: a namespace → the packages to search, in order. */
    private readonly searchOrders: Readonly<Record<string, readonly string[]>> = {},
  ) {}

  /** The namespace of a package (created empty on first use). */
  namespace(pkg: string): MacroNamespace {
    let found = this.namespaces.get(pkg);
    if (!found) this.namespaces.set(pkg, (found = {}));
    return found;
  }

  /** Whether a package (or the project, or `dbt`) has macros here. */
  has(pkg: string): boolean {
    return pkg === this.rootName || this.namespaces.has(pkg);
  }

  /** Template variables of a file of `pkg`: its own macros, found before the globals (undefined: the project's own file). */
  localContext(pkg: string | undefined, names: Iterable<string> = Object.keys(this.namespace(pkg ?? this.rootName))): Record<string, unknown> {
    if (pkg === undefined || pkg === this.rootName) return {};
    const namespace = this.namespace(pkg);
    // Forwarders: a macro file is exported before its siblings exist; each call finds the macro then.
    return Object.fromEntries([...names].map((name) => [name, function forward(this: unknown, ...args: unknown[]) {
      const macro = namespace[name];
      if (typeof macro !== 'function') throw new Error(`macro '${pkg}.${name}' is not defined`);
      return (macro as (...a: unknown[]) => unknown).apply(this, args);
    }]));
  }

  /** The packages adapter.dispatch searches for `namespace`; null stands for the caller's own lookup. */
  searchPackages(namespace: string | null): (string | null)[] {
    if (namespace === null) return [null];
    const configured = this.searchOrders[namespace];
    if (configured && configured.length > 0) return [...configured];
    return [...new Set([this.rootName, namespace])];
  }

  /**
   * dbt's adapter.dispatch: the first `<prefix>__<name>` in the search order; `globals` are the
   * caller's unqualified names (the project's and sparkify's macros), `caller` its package.
   */
  dispatch(name: string, namespace: string | null, prefixes: readonly string[], globals: Record<string, unknown>, caller?: string): DispatchResult {
    const tried: string[] = [];
    for (const pkg of this.searchPackages(namespace)) {
      if (pkg !== null && !this.has(pkg)) throw new UnknownPackage(pkg, namespace ?? pkg);
      for (const prefix of prefixes) {
        const candidate = `${prefix}__${name}`;
        tried.push(pkg === null ? candidate : `${pkg}.${candidate}`);
        const macro = pkg === null ? this.unqualified(candidate, globals, caller) : this.namespace(pkg)[candidate];
        if (typeof macro === 'function') return { found: macro };
      }
    }
    return { tried };
  }

  private unqualified(name: string, globals: Record<string, unknown>, caller?: string): unknown {
    const local = caller === undefined ? undefined : this.namespaces.get(caller)?.[name];
    return local ?? globals[name];
  }
}

/** adapter.dispatch names a package that is not installed. */
export class UnknownPackage extends Error {
  constructor(readonly pkg: string, readonly namespace: string) {
    super(`package '${pkg}' is not installed`);
  }
}

const registries = new WeakMap<nunjucks.Environment, MacroRegistry>();

/** Attaches the registry to its environment (installRenderGlobals does). */
export function attachMacroRegistry(env: nunjucks.Environment, registry: MacroRegistry): void {
  registries.set(env, registry);
}

/** The registry of an environment made by installRenderGlobals. */
export function macroRegistryOf(env: nunjucks.Environment): MacroRegistry {
  const registry = registries.get(env);
  if (!registry) throw new Error('internal: this template environment has no macro registry');
  return registry;
}

/** What a file renders with in `env`: a package's file sees its package's macros first (dbt's local namespace). */
export function fileContext(env: nunjucks.Environment, file: { package?: { name: string } }): Record<string, unknown> {
  return macroRegistryOf(env).localContext(file.package?.name);
}
