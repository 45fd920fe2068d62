/**
 * Which sessions start on a day, and when. Sessions are planned first and generated in
 * start order afterwards, so each user's sessions run one after another and the user's
 * level reads consistently in time order.
 */
import type { Rng } from './prng.js';
import type { User } from './users.js';

/** Days on which two users each start a session with a play in the very same millisecond. */
export const SHARED_TS_DAYS = [9, 23];

/** A session to be generated; a `twin` gets its user only at generation time. */
export interface PlannedSession {
  start: number;
  user?: User;
  twin: boolean;
  steps: number;
}

/** Picks users in proportion to their weight. */
export class UserPicker {
  private readonly cumulative: number[] = [];

  constructor(readonly users: readonly User[]) {
    let total = 0;
    for (const user of users) this.cumulative.push((total += user.weight));
  }

  pick(rng: Rng): User {
    const target = rng.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.users[low];
  }
}

/** Session length in steps: mostly short, sometimes a long evening. */
function sessionSteps(rng: Rng): number {
  return rng.chance(0.2) ? rng.int(20, 60) : rng.int(1, 15);
}

/** The plan of one day. `origin` is 00:00 UTC plus the run's millisecond offset, which every timestamp keeps. */
export function planDay(rng: Rng, picker: UserPicker, day: number, origin: number, sessionsPerDay: number): PlannedSession[] {
  const at = (second: number) => origin + second * 1000;
  const count = Math.max(1, Math.round(sessionsPerDay * (0.4 + rng.next() * 1.2)));
  const plan: PlannedSession[] = [];
  for (let i = 0; i < count; i++) {
    const visitor = rng.chance(0.04);
    plan.push({ start: at(rng.int(0, 86_399)), user: visitor ? undefined : picker.pick(rng), twin: false, steps: sessionSteps(rng) });
  }
  for (const user of picker.users.filter((u) => u.plan.length > 0 && u.plan[0].day <= day)) {
    plan.push({ start: at(rng.int(0, 72_000)), user, twin: false, steps: rng.int(4, 12) });
  }
  if (SHARED_TS_DAYS.includes(day)) {
    const start = at(rng.int(36_000, 64_800));
    plan.push({ start, twin: true, steps: rng.int(3, 10) }, { start, twin: true, steps: rng.int(3, 10) });
  }
  return plan.sort((a, b) => a.start - b.start);
}
