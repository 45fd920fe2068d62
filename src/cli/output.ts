import pc from 'picocolors';
import { clearLiveLines } from '../load/live-line.js';
import { displayWidth } from '../text-table.js';
import { jsonEvent, type LogEvent, type LogLevel } from './log-event.js';

export type { LogEvent, LogLevel } from './log-event.js';

/** Width of a dbt-style status line before the bracketed result. */
const LINE_WIDTH = 80;

let activeScrubber: (text: string) => string = (text) => text;

/**
 * Removes every secret value from a text before it is printed or written. The last scrubber made
 * also guards the top-level error printer, which runs outside any command's context.
 */
export function createScrubber(secrets: string[]): (text: string) => string {
  // Each secret as written, and as JSON and SQL literals spell it (a password holding `"`, `\` or `'`).
  const spellings = secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1), s.replace(/'/g, "''")]);
  const values = [...new Set(spellings)].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  const scrub = values.length === 0
    ? (text: string) => text
    : (text: string) => values.reduce((out, secret) => out.split(secret).join('*****'), text);
  activeScrubber = scrub;
  return scrub;
}

/** Scrubs with the secrets of the project loaded last (for errors that escape a command). */
export function scrubActive(text: string): string {
  return activeScrubber(text);
}

/** How this command run prints: dbt's --log-format, --quiet and --debug. */
export interface OutputMode {
  /** `json`: one JSON object per event line, shaped like dbt's structured logs. */
  format: 'text' | 'json';
  /** Only errors (and the command's own data: ls, compile, show) reach stdout. */
  quiet: boolean;
  /** Debug events (the statements of each node) are printed too. */
  debug: boolean;
  /** dbt's invocation_id, stamped on every JSON event. */
  invocationId?: string;
}

let activeMode: OutputMode = { format: 'text', quiet: false, debug: false };

/** Sets how everything printed from now on looks (once per command run, from its flags). */
export function setOutputMode(mode: Partial<OutputMode>): void {
  activeMode = { ...activeMode, ...mode };
}

/** The mode set for this command run. */
export function outputMode(): OutputMode {
  return activeMode;
}

/** Prints timestamped lines (or JSON events) to stdout/stderr, scrubbing secrets. */
export class Output {
  constructor(private readonly scrub: (text: string) => string = (t) => t) {}

  /** A timestamped line, as dbt prints them (an info event: `Note` unless named). */
  line(text: string, event?: LogEvent): void {
    this.emit('info', text, event, process.stdout);
  }

  /** Raw text to stdout (compiled SQL, JSON, tables): the command's data, printed even with --quiet. */
  raw(text: string, event?: LogEvent): void {
    if (activeMode.format === 'json') {
      for (const line of text.replace(/\n$/, '').split('\n')) process.stdout.write(this.json('info', line, event ?? { name: 'ListCmdOut', code: 'Z049' }));
      return;
    }
    clearLiveLines();
    process.stdout.write(this.scrub(text));
  }

  /** An error line (stderr as text; an error event in JSON). */
  error(text: string, event?: LogEvent): void {
    this.emit('error', text, event, process.stderr);
  }

  /** A warning line (stderr as text). */
  warn(text: string, event?: LogEvent): void {
    this.emit('warn', text, event, process.stderr);
  }

  /** An event printed only as a JSON line (dbt's START lines, which the text output leaves out). */
  jsonOnly(text: string, event: LogEvent): void {
    if (activeMode.format === 'json' && !activeMode.quiet) process.stdout.write(this.json('info', text, event));
  }

  /** A debug line, shown with --debug only. */
  debug(text: string, event?: LogEvent): void {
    if (activeMode.debug) this.emit('debug', text, event, process.stdout);
  }

  private emit(level: LogLevel, text: string, event: LogEvent | undefined, stream: NodeJS.WriteStream): void {
    if (activeMode.quiet && level !== 'error') return;
    if (activeMode.format === 'json') {
      process.stdout.write(this.json(level, text, event));
      return;
    }
    // A progress bar on the terminal is cleared first, or the line would be written over it.
    clearLiveLines();
    const line = level === 'info' || level === 'debug' ? `${pc.dim(timestamp())}  ${this.scrub(text)}` : this.scrub(text);
    stream.write(line + '\n');
  }

  private json(level: LogLevel, text: string, event: LogEvent | undefined): string {
    return this.scrub(JSON.stringify(jsonEvent(level, text, event, activeMode.invocationId))) + '\n';
  }
}

/** `3 of 7 OK created table model public.users ......... [SELECT 97 in 0.12s]`. */
export function statusLine(prefix: string, what: string, result: string): string {
  const head = `${prefix} ${what} `;
  const dots = '.'.repeat(Math.max(3, LINE_WIDTH - displayWidth(head) - 1));
  return `${head}${dots} [${result}]`;
}

/** Colours a status word the way dbt does. */
export function colourStatus(status: 'OK' | 'ERROR' | 'SKIP' | 'WARN'): string {
  if (status === 'OK') return pc.green(status);
  if (status === 'ERROR') return pc.red(status);
  return pc.yellow(status);
}

function timestamp(): string {
  return new Date().toTimeString().slice(0, 8);
}
