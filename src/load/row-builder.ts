/** Turns a scanned record into one COPY text row, or into the reason it is rejected. */

import { COPY_NULL } from './copy-text.js';
import { locateValue } from './locate-value.js';
import { MalformedJson, parseRecord } from './parse-record.js';
import { problemInRecord, type RecordProblem } from './record-problem.js';
import type { ScannedRecord } from './record-scanner.js';
import { positionIn } from './text-position.js';
import type { JsonObject, ValueSource } from './value-source.js';
import { ValueError, type Encoder } from './values/value-error.js';

/** A column as the row builder fills it. */
export interface RowColumn {
  name: string;
  /** The SQL type as declared, for messages. */
  type: string;
  source: ValueSource;
  encode: Encoder;
}

/** Builds COPY rows for one table's columns. */
export class RowBuilder {
  private readonly fields: string[];
  /**
   * With origin columns (`origin_columns: true`): the COPY text of the current file's key, which
   * each row carries before its record's line number; undefined without them.
   */
  originFile: string | undefined;

  constructor(private readonly columns: readonly RowColumn[]) {
    this.fields = new Array<string>(columns.length).fill('');
  }

  /** The row (ending in a newline), or the problem that rejects the record. */
  build(record: ScannedRecord): string | RecordProblem {
    let value = record.parsed;
    if (value === undefined) {
      try {
        value = parseRecord(record.text, record.lossless);
      } catch (error) {
        if (!(error instanceof MalformedJson)) throw error;
        return problemInRecord(record, positionIn(record.text, error.offset, record), `malformed JSON: ${error.message}`);
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return problemAt(record, 0, `expected a JSON object, got ${kindOf(value)}`);
    }
    return this.encode(value as JsonObject, record);
  }

  private encode(object: JsonObject, record: ScannedRecord): string | RecordProblem {
    const columns = this.columns;
    const fields = this.fields;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      const value = column.source.get(object);
      let field: string;
      if (value === null || value === undefined) {
        field = COPY_NULL;
      } else {
        try {
          field = column.encode(value);
        } catch (error) {
          if (!(error instanceof ValueError)) throw error;
          return valueProblem(record, object, column, error.message);
        }
      }
      fields[k] = field;
    }
    // One join allocates the row flat; concatenating field by field built a rope of 2n pieces.
    if (this.originFile !== undefined) return `${fields.join('\t')}\t${this.originFile}\t${record.line}\n`;
    return `${fields.join('\t')}\n`;
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function problemAt(record: ScannedRecord, offset: number, message: string): RecordProblem {
  return { ...positionIn(record.text, offset, record), message };
}

function valueProblem(record: ScannedRecord, object: JsonObject, column: RowColumn, message: string): RecordProblem {
  const offset = locateValue(record.text, column.source.pathIn(object)) ?? 0;
  return problemAt(record, offset, `column "${column.name}" (${column.type}): ${message}`);
}
