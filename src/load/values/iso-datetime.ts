/** Validation of ISO-8601 dates and timestamps, the strings `timeformat: auto` accepts. */

// Date, then optionally a time (T or space) with optional fraction and zone (Z, +hh, +hh:mm, +hhmm).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?: ?(?:Z|[+-]\d{2}(?::?\d{2})?))?)?$/;

/** The parts of an ISO-8601 date or timestamp, or undefined when it is not one or not a real date. */
function parseIso(text: string): { date: string } | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  if (!isRealDate(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  return { date: `${year}-${month}-${day}` };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= MONTH_DAYS[month - 1] + (month === 2 && leap ? 1 : 0);
}

/** Whether `text` is an ISO-8601 date or timestamp naming a real instant. */
export function isIsoTimestamp(text: string): boolean {
  return parseIso(text) !== undefined;
}

/** The `YYYY-MM-DD` part of an ISO-8601 date or timestamp, or undefined. */
export function isoDatePart(text: string): string | undefined {
  return parseIso(text)?.date;
}
