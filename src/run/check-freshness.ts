/**
 * The execute phase of `sparkify source freshness`: each table's freshness query, a few at a time,
 * judged against its thresholds. A failed query, or a max that is NULL (an empty table) or not a
 * timestamp, is a `runtime error`, as in dbt.
 */
import type { Adapter } from '../engines/adapter.js';
import { freshnessStatus, type FreshnessStatus } from '../manifest/freshness.js';
import type { SourceNode } from '../manifest/manifest.js';
import { parseTimestampText } from '../plan/freshness-query.js';

/** One table to check and its query. */
export interface FreshnessCheck {
  source: SourceNode;
  sql: string;
}

/** What checking one table found. */
export interface FreshnessOutcome {
  source: SourceNode;
  status: FreshnessStatus;
  /** ISO-8601, when the query answered with a timestamp. */
  maxLoadedAt?: string;
  snapshottedAt?: string;
  ageSeconds?: number;
  /** Why it is a runtime error. */
  error?: string;
  startedAt: string;
  completedAt: string;
  executionTime: number;
}

/** Runs every check, `threads` at a time where the engine has several connections; `finished` sees each as it ends. */
export async function checkFreshness(adapter: Adapter, checks: FreshnessCheck[], threads: number, finished: (outcome: FreshnessOutcome, index: number) => void): Promise<FreshnessOutcome[]> {
  const outcomes: FreshnessOutcome[] = new Array(checks.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < checks.length) {
      const index = next++;
      outcomes[index] = await checkOne(adapter, checks[index]);
      finished(outcomes[index], ++done);
    }
  };
  const width = adapter.capabilities.multipleConnections ? Math.max(1, threads) : 1;
  await Promise.all(Array.from({ length: Math.min(width, checks.length) }, worker));
  return outcomes;
}

async function checkOne(adapter: Adapter, check: FreshnessCheck): Promise<FreshnessOutcome> {
  const started = new Date();
  const timing = () => {
    const completed = new Date();
    return { startedAt: started.toISOString(), completedAt: completed.toISOString(), executionTime: (completed.getTime() - started.getTime()) / 1000 };
  };
  try {
    const { rows } = await adapter.withSession((session) => session.execute(check.sql));
    return { ...judge(check.source, rows[0] ?? {}), ...timing() };
  } catch (error) {
    return { source: check.source, status: 'runtime error', error: (error as Error).message ?? String(error), ...timing() };
  }
}

function judge(source: SourceNode, row: Record<string, unknown>): Omit<FreshnessOutcome, 'startedAt' | 'completedAt' | 'executionTime'> {
  const field = source.loadedAtField;
  const max = row.max_loaded_at;
  const now = parseTimestampText(String(row.snapshotted_at ?? ''));
  if (max === null || max === undefined) {
    return { source, status: 'runtime error', error: `max(${field}) of ${source.sourceName}.${source.name} is NULL: the table has no rows${source.freshness?.filter ? ' that pass the filter' : ''}` };
  }
  const loaded = parseTimestampText(String(max));
  if (loaded === undefined || now === undefined) {
    return { source, status: 'runtime error', error: `max(${field}) of ${source.sourceName}.${source.name} is '${String(max)}', not a timestamp` };
  }
  const ageSeconds = (now - loaded) / 1000;
  return {
    source, status: freshnessStatus(ageSeconds, source.freshness ?? {}), ageSeconds,
    maxLoadedAt: new Date(loaded).toISOString(), snapshottedAt: new Date(now).toISOString(),
  };
}
