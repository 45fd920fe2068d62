/**
 * Runs toposort in a worker thread whose stack is as large as the graph is deep (see
 * deep-toposort.ts): toposort recurses once per level, and the main thread's stack is fixed.
 */
import toposort from 'toposort';
import { workerData, type MessagePort } from 'node:worker_threads';

/** What the main thread hands over: the arguments of toposort.array, a port, and a flag to raise. */
export interface ToposortJob {
  nodes: string[];
  edges: [string, string][];
  port: MessagePort;
  done: Int32Array;
}

const { nodes, edges, port, done } = workerData as ToposortJob;
try {
  port.postMessage({ sorted: toposort.array(nodes, edges) });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
