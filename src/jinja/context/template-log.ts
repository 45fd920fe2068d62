/**
 * What templates say while they render: `log(msg, info=True)`, `print(msg)` and
 * `exceptions.warn(msg)`. Compile hands each entry to a sink; the CLI writes them to stderr (stdout
 * stays the compiled SQL), and `log(msg)` without `info=True` only with SPARKIFY_DEBUG, as dbt
 * keeps those for its debug log.
 */
import { formatLocation, type SourceLocation } from '../../diagnostics.js';

/** One message from a template. */
export interface TemplateLogEntry {
  /** `debug`: log(msg); `info`: log(msg, info=True); `print`: print(msg); `warn`: exceptions.warn(msg). */
  level: 'debug' | 'info' | 'print' | 'warn';
  message: string;
  /** Where the call is (the template's own file, inside macros too). */
  location?: SourceLocation;
  /** Set for warnings. */
  code?: string;
}

/** Where template messages go. */
export type TemplateLog = (entry: TemplateLogEntry) => void;

/** How the CLI prints an entry: warnings as diagnostics, the rest as written. */
export function formatLogEntry(entry: TemplateLogEntry): string {
  if (entry.level !== 'warn') return entry.message;
  const where = entry.location ? `${formatLocation(entry.location)}: ` : '';
  return `warning: ${where}${entry.message}${entry.code ? ` [${entry.code}]` : ''}`;
}
