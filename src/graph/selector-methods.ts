import { fnmatcher, globMatcher } from './fnmatch.js';
import { fqnMatcher, modelFqn } from './fqn.js';
import { byTestName, byTestType } from './test-methods.js';
import { byState, type SelectionContext } from './state-method.js';
import { RESOURCE_TYPES, type Graph, type GraphNode } from './types.js';

/** How one selector method finds nodes. */
interface SelectorMethod {
  /** Why the value can never be valid for this method, if it cannot. */
  check?(value: string): string | undefined;
  /** A test for the nodes the value selects (`context` carries what --state compared). */
  matcher(value: string, context?: SelectionContext): (node: GraphNode) => boolean;
  /** What the user may have meant when nothing matched, for the hint. */
  candidates(node: GraphNode): string[];
}

// dbt's bare selector is `fqn:`, which also matches folder names and, with a wildcard, the
// project name (`s*` selects a whole project named sparkify). We match model names only, as the
// CLI documents; `fqn:` keeps dbt's behaviour. "Models" means every node that is not a source,
// like dbt's parsed nodes, so seeds and snapshots join in when they exist. A bare `*` is dbt's
// "everything" and takes sources too: `--exclude '*'` must leave nothing.
const byName: SelectorMethod = {
  matcher: (value) => {
    if (/^\*+$/.test(value)) return () => true;
    const matches = fnmatcher(value);
    return (node) => node.kind !== 'source' && matches(node.name);
  },
  candidates: (node) => (node.kind === 'source' ? [] : [node.name]),
};

const byFqn: SelectorMethod = {
  matcher: (value) => {
    const matches = fqnMatcher(value);
    return (node) => node.kind !== 'source' && matches(modelFqn(node));
  },
  candidates: (node) => (node.kind === 'source' ? [] : [modelFqn(node).join('.')]),
};

const byTag: SelectorMethod = {
  matcher: (value) => {
    const matches = fnmatcher(value);
    return (node) => node.tags.some(matches);
  },
  candidates: (node) => node.tags,
};

// dbt also takes `package.source.table`; a project here has no packages.
const bySource: SelectorMethod = {
  check: (value) => {
    const parts = value.split('.');
    if (parts.length <= 2 && parts.every(Boolean)) return undefined;
    return 'a source selector is source_name or source_name.table_name';
  },
  matcher: (value) => {
    const [source, table = '*'] = value.split('.');
    const [sourceMatches, tableMatches] = [fnmatcher(source), fnmatcher(table)];
    return (node) => node.sourceName !== undefined && sourceMatches(node.sourceName) && tableMatches(node.name);
  },
  candidates: (node) => (node.sourceName === undefined ? [] : [node.sourceName, `${node.sourceName}.${node.name}`]),
};

// A file, or any folder above it, relative to the project root, as dbt globs it.
const byPath: SelectorMethod = {
  matcher: (value) => {
    const matches = globMatcher(normalizePath(value));
    return (node) => withFolders(node.path).some(matches);
  },
  candidates: (node) => withFolders(node.path),
};

const byFile: SelectorMethod = {
  matcher: (value) => {
    const matches = fnmatcher(value);
    return (node) => matches(fileName(node.path)) || matches(fileName(node.path).replace(/\.[^.]*$/, ''));
  },
  candidates: (node) => [fileName(node.path)],
};

const byMaterialization: SelectorMethod = {
  matcher: (value) => (node) => node.materialized === value,
  candidates: (node) => (node.materialized === undefined ? [] : [node.materialized]),
};

const byResourceType: SelectorMethod = {
  check: (value) =>
    (RESOURCE_TYPES as readonly string[]).includes(value)
      ? undefined
      : `resource types are ${RESOURCE_TYPES.join(', ')}`,
  matcher: (value) => (node) => node.kind === value,
  candidates: (node) => [node.kind],
};

/** Methods a selector may name before its colon. */
export const METHODS = {
  fqn: byFqn,
  tag: byTag,
  source: bySource,
  path: byPath,
  file: byFile,
  'config.materialized': byMaterialization,
  resource_type: byResourceType,
  test_type: byTestType,
  test_name: byTestName,
  state: byState,
} as const;

/** A method the user may write, or `name`: the method of a bare selector that is not a path. */
export type MethodName = keyof typeof METHODS | 'name';

/** The method behind a name (`name` included). */
export function selectorMethod(method: MethodName): SelectorMethod {
  return method === 'name' ? byName : METHODS[method];
}

/** True when `method` is one the user may write before a colon. */
export function isMethodName(method: string): method is keyof typeof METHODS {
  return Object.hasOwn(METHODS, method);
}

/** Ids of the nodes `method:value` selects. */
export function matchNodes(graph: Graph, method: MethodName, value: string, context?: SelectionContext): Set<string> {
  const matches = selectorMethod(method).matcher(value, context);
  return new Set(graph.order.filter((id) => matches(graph.nodes.get(id)!)));
}

/** `./models/facts/` → `models/facts`: dbt's path values are relative, folders with or without `/`. */
function normalizePath(value: string): string {
  return value.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

/** `models/facts/songplays.sql` → itself, `models/facts`, `models`. */
function withFolders(path: string): string[] {
  const segments = path.split('/');
  return segments.map((_, i) => segments.slice(0, segments.length - i).join('/'));
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
