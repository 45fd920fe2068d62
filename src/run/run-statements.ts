/**
 * Runs a plan's statements, in order, on one session: the way every node that builds a relation
 * (source, seed, model, snapshot) and every run step executes. A failure rolls the session back, so
 * the warehouse is left as it was, and becomes a diagnostic naming the file and line.
 */
import type { Session } from '../engines/adapter.js';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { BadRecord } from '../load/types.js';
import type { PlanBase } from '../plan/types.js';
import { databaseErrorToDiagnostic } from './database-error.js';
import type { NodeRun } from './node-result.js';
import { eachUntilStopped, RunCancelled, stopPoint, type RunContext, type SourceFeed } from './run-context.js';
import { cancellingOnAbort } from './cancel-on-abort.js';
import { RunErrors } from './error-codes.js';
import { LoadErrors } from '../load/error-codes.js';
import { enforceCheck } from './statement-check.js';
import { StatementObjects } from './statement-objects.js';

/**
 * Runs `plan` on a session of its own; never throws but for cancellation. The S3 objects its
 * statements read are deleted once they end, whatever the outcome; a failed delete is a warning.
 */
export async function runPlanStatements(plan: PlanBase, context: RunContext): Promise<NodeRun> {
  const objects = new StatementObjects(context, plan);
  let run: NodeRun;
  try {
    run = await runOnSession(plan, context, objects);
  } finally {
    // Committed, rolled back or cancelled: no statement reads them any more.
    await objects.deleteWritten();
  }
  return objects.warnings.length > 0 ? { ...run, warnings: [...(run.warnings ?? []), ...objects.warnings] } : run;
}

/** The plan's statements on one session, as a result: a failure becomes its diagnostics. */
async function runOnSession(plan: PlanBase, context: RunContext, objects: StatementObjects): Promise<NodeRun> {
  let feed: SourceFeed | undefined;
  let serverRejected: BadRecord[] | undefined; // what a server-side COPY (Redshift) rejected
  try {
    const { rows, message } = await context.adapter.withSession((session) => cancellingOnAbort(session, context.signal, () =>
      runStatements(session, plan, context, objects, (f) => (feed = f), (r) => (serverRejected = r)),
    ));
    const warnings = feed?.stats.warnings;
    const replaced = feed?.stats.replaced;
    return {
      status: 'success', message, rowsAffected: rows, rejected: feed?.stats.rejected ?? serverRejected,
      ...(feed ? { files: feed.stats.files } : {}),
      ...(warnings?.length ? { warnings } : {}), ...(replaced ? { replaced } : {}), ...(plan.notes?.length ? { notes: plan.notes } : {}),
    };
  } catch (error) {
    if (error instanceof RunCancelled) throw error;
    const explained = error instanceof StatementError && plan.statements[error.index].copyFrom ? feed?.explain?.(error.cause) : undefined;
    const diagnostics = explained ? [explained] : error instanceof StatementError
      ? [databaseErrorToDiagnostic(error.cause, plan, error.index, context.filesOf(plan)), ...rejectedRecords(plan, serverRejected)]
      : diagnosticsOf(error);
    return { status: 'error', message: diagnostics[0].message, rowsAffected: null, diagnostics, rejected: feed?.stats.rejected ?? serverRejected };
  }
}

/** Our own errors' diagnostics, or SPK500 for an unexpected one. */
export function diagnosticsOf(error: unknown): Diagnostic[] {
  if (error instanceof SparkifyError) return error.diagnostics;
  return [{ code: RunErrors.unexpected, message: String((error as Error)?.message ?? error) }];
}

/** The records a failed server-side COPY rejected, as `file:line:column: reason` diagnostics (like the loader's SPK310). */
function rejectedRecords(plan: PlanBase, rejected: BadRecord[] = []): Diagnostic[] {
  return rejected.map((bad) => ({ code: LoadErrors.badRecord, message: bad.message, location: { file: bad.file, line: bad.line, column: bad.column }, node: plan.id }));
}

/** A database error, tagged with the statement that raised it. */
class StatementError extends Error {
  constructor(override readonly cause: unknown, readonly index: number) {
    super((cause as Error).message);
  }
}

async function runStatements(
  session: Session,
  plan: PlanBase,
  context: RunContext,
  objects: StatementObjects,
  onFeed: (feed: SourceFeed) => void,
  onServerRejected: (rejected: BadRecord[]) => void,
): Promise<{ rows: number | null; message: string }> {
  let rows: number | null = null;
  let message = 'OK';
  try {
    for (let index = 0; index < plan.statements.length; index++) {
      await stopPoint(context.signal);
      const statement = plan.statements[index];
      if (statement.writesObject) await objects.write(statement.writesObject);
      if (statement.copyFrom) {
        const feed = context.openFeed(statement.copyFrom);
        onFeed(feed);
        const copied = await runTagged(index, () => session.copyFrom(statement.sql, eachUntilStopped(feed.chunks(), context.signal)));
        if (statement.reportsRows) [rows, message] = [copied, `COPY ${copied}`];
        continue;
      }
      const result = await runTagged(index, () => session.execute(statement.sql));
      if (statement.serverLoad && session.loadErrors) onServerRejected(await session.loadErrors(statement.serverLoad.into));
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
    if (failed?.serverLoad && session.loadErrors) onServerRejected(await session.loadErrors(failed.serverLoad.into).catch(() => []));
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
