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
  const run = new WorkerRun(input, threads);
  try {
    // A schedule that cannot finish (a node reading its own relation) is left to the sequential engine, which reports it.
    return (await run.finished) ?? computeLineage(input);
  } finally {
    await run.close();
  }
}

/** One parallel computation: the workers, what each was sent, and the lineage so far. */
class WorkerRun {
  /** The lineage, or undefined when the schedule deadlocked. */
  readonly finished: Promise<ProjectLineage | undefined>;
  private readonly schedule: LineageSchedule;
  private readonly byId: Map<string, LineageInput['nodes'][number]>;
  private readonly done = new Map<string, NodeLineage>();
  private readonly workers: Worker[];
  /** The shapes each worker already holds: only new ones travel. */
  private readonly sent: Set<string>[];
  private readonly idle: number[];
  private settle!: (lineage: ProjectLineage | undefined) => void;

  constructor(private readonly input: LineageInput, threads: number) {
    this.schedule = new LineageSchedule(input);
    this.byId = new Map(input.nodes.map((n) => [n.id, n]));
    for (const node of input.nodes) if (node.sql === undefined) this.done.set(node.id, nodeLineage(node, () => ({ columns: [], indirect: [] })));
    this.schedule.markDone([...this.done.keys()]);
    const index = indexRelations(input);
    this.workers = Array.from({ length: threads }, () => new Worker(new URL('./lineage-worker.js', import.meta.url), { workerData: index }));
    this.sent = this.workers.map(() => new Set());
    this.idle = this.workers.map((_, k) => k);
    this.finished = new Promise((resolve, reject) => {
      this.settle = resolve;
      this.workers.forEach((worker, k) => {
        worker.on('error', reject);
        worker.on('message', (reply: WorkerReply) => this.received(k, reply));
      });
    });
    this.pump();
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private received(k: number, reply: WorkerReply): void {
    this.idle.push(k);
    if ('lineage' in reply) {
      this.done.set(reply.id, reply.lineage);
      this.schedule.markDone([reply.id]);
    } else if (!this.schedule.wait(reply.id, reply.needs)) {
      return this.settle(undefined);
    }
    this.pump();
  }

  /** Gives ready nodes to idle workers; settles when everything is done, or nothing can go on. */
  private pump(): void {
    while (this.idle.length > 0) {
      const next = this.schedule.next();
      if (next === undefined) break;
      this.dispatch(this.idle.pop()!, next);
    }
    if (this.done.size === this.input.nodes.length) this.settle(sortedById(this.done));
    else if (this.idle.length === this.workers.length) this.settle(undefined);
  }

  private dispatch(k: number, id: string): void {
    const shapes = this.schedule.inputsOf(id).filter((dep) => !this.sent[k].has(dep)).map((dep) => shapeSpecOf(this.done.get(dep)!));
    for (const spec of shapes) this.sent[k].add(spec.node);
    this.workers[k].postMessage({ node: this.byId.get(id)!, shapes } satisfies WorkerTask);
  }
}
