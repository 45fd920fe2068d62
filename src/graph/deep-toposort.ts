/**
 * toposort.array for graphs of any depth. toposort walks the DAG depth first, one JavaScript frame
 * per level, so a chain of ~10,000 models exhausts the main thread's stack (generated and migrated
 * projects get that deep). Shallow graphs, nearly all, run in place; when the stack runs out, the
 * same call runs again in a worker thread given a stack sized to the graph, and the caller waits for
 * it synchronously (Atomics.wait), so ordering stays a plain function. worker_threads is loaded
 * only then, through process.getBuiltinModule: the docs site bundles this module for the browser.
 */
import toposort from 'toposort';

/** Stack of the worker: a base plus room for one toposort frame per node (about 100 bytes each; 20x margin). */
const BASE_STACK_MB = 16;
const NODES_PER_MB = 500;
/** A worker that has not answered by then has failed (it sorts 50,000 nodes in about a second). */
const WORKER_TIMEOUT_MS = 10 * 60_000;

/** toposort.array(nodes, edges), whatever the depth; throws toposort's own errors (a cycle included). */
export function deepToposort(nodes: string[], edges: [string, string][]): string[] {
  try {
    return toposort.array(nodes, edges);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return toposortInWorker(nodes, edges);
}

/** toposort.array in a worker with a stack for `nodes.length` levels. */
function toposortInWorker(nodes: string[], edges: [string, string][]): string[] {
  const { MessageChannel, receiveMessageOnPort, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const stackSizeMb = BASE_STACK_MB + Math.ceil(nodes.length / NODES_PER_MB);
  const worker = new Worker(new URL('./toposort-worker.js', import.meta.url), {
    workerData: { nodes, edges, port: port2, done },
    transferList: [port2],
    resourceLimits: { stackSizeMb },
  });
  try {
    if (Atomics.wait(done, 0, 0, WORKER_TIMEOUT_MS) === 'timed-out') throw new Error('ordering the DAG in a worker thread timed out');
    const reply = receiveMessageOnPort(port1)?.message as { sorted?: string[]; error?: string } | undefined;
    if (reply?.sorted) return reply.sorted;
    throw new Error(reply?.error ?? 'the worker thread ordering the DAG ended without an answer');
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** node:worker_threads, where there is a Node.js process (not in the docs site's browser bundle). */
function workerThreads(): typeof import('node:worker_threads') {
  const load = (globalThis as { process?: NodeJS.Process }).process?.getBuiltinModule;
  if (!load) throw new RangeError('the graph is too deep to order here: it needs a worker thread');
  return load('node:worker_threads');
}
