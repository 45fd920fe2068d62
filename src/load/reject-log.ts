/** Collects rejected records and fails the load (SPK310) the moment they exceed maxerrors. */

import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import type { LoadSource } from './types.js';
import type { BadRecord } from './types.js';

/** Records bad records into `rejected`; throws once there are more than the table tolerates. */
export class RejectLog {
  constructor(
    private readonly table: LoadSource,
    private readonly rejected: BadRecord[],
  ) {}

  /** Adds a bad record; throws SparkifyError SPK310 (exit code 1) when it is one too many. */
  add(bad: BadRecord): void {
    this.rejected.push(bad);
    if (this.rejected.length > this.table.maxerrors) throw this.failure();
  }

  private failure(): SparkifyError {
    const node = `source.${this.table.sourceName}.${this.table.name}`;
    const count = this.rejected.length;
    const diagnostics: Diagnostic[] = this.rejected.map((bad) => ({
      code: LoadErrors.badRecord,
      message: bad.message,
      location: { file: bad.file, line: bad.line, column: bad.column },
      node,
    }));
    // One hint, on the last line, rather than one per record.
    diagnostics[count - 1].hint = `fix the record, or allow up to ${count} bad records with maxerrors: ${count} in sources.yml`;
    return new SparkifyError(diagnostics, 1);
  }
}
