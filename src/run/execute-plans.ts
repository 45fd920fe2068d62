import type { Adapter, Session } from '../adapters/adapter.js';
import type { Manifest } from '../compile/manifest.js';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { BadRecord, LoadStats } from '../load/types.js';
import type { NodePlan } from '../plan/types.js';
import type { NodeFiles } from './database-error.js';
import { databaseErrorToDiagnostic } from './database-error.js';
import { blocksDescendants, type NodeResult } from './node-result.js';
import { runTest } from './run-test.js';
import { runUnitTest } from '../unit-tests/run-unit-test.js';
import type { UnitTestEngine } from '../unit-tests/unit-test-engine.js';
import { missingUpstream } from './upstream-check.js';
import { enforceCheck } from './statement-check.js';

/** The rows of one source, streamed by the loader. */
export interface SourceFeed {
  chunks(): AsyncIterable<Buffer>;
  readonly stats: LoadStats;
  /** Points a database error during its COPY back at the input (a seed's CSV line and column), if it can. */
  explain?(error: unknown): Diagnostic | undefined;
}

/** Hooks the CLI uses to print progress lines. */
export interface RunReporter {
  started(plan: NodePlan, index: number, total: number): void;
  finished(plan: NodePlan, result: NodeResult, index: number, total: number): void;
}

/** Everything the execute phase needs: plans in build order and the I/O to run them. */
export interface ExecuteOptions {
  adapter: Adapter;
  manifest: Manifest;
  plans: NodePlan[];
  threads: number;
  openFeed(sourceId: string): SourceFeed;
  filesOf(plan: NodePlan): NodeFiles;
  reporter: RunReporter;
  signal?: AbortSignal;
  /** Nodes that must pass before a node runs, beyond its parents: in `build`, the tests on its parents. */
  gates?: ReadonlyMap<string, readonly string[]>;
  /** Where unit tests run (an in-memory PGlite started on first use); required when the plans hold some. */
  unitTests?: UnitTestEngine;
}

/** Thrown between statements once the run is cancelled (Ctrl-C). */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
  }
}

/**
 * The execute phase: runs each plan once its selected parents succeeded, up to `threads` at a time
 * (one at a time on an adapter with a single connection). A failed node's descendants are skipped.
 */
export async function executePlans(options: ExecuteOptions): Promise<NodeResult[]> {
  const { plans, manifest } = options;
  const selected = new Set(plans.map((p) => p.id));
  const results = new Map<string, NodeResult>();
  const running = new Map<string, Promise<void>>();
  const limit = options.adapter.capabilities.multipleConnections ? Math.max(1, options.threads) : 1;
  let started = 0;

  // A unit test reads nothing from the warehouse: it waits for nothing (its model waits for it).
  const unitTests = new Set(plans.filter((p) => p.unitTest).map((p) => p.id));
  const parentsOf = (id: string) => unitTests.has(id) ? [] :
    [...(manifest.parentMap[id] ?? []), ...(options.gates?.get(id) ?? [])].filter((p) => selected.has(p));
  while (results.size < plans.length) {
    for (const plan of plans) {
      if (results.has(plan.id) || running.has(plan.id) || running.size >= limit) continue;
      const parents = parentsOf(plan.id);
      const failed = parents.find((p) => results.has(p) && blocksDescendants(results.get(p)!));
      if (failed) {
        results.set(plan.id, skipped(plan, failed));
        options.reporter.finished(plan, results.get(plan.id)!, ++started, plans.length);
        continue;
      }
      if (!parents.every((p) => results.has(p))) continue;
      const index = ++started;
      options.reporter.started(plan, index, plans.length);
      const task = runNode(plan, options).then((result) => {
        results.set(plan.id, result);
        running.delete(plan.id);
        options.reporter.finished(plan, result, index, plans.length);
      });
      running.set(plan.id, task);
    }
    if (running.size > 0) await Promise.race(running.values());
    else if (results.size < plans.length) throw new Error('scheduler stalled: a selected node waits on a node that never runs');
  }
  return plans.map((p) => results.get(p.id)!);
}

