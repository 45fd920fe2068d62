/** Collects rejected records and fails the load the moment they exceed maxerrors. */

import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { BadRecord, LoadSource } from './types.js';

/** Records bad records into `rejected`; throws once there are more than the table tolerates. */
export class RejectLog {
  // What to do about the last record added, when its kind has more to say than maxerrors.
  private lastHint: string | undefined;

  constructor(
    private readonly table: Pick<LoadSource, 'sourceName' | 'name' | 'maxerrors'>,
    private readonly rejected: BadRecord[],
  ) {}

  /**
   * Adds a bad record (with a hint for its kind, if any); throws SparkifyError (exit code 1) listing
   * every rejected record, each with its code (SPK310 unless the record says), when it is one too many.
   */
  add(bad: BadRecord, hint?: string): void {
    this.rejected.push(bad);
    this.lastHint = hint;
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
