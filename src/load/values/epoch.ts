/** Formatting epoch milliseconds as a UTC timestamp literal. */

// Years 1..9999: the range ISO strings can spell without a sign or a BC suffix.
const MIN_MILLIS = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_MILLIS = Date.parse('9999-12-31T23:59:59.999Z');

/** `YYYY-MM-DD HH:MM:SS.mmm` (UTC; microseconds appended when present), or undefined out of range. */
export function formatEpochMillis(millis: number): string | undefined {
  if (!Number.isFinite(millis)) return undefined;
  let whole = Math.floor(millis);
  let micros = Math.round((millis - whole) * 1000);
  if (micros === 1000) {
    whole += 1;
    micros = 0;
  }
  if (whole < MIN_MILLIS || whole > MAX_MILLIS) return undefined;
  const iso = new Date(whole).toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  return micros === 0 ? text : text + String(micros).padStart(3, '0');
}