async function runNode(plan: NodePlan, options: ExecuteOptions): Promise<NodeResult> {
  const startedAt = new Date();
  const finish = (partial: Omit<NodeResult, 'id' | 'startedAt' | 'completedAt' | 'executionTime'>): NodeResult => {
    const completedAt = new Date();
    return {
      id: plan.id, ...partial, startedAt: startedAt.toISOString(), completedAt: completedAt.toISOString(),
      executionTime: (completedAt.getTime() - startedAt.getTime()) / 1000,
    };
  };
  let feed: SourceFeed | undefined;
  let serverRejected: BadRecord[] | undefined; // what a server-side COPY (Redshift) rejected
  try {
    if (plan.unitTest) return finish(await runUnitTest(plan, plan.unitTest, options.unitTests!));
    const missing = await missingUpstream(plan.id, options);
    if (missing) return finish({ status: 'error', message: missing.message, rowsAffected: null, diagnostics: [missing] });
    if (plan.test) return finish(await runTest(plan, plan.test, options));
    const { rows, message } = await options.adapter.withSession((session) =>
      runStatements(session, plan, options, (f) => (feed = f), (r) => (serverRejected = r)),
    );
    return finish({ status: 'success', message, rowsAffected: rows, rejected: feed?.stats.rejected ?? serverRejected, replaced: feed?.stats.replaced });
  } catch (error) {
    if (error instanceof RunCancelled) throw error;
    const explained = error instanceof StatementError && plan.statements[error.index].copyFrom ? feed?.explain?.(error.cause) : undefined;
    const diagnostics = explained ? [explained] : error instanceof StatementError
      ? [databaseErrorToDiagnostic(error.cause, plan, error.index, options.filesOf(plan)), ...rejectedRecords(plan, serverRejected)]
      : error instanceof SparkifyError ? error.diagnostics : [{ code: 'SPK500', message: String((error as Error).message ?? error) }];
    return finish({ status: 'error', message: diagnostics[0].message, rowsAffected: null, diagnostics, rejected: feed?.stats.rejected ?? serverRejected });
  }
}

/** The records a failed server-side COPY rejected, as `file:line:column: reason` diagnostics (like the loader's SPK310). */
function rejectedRecords(plan: NodePlan, rejected: BadRecord[] = []): Diagnostic[] {
  return rejected.map((bad) => ({ code: 'SPK310', message: bad.message, location: { file: bad.file, line: bad.line, column: bad.column }, node: plan.id }));
}

/** A database error, tagged with the statement that raised it. */
class StatementError extends Error {
  constructor(override readonly cause: unknown, readonly index: number) {
    super((cause as Error).message);
  }
}

async function runStatements(
  session: Session,
  plan: NodePlan,
  options: ExecuteOptions,
  onFeed: (feed: SourceFeed) => void,
  onServerRejected: (rejected: BadRecord[]) => void,
): Promise<{ rows: number | null; message: string }> {
  let rows: number | null = null;
  let message = 'OK';
  try {
    for (let index = 0; index < plan.statements.length; index++) {
      if (options.signal?.aborted) throw new RunCancelled();
      const statement = plan.statements[index];
      if (statement.copyFrom) {
        const feed = options.openFeed(statement.copyFrom);
        onFeed(feed);
        const copied = await runTagged(index, () => session.copyFrom(statement.sql, cancellable(feed.chunks(), options.signal)));
        if (statement.reportsRows) [rows, message] = [copied, `COPY ${copied}`];
        continue;
      }
      const result = await runTagged(index, () => session.execute(statement.sql));
      if (statement.serverLoad && session.loadErrors) onServerRejected(await session.loadErrors());
      enforceCheck(statement, result.rows, plan);
      if (statement.reportsRows) {
        // Several statements may add up to the result (a Redshift seed's INSERT batches).
        rows = rows === null || result.rowCount === null ? result.rowCount : rows + result.rowCount;
        message = `${result.command} ${rows ?? ''}`.trim();
      }
      else if (message === 'OK' && result.command && !/^(BEGIN|COMMIT|DROP|ALTER)$/.test(result.command)) message = result.command;
    }
  } catch (error) {
    await session.execute('ROLLBACK').catch(() => undefined); // leave the warehouse as it was
    // A server-side COPY that failed on bad records says which ones only when asked.
    const failed = error instanceof StatementError ? plan.statements[error.index] : undefined;
    if (failed?.serverLoad && session.loadErrors) onServerRejected(await session.loadErrors().catch(() => []));
    throw error;
  }
  return { rows, message };
}

/** Runs a statement; a driver error is tagged with its index, our own errors pass through. */
async function runTagged<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SparkifyError || error instanceof RunCancelled) throw error;
    throw new StatementError(error, index);
  }
}

async function* cancellable(chunks: AsyncIterable<Buffer>, signal?: AbortSignal): AsyncIterable<Buffer> {
  for await (const chunk of chunks) {
    if (signal?.aborted) throw new RunCancelled();
    yield chunk;
  }
}

function skipped(plan: NodePlan, failedParent: string): NodeResult {
  return {
    id: plan.id, status: 'skipped', message: `skipped because ${failedParent} did not succeed`,
    rowsAffected: null, executionTime: 0,
  };
}
