/** Where a problem is: a project-relative file and, when known, a 1-based line and column. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Where a value was written: project-relative file and 1-based line. */
export interface Position {
  file: string;
  line: number;
  column?: number;
}

/** One problem found while reading, compiling or loading a project. */
export interface Diagnostic {
  /** Stable code, e.g. `SPK101`; the list lives in docs/errors.md. */
  code: string;
  message: string;
  location?: SourceLocation;
  /** The node the problem belongs to (`model.users`, `source.sparkify.staging_events`). */
  node?: string;
  /** What the user can do about it. */
  hint?: string;
}

/** Formats `file:line:col` (omitting what is unknown). */
export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

/** Renders a diagnostic the way the CLI prints it: `file:line:col: message [CODE]` then the hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.location ? `${formatLocation(diagnostic.location)}: ` : '';
  let text = `${where}${diagnostic.message} [${diagnostic.code}]`;
  if (diagnostic.hint) text += `\n  hint: ${diagnostic.hint}`;
  return text;
}

/**
 * An expected failure: bad input or a failed build step. The CLI prints its diagnostics without a
 * stack trace. `exitCode` is 2 for bad usage/input, 1 for a node that failed during a run.
 */
export class SparkifyError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: 1 | 2;

  constructor(diagnostics: Diagnostic | Diagnostic[], exitCode: 1 | 2 = 2) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'SparkifyError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

/** Shorthand for throwing a single diagnostic. */
export function fail(code: string, message: string, location?: SourceLocation, hint?: string): never {
  throw new SparkifyError({ code, message, location, hint });
}

/** Suggests the closest candidate by edit distance, or undefined when none is close. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const threshold = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= threshold ? best : undefined;
}

/** Up to `limit` candidates closest to `name` by edit distance (closest first, ties by name), among those close enough. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const threshold = Math.max(2, Math.floor(name.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter((c) => c.distance <= threshold)
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map((c) => c.candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
