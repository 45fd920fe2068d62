/**
 * dbt's structured log lines (docs: reference/events-logging, `--log-format json`): one JSON object
 * per event, `info` (name, code, msg, level, ts, invocation_id, pid, thread, category, extra) and the
 * event's `data`. Events dbt has keep dbt's name and code (LogModelResult Q012, StatsLine Z023, ...);
 * a diagnostic is named `Diagnostic` with its SPK code.
 */

/** dbt's event levels. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What an event is, beyond its text. */
export interface LogEvent {
  name: string;
  code: string;
  /** Overrides the level the printing method implies (a failed test line is an error event). */
  level?: LogLevel;
  data?: Record<string, unknown>;
}

/** A generic message: dbt's `Note`. */
const NOTE: LogEvent = { name: 'Note', code: 'Z050' };

/** The JSON object of one event line. */
export function jsonEvent(level: LogLevel, text: string, event: LogEvent | undefined, invocationId: string | undefined): Record<string, unknown> {
  const chosen = event ?? NOTE;
  return {
    info: {
      name: chosen.name,
      code: chosen.code,
      msg: plain(text),
      level: chosen.level ?? level,
      invocation_id: invocationId ?? '',
      pid: process.pid,
      thread: 'MainThread',
      ts: new Date().toISOString(),
      category: '',
      extra: {},
    },
    data: chosen.data ?? { msg: plain(text) },
  };
}

function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
