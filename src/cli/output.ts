import pc from 'picocolors';

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

/** Prints timestamped lines to stdout/stderr, scrubbing secrets. */
export class Output {
  constructor(private readonly scrub: (text: string) => string = (t) => t) {}

  /** A timestamped line, as dbt prints them. */
  line(text: string): void {
    process.stdout.write(`${pc.dim(timestamp())}  ${this.scrub(text)}\n`);
  }

  /** Raw text to stdout (compiled SQL, JSON, tables). */
  raw(text: string): void {
    process.stdout.write(this.scrub(text));
  }

  error(text: string): void {
    process.stderr.write(this.scrub(text) + '\n');
  }
}

/** `3 of 7 OK created table model public.users ......... [SELECT 97 in 0.12s]`. */
export function statusLine(prefix: string, what: string, result: string): string {
  const head = `${prefix} ${what} `;
  const dots = '.'.repeat(Math.max(3, LINE_WIDTH - head.length - 1));
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
