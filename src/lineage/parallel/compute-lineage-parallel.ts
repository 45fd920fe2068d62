/**
 * computeLineage on worker threads: parsing and resolving are CPU-bound and a node needs only the
 * output columns of the nodes it reads, so nodes whose inputs are resolved run at once on several
 * workers while the main thread schedules. Same result as computeLineage, byte for byte.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { computeLineage, nodeLineage, sortedById } from '../compute-lineage.js';
import { shapeSpecOf } from '../node-lineage.js';
import { indexRelations } from '../relation-index.js';
import type { LineageInput, NodeLineage, ProjectLineage } from '../types.js';
import type { WorkerReply, WorkerTask } from './lineage-worker.js';
import { LineageSchedule } from './lineage-schedule.js';

/** Below this many nodes with SQL, starting workers costs more than it saves. */
const MIN_PARALLEL_NODES = 500;

/** Options of computeLineageParallel. */
export interface ParallelOptions {
  /**
   * Worker threads; below 2 it runs in this thread. Default: one per CPU but one (the main thread
   * schedules and the workers pay for copying results), at most 4 — so on 2 CPUs it runs in this
   * thread, where the benchmark (BENCHMARKS.md, section 5) found workers slower.
   */
  threads?: number;
  /** Nodes with SQL below which it runs in this thread (default 500: starting workers costs ~0.2 s). */
  minNodes?: number;
}

/** computeLineage on worker threads (see the module comment). */
export async function computeLineageParallel(input: LineageInput, options: ParallelOptions = {}): Promise<ProjectLineage> {
  const threads = options.threads ?? Math.min(availableParallelism() - 1, 4);
  const sqlNodes = input.nodes.filter((n) => n.sql !== undefined).length;
  if (threads < 2 || sqlNodes < (options.minNodes ?? MIN_PARALLEL_NODES)) return computeLineage(input);
  // A schedule that cannot finish (a node reading its own relation) is left to the sequential engine, which reports it.
  return (await runWorkers(input, threads)) ?? computeLineage(input);
}

async function runWorkers(input: LineageInput, threads: number): Promise<ProjectLineage | undefined> {
  const schedule = new LineageSchedule(input);
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const done = new Map<string, NodeLineage>();
  for (const node of input.nodes) if (node.sql === undefined) done.set(node.id, nodeLineage(node, () => ({ columns: [], indirect: [] })));
  schedule.markDone([...done.keys()]);
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./lineage-worker.js', import.meta.url), { workerData: indexRelations(input) }));
  const sent = workers.map(() => new Set<string>());
  try {
    return await new Promise<ProjectLineage | undefined>((resolve, reject) => {
      const idle = workers.map((_, k) => k);
      const dispatch = (k: number, id: string) => {
        // Each worker keeps the shapes it was sent: only new ones travel.
        const shapes = schedule.inputsOf(id).filter((dep) => !sent[k].has(dep)).map((dep) => shapeSpecOf(done.get(dep)!));
        for (const spec of shapes) sent[k].add(spec.node);
        workers[k].postMessage({ node: byId.get(id)!, shapes } satisfies WorkerTask);
      };
      const pump = () => {
        for (let next = idle.length > 0 ? schedule.next() : undefined; next !== undefined; next = idle.length > 0 ? schedule.next() : undefined) {
          dispatch(idle.pop()!, next);
        }
        if (done.size === input.nodes.length) resolve(sortedById(done));
        else if (idle.length === workers.length) resolve(undefined);
      };
      workers.forEach((worker, k) => {
        worker.on('error', reject);
        worker.on('message', (reply: WorkerReply) => {
          idle.push(k);
          if ('lineage' in reply) {
            done.set(reply.id, reply.lineage);
            schedule.markDone([reply.id]);
          } else if (!schedule.wait(reply.id, reply.needs)) {
            return resolve(undefined);
          }
          pump();
        });
      });
      pump();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
