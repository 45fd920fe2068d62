/**
 * computeLineage: the lineage of every node of a project, from the SQL each one runs. Nodes are
 * resolved upstream first, so `select *` over a model expands to that model's resolved columns.
 * Pure but for the optional cache object it is given: no database, no files; the same input
 * always gives the same output, cached or not.
 */
import type { SelectResolver } from './ctes.js';
import { CachedLines } from './cached-lines.js';
import type { LineageCache } from './lineage-cache.js';
import { parseSelect } from './parse-sql.js';
import { indexRelations, projectRelations } from './relation-index.js';
import { selectResolver } from './resolve-select.js';
import type { Shape } from './shape.js';
import { STAR } from './shape.js';
import { shapeOfLineage, toNodeLineage } from './node-lineage.js';
import { resolutionOrder } from './resolution-order.js';
import type { LineageInput, LineageInputNode, NodeLineage, ProjectLineage } from './types.js';

/** Options of computeLineage. */
export interface ComputeOptions {
  /** Lineage of an earlier run (see lineage-cache.ts): unchanged nodes are taken from it, and it is refreshed in place. */
  cache?: LineageCache;
}

/** The lineage of every node of `input`, by node id (in id order). */
export function computeLineage(input: LineageInput, options: ComputeOptions = {}): ProjectLineage {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const lineage = new Map<string, NodeLineage>();
  const shapes = new Map<string, Shape>();
  const resolving = new Set<string>();
  const index = indexRelations(input);
  const cached = options.cache ? new CachedLines(options.cache, index, lineageOf) : undefined;
  const resolve = selectResolver(projectRelations(index, shapeOfNode, cached?.listener));

  function lineageOf(id: string): NodeLineage {
    const known = lineage.get(id);
    if (known) return known;
    // Only hand-written SQL naming a relation outside its refs can get here out of order.
    if (resolving.has(id)) return { node: id, columns: [], indirect: [], error: 'its SQL reads its own relation' };
    resolving.add(id);
    const node = byId.get(id)!;
    const result = cached && node.sql !== undefined ? cached.lineage(node, () => nodeLineage(node, resolve)) : nodeLineage(node, resolve);
    resolving.delete(id);
    lineage.set(id, result);
    return result;
  }
  function shapeOfNode(id: string): Shape {
    let shape = shapes.get(id);
    if (!shape) shapes.set(id, (shape = shapeOfLineage(lineageOf(id))));
    return shape;
  }

  for (const id of resolutionOrder(input.nodes)) lineageOf(id);
  cached?.store();
  return sortedById(lineage);
}

/** The lineage of one node: its declared columns, or its SQL resolved by `resolve`. */
export function nodeLineage(node: LineageInputNode, resolve: SelectResolver): NodeLineage {
  if (node.sql === undefined) {
    const columns = node.columns?.map((column) => ({ column, edges: [], unresolved: [] }))
      ?? [{ column: STAR, edges: [], unresolved: [`the columns of ${node.id} are not known`] }];
    return { node: node.id, columns, indirect: [] };
  }
  const parsed = parseSelect(node.sql);
  if ('error' in parsed) return { node: node.id, columns: [], indirect: [], error: parsed.error };
  try {
    return toNodeLineage(node.id, resolve(parsed.select, undefined, undefined));
  } catch (error) {
    // A parse tree the resolver does not expect is that model's problem, not the whole project's.
    return { node: node.id, columns: [], indirect: [], error: `sparkify could not analyse this SQL: ${(error as Error).message}` };
  }
}

/** A ProjectLineage with its keys in id order, so the JSON is deterministic. */
export function sortedById(lineage: Map<string, NodeLineage>): ProjectLineage {
  return Object.fromEntries([...lineage.keys()].sort().map((id) => [id, lineage.get(id)!]));
}
