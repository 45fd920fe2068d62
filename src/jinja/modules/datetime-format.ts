/**
 * strftime and strptime for the datetime module, with Python's directives (%Y %m %d %H %M %S %f
 * %y %j %a %A %b %B %p %I %w %z %Z %%). Times are UTC: %z writes `+0000`, %Z `UTC`.
 */

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The fields strftime reads. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  /** 0 = Monday, as Python's weekday(). */
  weekday: number;
  /** 1-based day of the year. */
  yday: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Python's strftime. */
export function strftime(fields: DateFields, format: string): string {
  return format.replace(/%([a-zA-Z%])/g, (all, code: string) => {
    switch (code) {
      case 'Y': return pad(fields.year, 4);
      case 'y': return pad(fields.year % 100);
      case 'm': return pad(fields.month);
      case 'd': return pad(fields.day);
      case 'H': return pad(fields.hour);
      case 'I': return pad(fields.hour % 12 === 0 ? 12 : fields.hour % 12);
      case 'p': return fields.hour < 12 ? 'AM' : 'PM';
      case 'M': return pad(fields.minute);
      case 'S': return pad(fields.second);
      case 'f': return pad(fields.microsecond, 6);
      case 'j': return pad(fields.yday, 3);
      case 'a': return DAYS[fields.weekday].slice(0, 3);
      case 'A': return DAYS[fields.weekday];
      case 'w': return String((fields.weekday + 1) % 7);
      case 'b': return MONTHS[fields.month - 1].slice(0, 3);
      case 'B': return MONTHS[fields.month - 1];
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
      default: return all;
    }
  });
}

const PARSERS: Record<string, [string, (value: string, out: Partial<DateFields> & { pm?: boolean }) => void]> = {
  Y: ['(\\d{4})', (v, o) => { o.year = Number(v); }],
  y: ['(\\d{2})', (v, o) => { o.year = Number(v) + (Number(v) < 69 ? 2000 : 1900); }],
  m: ['(\\d{1,2})', (v, o) => { o.month = Number(v); }],
  d: ['(\\d{1,2})', (v, o) => { o.day = Number(v); }],
  H: ['(\\d{1,2})', (v, o) => { o.hour = Number(v); }],
  I: ['(\\d{1,2})', (v, o) => { o.hour = Number(v) % 12; }],
  p: ['(AM|PM|am|pm)', (v, o) => { o.pm = v.toUpperCase() === 'PM'; }],
  M: ['(\\d{1,2})', (v, o) => { o.minute = Number(v); }],
  S: ['(\\d{1,2})', (v, o) => { o.second = Number(v); }],
  f: ['(\\d{1,6})', (v, o) => { o.microsecond = Number(v.padEnd(6, '0')); }],
  b: ['([A-Za-z]{3})', (v, o) => { o.month = monthIndex(v, 3); }],
  B: ['([A-Za-z]+)', (v, o) => { o.month = monthIndex(v); }],
  a: ['([A-Za-z]{3})', () => {}],
  A: ['([A-Za-z]+)', () => {}],
  z: ['(Z|[+-]\\d{2}:?\\d{2})?', () => {}],
  Z: ['(UTC|GMT)?', () => {}],
};

function monthIndex(name: string, length?: number): number {
  const at = MONTHS.findIndex((month) => (length ? month.slice(0, length) : month).toLowerCase() === name.toLowerCase());
  if (at < 0) throw new Error(`unknown month name '${name}'`);
  return at + 1;
}

/** Python's strptime: the fields of `text` read with `format`; throws when they do not match. */
export function strptime(text: string, format: string): Omit<DateFields, 'weekday' | 'yday'> {
  const setters: ((value: string, out: Partial<DateFields> & { pm?: boolean }) => void)[] = [];
  const pattern = format.replace(/%([a-zA-Z%])|([.*+?^${}()|[\]\\])/g, (all, code: string | undefined, special: string | undefined) => {
    if (special) return `\\${special}`;
    if (code === '%') return '%';
    const parser = PARSERS[code!];
    if (!parser) throw new Error(`strptime: unsupported directive %${code}`);
    setters.push(parser[1]);
    return parser[0];
  });
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) throw new Error(`time data '${text}' does not match format '${format}'`);
  const out: Partial<DateFields> & { pm?: boolean } = {};
  setters.forEach((set, i) => set(match[i + 1] ?? '', out));
  const hour = (out.hour ?? 0) + (out.pm ? 12 : 0);
  return { year: out.year ?? 1900, month: out.month ?? 1, day: out.day ?? 1, hour, minute: out.minute ?? 0, second: out.second ?? 0, microsecond: out.microsecond ?? 0 };
}
