/**
 * The log_data side: November 2018, one NDJSON file per UTC day. Each day's sessions are
 * planned, generated in start order, and their events written in ts order; events past
 * midnight carry over to the next day's file, so a session can span two files as in the
 * real logs. Only one day of events is held in memory at a time.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { planDay, UserPicker, type PlannedSession } from './day-plan.js';
import { eventLine, type LogEvent } from './events.js';
import type { FactCounter } from './facts.js';
import { FileWriter } from './file-writer.js';
import type { Catalog } from './plays.js';
import { streamFor, type Rng } from './prng.js';
import { generateSession, type SessionContext, type SessionSpec } from './session.js';
import type { Song } from './songs.js';
import type { User } from './users.js';

const DAY_MS = 86_400_000;
const MONTH_START = Date.UTC(2018, 10, 1);
const DAYS = 30;

/** What the log writer needs from the run. */
export interface LogRun {
  out: string;
  seed: number;
  users: readonly User[];
  songs: readonly Song[];
  catalog: Catalog;
  sessionsPerDay: number;
  /** The millisecond part every timestamp shares (the real logs all end in one value, 796). */
  msOffset: number;
  facts: FactCounter;
}

/** Totals of what was written. */
export interface WrittenFiles {
  files: number;
  bytes: number;
}

/** A free user for a shared-timestamp session, searched from a random position. */
function freeUser(users: readonly User[], start: number, rng: Rng): User | undefined {
  const first = rng.int(0, users.length - 1);
  for (let i = 0; i < users.length; i++) {
    const user = users[(first + i) % users.length];
    if (user.busyUntil <= start) return user;
  }
  return undefined;
}

/** Turns a planned session into a spec, or undefined when its user is busy until tomorrow. */
function resolve(planned: PlannedSession, run: LogRun, rng: Rng, dayEnd: number): Omit<SessionSpec, 'sessionId'> | undefined {
  const { steps, twin } = planned;
  if (twin) {
    const user = freeUser(run.users, planned.start, rng);
    return user && { start: planned.start, user, steps, opensWithPlay: true };
  }
  const user = planned.user;
  let start = planned.start;
  if (user && user.busyUntil > start) start = user.busyUntil + rng.int(60, 1800) * 1000;
  return start < dayEnd ? { start, user, steps, opensWithPlay: false } : undefined;
}

/** Writes one day's file: lines joined by `\n`, none after the last. */
function writeDay(out: string, day: number, events: readonly LogEvent[]): number {
  const writer = new FileWriter(join(out, `2018-11-${String(day).padStart(2, '0')}-events.json`));
  events.forEach((event, i) => writer.write(i === 0 ? eventLine(event) : `\n${eventLine(event)}`));
  return writer.close();
}

/** Generates and writes `log_data/2018/11/*.json`. */
export function writeEventLogs(run: LogRun): WrittenFiles {
  const out = join(run.out, 'log_data', '2018', '11');
  mkdirSync(out, { recursive: true });
  const picker = new UserPicker(run.users);
  let sessionId = streamFor(run.seed, 'session-ids').int(1, 20);
  let carry: LogEvent[] = [];
  let bytes = 0;
  for (let day = 1; day <= DAYS; day++) {
    const rng = streamFor(run.seed, 'day', day);
    const dayStart = MONTH_START + (day - 1) * DAY_MS;
    const ctx: SessionContext = { rng, songs: run.songs, catalog: run.catalog, day, until: MONTH_START + DAYS * DAY_MS };
    const events = carry;
    for (const planned of planDay(rng, picker, day, dayStart + run.msOffset, run.sessionsPerDay)) {
      const spec = resolve(planned, run, rng, dayStart + DAY_MS);
      if (spec) events.push(...generateSession({ ...spec, sessionId: (sessionId += rng.int(1, 3)) }, ctx));
    }
    // Array.prototype.sort is stable, so one user's same-second events keep their order.
    const today = events.filter((e) => e.ts < dayStart + DAY_MS).sort((a, b) => a.ts - b.ts);
    carry = events.filter((e) => e.ts >= dayStart + DAY_MS);
    bytes += writeDay(out, day, today);
    run.facts.addDay(today);
  }
  return { files: DAYS, bytes };
}
