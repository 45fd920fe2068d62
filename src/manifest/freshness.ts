/** dbt's source freshness config: how old the newest row (max of loaded_at_field) may be. */

/** The periods dbt's `warn_after`/`error_after` count in. */
export const FRESHNESS_PERIODS = ['minute', 'hour', 'day'] as const;

/** One of FRESHNESS_PERIODS. */
export type FreshnessPeriod = (typeof FRESHNESS_PERIODS)[number];

/** `{count: 12, period: hour}`. */
export interface FreshnessThreshold {
  count: number;
  period: FreshnessPeriod;
}

/** A table's freshness block once inherited from its source (dbt: the table's own block wins whole). */
export interface FreshnessSpec {
  warnAfter?: FreshnessThreshold;
  errorAfter?: FreshnessThreshold;
  /** A SQL condition that narrows the rows max(loaded_at_field) is taken over. */
  filter?: string;
}

const SECONDS: Record<FreshnessPeriod, number> = { minute: 60, hour: 3600, day: 86400 };

/** The threshold in seconds. */
export function thresholdSeconds(threshold: FreshnessThreshold): number {
  return threshold.count * SECONDS[threshold.period];
}

/** True when dbt checks the table: a threshold is set (dbt skips tables with neither). */
export function hasFreshness(spec: FreshnessSpec | undefined): spec is FreshnessSpec {
  return spec?.warnAfter !== undefined || spec?.errorAfter !== undefined;
}

/** dbt's freshness statuses (FreshnessStatus): `runtime error` when the query failed. */
export type FreshnessStatus = 'pass' | 'warn' | 'error' | 'runtime error';

/** dbt's FreshnessThreshold.status: error past error_after, else warn past warn_after, else pass (strictly older). */
export function freshnessStatus(ageSeconds: number, spec: FreshnessSpec): 'pass' | 'warn' | 'error' {
  if (spec.errorAfter && ageSeconds > thresholdSeconds(spec.errorAfter)) return 'error';
  if (spec.warnAfter && ageSeconds > thresholdSeconds(spec.warnAfter)) return 'warn';
  return 'pass';
}
