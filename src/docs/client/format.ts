/** How the page writes numbers, sizes, durations and times. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → `1,234,567`. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** Bytes in the largest unit that keeps a number ≥ 1: `8.2 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Seconds: `0.09s`, `12.3s`, `2m 05s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)}s`;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** An ISO time in the reader's locale, or the text itself when it is not a time. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : time.toLocaleString();
}

/** A statistic's value as a person reads it. */
export function formatStat(id: string, value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'number' && id.includes('bytes')) return formatBytes(value);
  if (typeof value === 'number') return formatCount(value);
  return String(value);
}

/** The CSS modifier of a run status: ok, warn, error or skip. */
export function statusClass(status: string): string {
  if (status === 'success' || status === 'pass') return 'ok';
  if (status === 'warn') return 'warn';
  if (status === 'skipped') return 'skip';
  return 'error';
}
