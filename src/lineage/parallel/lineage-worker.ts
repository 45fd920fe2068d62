/**
 * A worker thread of computeLineageParallel: resolves one node at a time with the shapes of the
 * nodes it reads, which the main thread sends along (each once per worker). A node that reads a
 * relation whose shape it was not given (hand-written SQL naming a model outside its refs) is sent
 * back with what it needs, to be scheduled again once that is known.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeLineage } from '../compute-lineage.js';
import type { ShapeSpec } from '../node-lineage.js';
import { shapeOfSpec } from '../node-lineage.js';
import type { RelationIndex } from '../relation-index.js';
import { projectRelations } from '../relation-index.js';
import { selectResolver } from '../resolve-select.js';
import type { Shape } from '../shape.js';
import { unknownShape } from '../shape.js';
import type { LineageInputNode, NodeLineage } from '../types.js';

/** A node to resolve, and the shapes this worker has not been sent yet. */
export interface WorkerTask {
  node: LineageInputNode;
  shapes: ShapeSpec[];
}

/** The lineage of the task's node, or the nodes whose shapes it needs first. */
export type WorkerReply = { id: string; lineage: NodeLineage } | { id: string; needs: string[] };

const shapes = new Map<string, Shape>();
const missing = new Set<string>();
const resolve = selectResolver(projectRelations(workerData as RelationIndex, (id) => {
  const shape = shapes.get(id);
  if (shape) return shape;
  missing.add(id);
  return unknownShape(`${id} is not resolved yet`);
}));

parentPort!.on('message', (task: WorkerTask) => {
  for (const spec of task.shapes) if (!shapes.has(spec.node)) shapes.set(spec.node, shapeOfSpec(spec));
  missing.clear();
  const lineage = nodeLineage(task.node, resolve);
  const reply: WorkerReply = missing.size > 0 ? { id: task.node.id, needs: [...missing] } : { id: task.node.id, lineage };
  parentPort!.postMessage(reply);
});
