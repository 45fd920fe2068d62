/**
 * When to retry after Redshift's serializable isolation error. Redshift reports it as SQLSTATE
 * XX000 with the message `1023` and the detail `Serializable isolation violation on table ...`;
 * AWS's advice is to retry the cancelled transaction
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation-serializable-isolation-troubleshooting.html).
 */

/** How many times, and how long to wait between tries. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubles each time. */
  baseDelayMs: number;
  /** Longest single wait. */
  maxDelayMs: number;
}

/** Five tries over about 15 seconds: long enough for a concurrent COPY or CTAS to commit. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 8000 };

/** True for Redshift's serializable isolation violation (error 1023). */
export function isSerializableConflict(error: unknown): boolean {
  const { message, detail } = (error ?? {}) as { message?: unknown; detail?: unknown };
  if (typeof message === 'string' && /^\s*(ERROR:\s*)?1023\b/.test(message)) return true;
  return [message, detail].some((text) => typeof text === 'string' && /serializable isolation violation/i.test(text));
}

/**
 * Milliseconds to wait before try `attempt + 1` after try `attempt` (1-based) failed with `error`,
 * or undefined to give up: not a 1023, or no tries left. Exponential backoff with jitter (the upper
 * half of each step is random), so sessions that collided do not collide again in lockstep.
 */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: () => number = Math.random): number | undefined {
  if (!isSerializableConflict(error) || attempt >= policy.attempts) return undefined;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
