/** Picks the value encoder for a column type and the table's load settings. */

import type { ColumnType } from '../column-types.js';
import { booleanEncoder } from './encode-boolean.js';
import { floatEncoder } from './encode-float.js';
import { integerEncoder } from './encode-integer.js';
import { numericEncoder } from './encode-numeric.js';
import { textEncoder } from './encode-text.js';
import { dateEncoder, timestampEncoder, type TimeFormat } from './encode-timestamp.js';
import type { LengthUnit } from './text-length.js';
import type { Encoder } from './value-error.js';

/** Table-wide settings that change how values are read. */
export interface EncoderSettings {
  timeformat: TimeFormat;
  truncatecolumns: boolean;
  varcharLength: LengthUnit;
}

/** The encoder for one column. */
export function buildEncoder(type: ColumnType, settings: EncoderSettings): Encoder {
  switch (type.kind) {
    case 'integer':
      return integerEncoder(type);
    case 'float':
      return floatEncoder(type.label, type.single);
    case 'numeric':
      return numericEncoder(type);
    case 'text':
      return textEncoder({ ...type, unit: settings.varcharLength, truncate: settings.truncatecolumns });
    case 'boolean':
      return booleanEncoder();
    case 'timestamp':
      return timestampEncoder(type.label, type.withZone, settings.timeformat);
    case 'date':
      return dateEncoder();
  }
}
