/**
 * dbt's `state:` selector (docs: reference/node-selection/methods#state): nodes compared with a
 * previous manifest given by --state. `new`: absent from it; `modified`: new, or changed in body
 * (the file), configs or relation; `modified.body`, `modified.configs`, `modified.relation`: that
 * change only; `unmodified` and `old`, their opposites. The comparison is made before selection
 * (artifacts/state-comparison.ts); this method only reads it.
 */
import type { GraphNode } from './types.js';

/** How one node differs from the previous manifest. */
export interface NodeChanges {
  new: boolean;
  body: boolean;
  configs: boolean;
  relation: boolean;
}

/** Changes by node id, for every node of the current graph (a node missing from it is unchanged). */
export type StateComparison = ReadonlyMap<string, NodeChanges>;

/** What a selector method may read beyond the graph. */
export interface SelectionContext {
  /** Set when --state was given. */
  state?: StateComparison;
}

const VALUES = ['new', 'old', 'modified', 'unmodified', 'modified.body', 'modified.configs', 'modified.relation'];

/** `state:` */
export const byState = {
  check: (value: string) => (VALUES.includes(value) ? undefined : `state selectors are ${VALUES.map((v) => `state:${v}`).join(', ')}`),
  matcher: (value: string, context?: SelectionContext) => {
    const state = context?.state;
    return (node: GraphNode) => {
      const changes = state?.get(node.id);
      if (!changes) return false;
      return matches(value, changes);
    };
  },
  candidates: () => VALUES,
};

function matches(value: string, changes: NodeChanges): boolean {
  const modified = changes.new || changes.body || changes.configs || changes.relation;
  switch (value) {
    case 'new': return changes.new;
    case 'old': return !changes.new;
    case 'modified': return modified;
    case 'unmodified': return !modified;
    case 'modified.body': return changes.body;
    case 'modified.configs': return changes.configs;
    default: return changes.relation;
  }
}
