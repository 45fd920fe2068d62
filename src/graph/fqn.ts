import { fnmatcher, hasWildcard } from './fnmatch.js';
import type { GraphNode } from './types.js';

/**
 * A model's qualified name as dbt builds it, minus the project name we do not know here: the
 * folders below the model path, then the model name (`models/dimensions/users.sql` →
 * `['dimensions', 'users']`).
 */
export function modelFqn(node: GraphNode): string[] {
  const folders = node.path.split('/').slice(1, -1);
  return [...folders, node.name];
}

/**
 * dbt's `is_selected_node`: the selector equals the name, or its dot-separated parts are a prefix
 * of the fqn; from the first part with a wildcard on, the rest of the fqn is fnmatched as a whole.
 */
export function fqnMatcher(selector: string): (fqn: readonly string[]) => boolean {
  const parts = selector.split('.');
  const wildcardAt = parts.findIndex(hasWildcard);
  const literal = wildcardAt === -1 ? parts : parts.slice(0, wildcardAt);
  const rest = wildcardAt === -1 ? undefined : fnmatcher(parts.slice(wildcardAt).join('.'));
  return (fqn) => {
    if (fqn[fqn.length - 1] === selector) return true;
    const flat = fqn.flatMap((segment) => segment.split('.'));
    if (flat.length < parts.length || !literal.every((part, i) => flat[i] === part)) return false;
    return rest === undefined || rest(flat.slice(wildcardAt).join('.'));
  };
}
