/** How a build reports the invalid characters accept_invalid_chars replaced (as Redshift's COPY reports the rows). */

/** `replaced 3 invalid characters in 2 records (accept_invalid_chars)`. */
export function replacedLine(replaced: { chars: number; records: number }): string {
  const chars = `${replaced.chars} invalid character${replaced.chars === 1 ? '' : 's'}`;
  const records = `${replaced.records} record${replaced.records === 1 ? '' : 's'}`;
  return `replaced ${chars} in ${records} (accept_invalid_chars)`;
}
