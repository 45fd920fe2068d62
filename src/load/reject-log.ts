/** Collects rejected records and fails the load the moment they exceed maxerrors. */

import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { BadRecord, LoadSource } from './types.js';

/** What to do about a record of a kind that has more to say than maxerrors (a worker's rejects get theirs again here). */
const HINTS: Record<string, string> = {
  [LoadErrors.invalidChars]: "the file must be UTF-8: fix the bytes, or set accept_invalid_chars: '?' on the table in sources.yml to replace them",
};

/** The hint for a rejected record of this kind, if its kind has one. */
function rejectHint(bad: BadRecord): string | undefined {
  return bad.code === undefined ? undefined : HINTS[bad.code];
}

/** Records bad records into `rejected`; throws once there are more than the table tolerates. */
export class RejectLog {
  // What to do about the last record added, when its kind has more to say than maxerrors.
  private lastHint: string | undefined;

  constructor(
    private readonly table: Pick<LoadSource, 'sourceName' | 'name' | 'maxerrors'>,
    private readonly rejected: BadRecord[],
  ) {}

  /**
   * Adds a bad record; throws SparkifyError (exit code 1) listing every rejected record, each with
   * its code (SPK310 unless the record says), when it is one too many.
   */
  add(bad: BadRecord): void {
    this.rejected.push(bad);
    this.lastHint = rejectHint(bad);
    if (this.rejected.length > this.table.maxerrors) throw this.failure();
  }

  private failure(): SparkifyError {
    const node = `source.${this.table.sourceName}.${this.table.name}`;
    const count = this.rejected.length;
    const diagnostics: Diagnostic[] = this.rejected.map((bad) => ({
      code: bad.code ?? LoadErrors.badRecord,
      message: bad.message,
      location: { file: bad.file, line: bad.line, column: bad.column },
      node,
    }));
    // One hint, on the last line, rather than one per record.
    const allow = `allow up to ${count} bad records with maxerrors: ${count} in sources.yml`;
    diagnostics[count - 1].hint = this.lastHint ? `${this.lastHint}; or ${allow}` : `fix the record, or ${allow}`;
    return new SparkifyError(diagnostics, 1);
  }
}
