/** Checks a source table's column types and builds each column's value encoder. */

import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { LoadErrors } from './error-codes.js';
import { parseColumnType } from './column-types.js';
import type { LoadOptions, LoadSource } from './types.js';
import { buildEncoder } from './values/build-encoder.js';
import type { Encoder } from './values/value-error.js';

const KNOWN_TYPES =
  'smallint, integer, bigint, real, double precision, numeric(p,s), varchar(n), char(n), text, boolean, timestamp, timestamptz, date';

/** One encoder per column, in column order. Throws SparkifyError SPK303 listing every unknown type. */
export function planEncoders(table: LoadSource, options: LoadOptions): Encoder[] {
  const settings = {
    timeformat: table.timeformat,
    truncatecolumns: table.truncatecolumns,
    varcharLength: options.varcharLength ?? 'chars',
  };
  const problems: Diagnostic[] = [];
  const encoders = table.columns.map((column) => {
    const type = parseColumnType(column.type);
    if (type) return buildEncoder(type, settings);
    problems.push({
      code: LoadErrors.columnType,
      message: `column ${column.name} of source table ${table.sourceName}.${table.name} has type "${column.type}", which the loader cannot read`,
      location: { file: column.position.file, line: column.position.line, column: column.position.column },
      node: `source.${table.sourceName}.${table.name}`,
      hint: `use one of ${KNOWN_TYPES}`,
    });
    return undefined;
  });
  if (problems.length > 0) throw new SparkifyError(problems);
  return encoders as Encoder[];
}
