/**
 * Transitive lineage of one column: the tree of columns upstream of it (what it is computed from,
 * down to sources and seeds) or downstream of it (what is computed from it). A column reached twice
 * is expanded once; later occurrences are marked `repeated`, so the tree stays linear in the edges.
 */
import { STAR } from './shape.js';
import type { ColumnLineage, LineageColumnRef, LineageEdge, LineageHow, NodeLineage, ProjectLineage } from './types.js';
import { INDIRECT_HOWS } from './types.js';

/** One column reached from the column before it. */
export interface LineageStep {
  column: LineageColumnRef;
  how: LineageHow;
  via: string[];
  /** The columns one step further (upstream or downstream, as the tree goes). */
  steps: LineageStep[];
  /** Why the tree cannot go on from this column, when it cannot (upstream only). */
  unresolved: string[];
  /** Set when this column was already expanded higher up in the tree. */
  repeated?: true;
}

/** The transitive lineage of one column. */
export interface LineageTree {
  column: LineageColumnRef;
  direction: 'upstream' | 'downstream';
  steps: LineageStep[];
  unresolved: string[];
}

/** Options of upstreamOf/downstreamOf. */
export interface TraverseOptions {
  /** Include filter and join edges (a node's indirect edges apply to each of its columns); default true. */
  indirect?: boolean;
}

/** A target of an edge, seen from the other end. */
interface Link {
  column: LineageColumnRef;
  how: LineageHow;
  via: string[];
}

/** Everything `ref` is computed from, transitively. */
export function upstreamOf(lineage: ProjectLineage, ref: LineageColumnRef, options: TraverseOptions = {}): LineageTree {
  const indirect = options.indirect ?? true;
  const next = (column: LineageColumnRef) => {
    const found = findColumn(lineage[column.node], column);
    if (!found.found) return { links: [], unresolved: found.unresolved };
    const edges = indirect ? [...found.column.edges, ...found.node.indirect] : found.column.edges;
    return { links: edges.map(linkOf), unresolved: found.column.unresolved };
  };
  return walk(ref, 'upstream', next);
}

/** Everything computed from `ref`, transitively. */
export function downstreamOf(lineage: ProjectLineage, ref: LineageColumnRef, options: TraverseOptions = {}): LineageTree {
  const index = reverseIndex(lineage, options.indirect ?? true);
  return walk(ref, 'downstream', (column) => ({ links: index.get(refKey(column)) ?? [], unresolved: [] }));
}

function walk(root: LineageColumnRef, direction: LineageTree['direction'], next: (c: LineageColumnRef) => { links: Link[]; unresolved: string[] }): LineageTree {
  const seen = new Set([refKey(root)]);
  const first = next(root);
  const tree: LineageTree = { column: root, direction, steps: [], unresolved: first.unresolved };
  // Depth-first with an explicit stack: lineage through thousands of models must not overflow the call stack.
  const stack: Array<{ links: Link[]; into: LineageStep[] }> = [{ links: [...first.links].reverse(), into: tree.steps }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const link = top.links.pop();
    if (!link) {
      stack.pop();
      continue;
    }
    const step: LineageStep = { column: link.column, how: link.how, via: link.via, steps: [], unresolved: [] };
    top.into.push(step);
    const further = next(link.column);
    if (seen.has(refKey(link.column))) {
      // Only a column with more beyond it is worth a pointer to where that was shown.
      if (further.links.length > 0 || further.unresolved.length > 0) step.repeated = true;
      continue;
    }
    seen.add(refKey(link.column));
    step.unresolved = further.unresolved;
    stack.push({ links: [...further.links].reverse(), into: step.steps });
  }
  return tree;
}

/** What findColumn finds: the column and its node, or the reasons it cannot be traced. */
export type FoundColumn = { found: true; column: ColumnLineage; node: NodeLineage } | { found: false; unresolved: string[] };

/** A column's entry in its node's lineage, or why there is none. */
export function findColumn(node: NodeLineage | undefined, ref: LineageColumnRef): FoundColumn {
  if (!node) return { found: false, unresolved: [`${ref.node} has no lineage`] };
  if (node.error !== undefined) return { found: false, unresolved: [`${ref.node} could not be analysed: ${node.error}`] };
  const column = node.columns.find((c) => c.column === ref.column);
  if (column) return { found: true, column, node };
  const star = node.columns.find((c) => c.column === STAR);
  if (star) return { found: false, unresolved: star.unresolved };
  return { found: false, unresolved: [`${ref.node} has no column ${ref.column}`] };
}

function linkOf(edge: LineageEdge): Link {
  return { column: edge.from, how: edge.how, via: edge.via };
}

/** For each upstream column, the columns that read it. */
function reverseIndex(lineage: ProjectLineage, indirect: boolean): Map<string, Link[]> {
  const index = new Map<string, Link[]>();
  const add = (from: LineageColumnRef, link: Link) => {
    const key = refKey(from);
    const list = index.get(key);
    if (list) list.push(link);
    else index.set(key, [link]);
  };
  for (const node of Object.values(lineage)) {
    for (const column of node.columns) {
      const to = { node: node.node, column: column.column };
      for (const edge of column.edges) add(edge.from, { column: to, how: edge.how, via: edge.via });
      if (indirect) for (const edge of node.indirect) add(edge.from, { column: to, how: edge.how, via: edge.via });
    }
  }
  // Direct uses first, then by node; a node's columns stay in output order (the sort is stable).
  const rank = (link: Link) => (INDIRECT_HOWS.includes(link.how) ? 1 : 0);
  for (const links of index.values()) links.sort((a, b) => rank(a) - rank(b) || (a.column.node < b.column.node ? -1 : a.column.node > b.column.node ? 1 : 0));
  return index;
}

function refKey(ref: LineageColumnRef): string {
  return `${ref.node}\u0000${ref.column}`;
}
