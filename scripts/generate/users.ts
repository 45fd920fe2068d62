/** The listeners: who they are, how often they come back, and their subscription level. */
import type { Rng } from './prng.js';
import { FIRST_NAMES, LAST_NAMES, METROS, USER_AGENTS } from './vocabulary.js';

/** A subscription level as the logs spell it. */
export type Level = 'free' | 'paid';

/** A planned level change: on `day` (1–30) the user submits an upgrade or downgrade. */
export interface LevelChange {
  day: number;
  to: Level;
}

/** A listener; `level` and `busyUntil` change as sessions are generated in time order. */
export interface User {
  id: string;
  firstName: string;
  lastName: string;
  gender: 'F' | 'M';
  location: string;
  userAgent: string;
  /** Sign-up time in epoch milliseconds (written as a float). */
  registration: number;
  level: Level;
  /** Relative share of sessions: a few heavy listeners, many occasional ones. */
  weight: number;
  /** Scripted level changes still to happen, earliest first. */
  plan: LevelChange[];
  /** Users with a script never change level at random, so their story stays as documented. */
  scripted: boolean;
  /** End of the user's last session, so one user's sessions never overlap. */
  busyUntil: number;
}

/** The scripted changes every sample has: one user goes free → paid → free, another free → paid. */
const SCRIPTED_PLANS: LevelChange[][] = [
  [{ day: 7, to: 'paid' }, { day: 19, to: 'free' }],
  [{ day: 12, to: 'paid' }],
];

/** Distinct user ids drawn from 1..1.3×count, so the ids have gaps like the real ones. */
function userIds(rng: Rng, count: number): string[] {
  const pool = Array.from({ length: Math.ceil(count * 1.3) }, (_, i) => i + 1);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).map(String);
}

function newUser(rng: Rng, id: string, rank: number, msOffset: number): User {
  const gender = rng.chance(0.6) ? 'F' : 'M';
  const signUpDay = Date.UTC(2018, 8, 1) + rng.int(0, 60) * 86_400_000;
  return {
    id,
    firstName: rng.pick(FIRST_NAMES[gender]),
    lastName: rng.pick(LAST_NAMES),
    gender,
    location: rng.pick(METROS),
    userAgent: rng.pick(USER_AGENTS),
    registration: signUpDay + rng.int(0, 86_399) * 1000 + msOffset,
    level: rng.chance(0.3) ? 'paid' : 'free',
    weight: 1 / (rank + 1) ** 0.8,
    plan: [],
    scripted: false,
    busyUntil: 0,
  };
}

/** Builds `count` users (at least 8); the two heaviest start free and carry the scripted level changes. */
export function generateUsers(rng: Rng, count: number, msOffset: number): User[] {
  const users = userIds(rng, Math.max(8, count)).map((id, rank) => newUser(rng, id, rank, msOffset));
  SCRIPTED_PLANS.forEach((plan, i) => {
    users[i].level = 'free';
    users[i].plan = plan.map((change) => ({ ...change }));
    users[i].scripted = true;
  });
  return users;
}
