/**
 * dbt's `modules`: the Python modules templates may use. `datetime`, `re` and `itertools` are
 * covered as packages use them; `pytz` only knows UTC (times are naive UTC throughout).
 */
import { datetimeModule } from './datetime.js';
import { itertoolsModule } from './itertools.js';
import { reModule } from './re.js';

/** The `modules` template variable; `now` is the clock datetime.now() reads (the invocation's start). */
export function pythonModules(now: () => Date): Record<string, unknown> {
  const datetime = datetimeModule(now);
  const utc = (datetime.timezone as { utc: unknown }).utc;
  const timezone = (name: unknown) => {
    if (String(name).toUpperCase() !== 'UTC') throw new Error(`pytz.timezone('${String(name)}'): only UTC is available (times are naive UTC)`);
    return utc;
  };
  return { datetime, re: reModule(), itertools: itertoolsModule(), pytz: { utc, UTC: utc, timezone } };
}
