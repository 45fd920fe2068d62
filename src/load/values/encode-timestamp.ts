/** timestamp, timestamptz and date: epoch numbers or ISO-8601 strings, per the table's timeformat. */

import { COPY_NULL } from '../copy-text.js';
import { parseDecimal } from '../decimal.js';
import { formatEpochMillis } from './epoch.js';
import { isIsoTimestamp, isoDatePart } from './iso-datetime.js';
import { describeValue, numericText, reject, type Encoder } from './value-error.js';

/** How timestamp values are written in the files (Redshift's TIMEFORMAT). */
export type TimeFormat = 'auto' | 'epochmillisecs' | 'epochsecs';

/** Builds the encoder for a timestamp column. */
export function timestampEncoder(label: string, withZone: boolean, format: TimeFormat): Encoder {
  if (format === 'auto') return isoEncoder(label);
  const scale = format === 'epochsecs' ? 1000 : 1;
  const unit = format === 'epochsecs' ? 'epoch seconds' : 'epoch milliseconds';
  // Epoch values are UTC instants; say so for timestamptz so the session time zone cannot shift them.
  const zone = withZone ? '+00' : '';
  return (value) => {
    if (value === '') return COPY_NULL;
    const text = numericText(value);
    if (text === undefined || parseDecimal(text) === undefined) return reject(`value ${describeValue(value)} is not ${unit}`);
    const formatted = formatEpochMillis(Number(text) * scale);
    if (formatted === undefined) return reject(`value ${describeValue(value)} is out of range for ${label}`);
    return formatted + zone;
  };
}

function isoEncoder(label: string): Encoder {
  return (value) => {
    if (value === '') return COPY_NULL;
    // Passed through as written once valid: the regex admits no character COPY would need escaped.
    if (typeof value === 'string' && isIsoTimestamp(value)) return value;
    return reject(`value ${describeValue(value)} is not an ISO-8601 ${label}`);
  };
}

/** Builds the encoder for a date column: ISO-8601 dates (a timestamp's date part is taken). */
export function dateEncoder(): Encoder {
  return (value) => {
    if (value === '') return COPY_NULL;
    const date = typeof value === 'string' ? isoDatePart(value) : undefined;
    return date ?? reject(`value ${describeValue(value)} is not an ISO-8601 date`);
  };
}
