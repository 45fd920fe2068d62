/**
 * `modules.datetime` as dbt packages use it: `datetime.datetime(2024, 1, 31)`, `datetime.date`,
 * `datetime.timedelta(days=1)`, `strptime`/`strftime`/`isoformat`, `+`/`-` between dates and
 * deltas, comparisons. Times are naive UTC. Compile touches no clock: `now()`, `utcnow()` and
 * `today()` return the invocation's start time, which the caller supplies (run_started_at).
 */
import { bindArgs } from '../python/call-args.js';
import { strftime, strptime, type DateFields } from './datetime-format.js';

const MICROS_PER_DAY = 86_400_000_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A duration in whole microseconds (Python's timedelta). */
export class TimeDelta {
  constructor(readonly micros: number) {}
  get days(): number { return Math.floor(this.micros / MICROS_PER_DAY); }
  get seconds(): number { return Math.floor((this.micros - this.days * MICROS_PER_DAY) / 1_000_000); }
  get microseconds(): number { return this.micros % 1_000_000 < 0 ? (this.micros % 1_000_000) + 1_000_000 : this.micros % 1_000_000; }
  total_seconds(): number { return this.micros / 1_000_000; }
  valueOf(): number { return this.micros; }
  // Printed into a template (`'' + x` prefers valueOf), a delta reads as Python's str().
  [Symbol.toPrimitive](hint: string): string | number { return hint === 'number' ? this.micros : this.toString(); }
  __eq__(other: unknown): boolean { return other instanceof TimeDelta && other.micros === this.micros; }
  __add__(other: unknown): unknown { return other instanceof TimeDelta ? new TimeDelta(this.micros + other.micros) : undefined; }
  __radd__(other: unknown): unknown { return other instanceof PyDate ? other.__add__(this) : undefined; }
  __sub__(other: unknown): unknown { return other instanceof TimeDelta ? new TimeDelta(this.micros - other.micros) : undefined; }
  toString(): string {
    const clock = `${Math.floor(this.seconds / 3600)}:${pad(Math.floor(this.seconds / 60) % 60)}:${pad(this.seconds % 60)}`;
    const fraction = this.microseconds ? `.${pad(this.microseconds, 6)}` : '';
    const days = this.days ? `${this.days} day${Math.abs(this.days) === 1 ? '' : 's'}, ` : '';
    return days + clock + fraction;
  }
}

/** A calendar date (Python's date); PyDateTime adds the time of day. */
export class PyDate {
  /** Microseconds since 1970-01-01T00:00:00 UTC. */
  constructor(readonly micros: number) {}
  protected get utc(): Date { return new Date(Math.floor(this.micros / 1000)); }
  get year(): number { return this.utc.getUTCFullYear(); }
  get month(): number { return this.utc.getUTCMonth() + 1; }
  get day(): number { return this.utc.getUTCDate(); }
  weekday(): number { return (this.utc.getUTCDay() + 6) % 7; }
  isoweekday(): number { return this.weekday() + 1; }
  protected fields(): DateFields {
    const start = Date.UTC(this.year, 0, 1);
    const yday = Math.floor((Math.floor(this.micros / 1000) - start) / 86_400_000) + 1;
    return { year: this.year, month: this.month, day: this.day, hour: 0, minute: 0, second: 0, microsecond: 0, weekday: this.weekday(), yday };
  }
  strftime(format: unknown): string { return strftime(this.fields(), String(format)); }
  isoformat(): string { return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`; }
  replace(...args: unknown[]): PyDate {
    const { year, month, day } = bindArgs('replace', args, [['year', this.year], ['month', this.month], ['day', this.day]]);
    return new PyDate(utcMicros(Number(year), Number(month), Number(day)));
  }
  valueOf(): number { return this.micros; }
  [Symbol.toPrimitive](hint: string): string | number { return hint === 'number' ? this.micros : this.toString(); }
  toJSON(): string { return this.isoformat(); }
  toString(): string { return this.isoformat(); }
  __eq__(other: unknown): boolean { return other instanceof PyDate && other.constructor === this.constructor && other.micros === this.micros; }
  __add__(other: unknown): unknown { return other instanceof TimeDelta ? this.shifted(other.micros) : undefined; }
  __sub__(other: unknown): unknown {
    if (other instanceof TimeDelta) return this.shifted(-other.micros);
    if (other instanceof PyDate && other.constructor === this.constructor) return new TimeDelta(this.micros - other.micros);
    return undefined;
  }
  protected shifted(delta: number): PyDate {
    // A date moves by whole days only, as in Python.
    return new PyDate(this.micros + Math.trunc(delta / MICROS_PER_DAY) * MICROS_PER_DAY);
  }
}

/** A date and time of day, naive UTC (Python's datetime). */
export class PyDateTime extends PyDate {
  get hour(): number { return this.utc.getUTCHours(); }
  get minute(): number { return this.utc.getUTCMinutes(); }
  get second(): number { return this.utc.getUTCSeconds(); }
  get microsecond(): number { return ((this.micros % 1_000_000) + 1_000_000) % 1_000_000; }
  protected override fields(): DateFields {
    return { ...super.fields(), hour: this.hour, minute: this.minute, second: this.second, microsecond: this.microsecond };
  }
  date(): PyDate { return new PyDate(this.micros - (((this.micros % MICROS_PER_DAY) + MICROS_PER_DAY) % MICROS_PER_DAY)); }
  timestamp(): number { return this.micros / 1_000_000; }
  override isoformat(...args: unknown[]): string {
    const { sep } = bindArgs('isoformat', args, [['sep', 'T']]);
    const fraction = this.microsecond ? `.${pad(this.microsecond, 6)}` : '';
    return `${super.isoformat()}${String(sep)}${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}${fraction}`;
  }
  override replace(...args: unknown[]): PyDateTime {
    const p = bindArgs('replace', args, [['year', this.year], ['month', this.month], ['day', this.day], ['hour', this.hour], ['minute', this.minute], ['second', this.second], ['microsecond', this.microsecond], ['tzinfo', null]]);
    return new PyDateTime(utcMicros(Number(p.year), Number(p.month), Number(p.day), Number(p.hour), Number(p.minute), Number(p.second), Number(p.microsecond)));
  }
  override toString(): string { return this.isoformat(' '); }
  protected override shifted(delta: number): PyDateTime { return new PyDateTime(this.micros + delta); }
}

/** The only time zone: every time is naive UTC. */
class UtcZone {
  tzname(): string { return 'UTC'; }
  utcoffset(): TimeDelta { return new TimeDelta(0); }
  toString(): string { return 'UTC'; }
}

const UTC = new UtcZone();

function utcMicros(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, micro = 0): number {
  if (month < 1 || month > 12) throw new Error('month must be in 1..12');
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCDate() !== day) throw new Error('day is out of range for month');
  date.setUTCFullYear(year);
  return date.getTime() * 1000 + micro;
}

function parseIso(text: string): PyDateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(?:Z|[+-]00:?00)?$/.exec(text.trim());
  if (!match) throw new Error(`Invalid isoformat string: '${text}'`);
  const [, y, m, d, h = '0', mi = '0', s = '0', f = ''] = match;
  return new PyDateTime(utcMicros(+y, +m, +d, +h, +mi, +s, Number(f.padEnd(6, '0'))));
}

/** The `modules.datetime` namespace; `now` is the clock templates see (the invocation's start). */
export function datetimeModule(now: () => Date): Record<string, unknown> {
  const current = () => new PyDateTime(now().getTime() * 1000);
  const datetime = Object.assign(
    (...args: unknown[]) => {
      const p = bindArgs('datetime', args, ['year', 'month', 'day', ['hour', 0], ['minute', 0], ['second', 0], ['microsecond', 0], ['tzinfo', null]]);
      return new PyDateTime(utcMicros(Number(p.year), Number(p.month), Number(p.day), Number(p.hour), Number(p.minute), Number(p.second), Number(p.microsecond)));
    },
    {
      now: () => current(),
      utcnow: () => current(),
      today: () => current(),
      strptime: (text: unknown, format: unknown) => {
        const f = strptime(String(text), String(format));
        return new PyDateTime(utcMicros(f.year, f.month, f.day, f.hour, f.minute, f.second, f.microsecond));
      },
      fromisoformat: (text: unknown) => parseIso(String(text)),
      fromtimestamp: (seconds: unknown) => new PyDateTime(Math.round(Number(seconds) * 1_000_000)),
      utcfromtimestamp: (seconds: unknown) => new PyDateTime(Math.round(Number(seconds) * 1_000_000)),
    },
  );
  const date = Object.assign(
    (...args: unknown[]) => { const p = bindArgs('date', args, ['year', 'month', 'day']); return new PyDate(utcMicros(Number(p.year), Number(p.month), Number(p.day))); },
    { today: () => current().date(), fromisoformat: (text: unknown) => parseIso(String(text)).date() },
  );
  const timedelta = (...args: unknown[]) => {
    const p = bindArgs('timedelta', args, [['days', 0], ['seconds', 0], ['microseconds', 0], ['milliseconds', 0], ['minutes', 0], ['hours', 0], ['weeks', 0]]);
    const seconds = Number(p.seconds) + Number(p.minutes) * 60 + Number(p.hours) * 3600 + (Number(p.days) + Number(p.weeks) * 7) * 86400;
    return new TimeDelta(Math.round(seconds * 1_000_000 + Number(p.milliseconds) * 1000 + Number(p.microseconds)));
  };
  return { datetime, date, timedelta, timezone: { utc: UTC }, MINYEAR: 1, MAXYEAR: 9999 };
}
