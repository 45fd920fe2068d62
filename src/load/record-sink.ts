/** Routes scanned records into COPY rows or rejections, checking their characters first. */

import type { ChunkWriter } from './chunk-writer.js';
import { LoadErrors } from './error-codes.js';
import { firstInvalidChar, hasInvalidChars, replaceInvalidChars } from './invalid-chars.js';
import type { RejectLog } from './reject-log.js';
import type { ScannedRecord, ScanSink } from './record-scanner.js';
import type { RowBuilder } from './row-builder.js';
import { positionIn } from './text-position.js';
import type { LoadStats } from './types.js';

/** One table's record sink; `file` names the file being read, for rejections. */
export class RecordSink implements ScanSink {
  /** Display path of the file whose records come in now. */
  file = '';

  constructor(
    private readonly builder: RowBuilder,
    private readonly writer: ChunkWriter,
    private readonly rejects: RejectLog,
    private readonly stats: LoadStats,
    /** accept_invalid_chars: the replacement character, or undefined to reject such records. */
    private readonly replacement: string | undefined,
  ) {}

  record(scanned: ScannedRecord): void {
    // The line fast path hands over only records it parsed and found clean.
    const record = scanned.parsed === undefined && hasInvalidChars(scanned.text) ? this.invalid(scanned) : scanned;
    if (!record) return;
    const row = this.builder.build(record);
    if (typeof row !== 'string') return this.rejects.add({ file: this.file, ...row });
    this.writer.add(row);
    this.stats.rows++;
  }

  malformed(line: number, column: number, message: string, code?: string): void {
    this.rejects.add(code === undefined ? { file: this.file, line, column, message } : { file: this.file, line, column, message, code });
  }

  /** Rejects a record holding invalid characters, or returns it with them replaced. */
  private invalid(record: ScannedRecord): ScannedRecord | undefined {
    if (this.replacement === undefined) {
      const bad = firstInvalidChar(record.text);
      if (!bad) return record;
      const at = positionIn(record.text, bad.offset, record);
      this.rejects.add({ file: this.file, ...at, message: bad.message, code: LoadErrors.invalidChars });
      return undefined;
    }
    const fixed = replaceInvalidChars(record.text, this.replacement);
    const replaced = (this.stats.replaced ??= { chars: 0, records: 0 });
    replaced.chars += fixed.count;
    replaced.records++;
    return { ...record, text: fixed.text };
  }
}
