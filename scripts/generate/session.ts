/**
 * One listening session as a little state machine: optional logged-out start, then pages
 * chosen by weight, plays advancing the clock by their length, logouts that may log back in.
 */
import type { LogEvent, Page } from './events.js';
import { choosePlay, type Catalog } from './plays.js';
import type { Rng } from './prng.js';
import type { Song } from './songs.js';
import type { Level, User } from './users.js';

/** What every session of a run shares. */
export interface SessionContext {
  rng: Rng;
  songs: readonly Song[];
  catalog: Catalog;
  /** Day of November being generated (1–30); scripted level changes compare against it. */
  day: number;
  /** End of the month in epoch ms: nothing is written at or after it. */
  until: number;
}

/** A session to generate. */
export interface SessionSpec {
  sessionId: number;
  start: number;
  /** Who logs in; undefined for a visitor who never does. */
  user?: User;
  /** How many logged-in steps to take. */
  steps: number;
  /** Start with a play at `start` exactly (used for the shared-timestamp pairs). */
  opensWithPlay: boolean;
}

/** Collects a session's events and keeps its clock and item counter. */
class SessionLog {
  readonly events: LogEvent[] = [];
  private item = 0;
  ended = false;

  constructor(private readonly spec: SessionSpec, private readonly until: number, public ts: number, public level: Level) {}

  /** Appends an event; `loggedIn` decides whether the user's fields are filled. */
  emit(page: Page, loggedIn: boolean, extra: Partial<LogEvent> = {}): void {
    if (this.ts >= this.until) this.ended = true;
    if (this.ended) return;
    const user = loggedIn ? this.spec.user : undefined;
    const { sessionId } = this.spec;
    this.events.push({ ts: this.ts, sessionId, itemInSession: this.item++, page, level: this.level, user, ...extra });
  }

  wait(seconds: number): void {
    this.ts += seconds * 1000;
  }
}

/** Pages a logged-in step visits when it is not a play: cumulative thresholds on one roll ('Upgrade' means Downgrade for paid users). */
const BROWSE: ReadonlyArray<readonly [number, Page]> = [
  [0.42, 'Home'], [0.52, 'Settings'], [0.6, 'Help'], [0.65, 'About'], [0.72, 'Error'], [0.87, 'Upgrade'], [1, 'Logout'],
];
/** Share of logged-in steps that are plays; with the pages around logins, about 85% of events are plays. */
const PLAY_SHARE = 0.9;

function play(log: SessionLog, ctx: SessionContext): void {
  const track = choosePlay(ctx.rng, ctx.songs, ctx.catalog);
  log.emit('NextSong', true, { track });
  log.wait(Math.round(track.length) + ctx.rng.int(0, 2));
}

/** A session that starts logged out: the home page, a login, then the logged-in home page. */
function loggedOutStart(log: SessionLog, ctx: SessionContext): void {
  log.emit('Home', false);
  log.wait(ctx.rng.int(1, 40));
  log.emit('Login', false);
  log.wait(ctx.rng.int(1, 15));
  log.emit('Home', true);
  log.wait(ctx.rng.chance(0.3) ? 0 : ctx.rng.int(1, 30));
}

/** Logout; returns whether the user logs back in (the session then goes on). */
function logout(log: SessionLog, ctx: SessionContext): boolean {
  log.emit('Logout', true);
  log.wait(ctx.rng.int(1, 30));
  log.emit('Home', false);
  if (!ctx.rng.chance(0.6)) return false;
  log.wait(ctx.rng.int(1, 20));
  log.emit('Login', false);
  log.wait(ctx.rng.int(1, 15));
  log.emit('Home', true);
  return true;
}

/** Visits the upgrade or downgrade page and, if `submit`, changes level from the next event on. */
function levelPage(log: SessionLog, ctx: SessionContext, submit: boolean): void {
  const upgrade = log.level === 'free';
  log.emit(upgrade ? 'Upgrade' : 'Downgrade', true);
  if (!submit) return;
  log.wait(ctx.rng.int(5, 60));
  log.emit(upgrade ? 'Submit Upgrade' : 'Submit Downgrade', true);
  log.level = upgrade ? 'paid' : 'free';
  log.wait(ctx.rng.int(1, 10));
  log.emit('Home', true);
}

/** One logged-in step other than a play. */
function browse(log: SessionLog, ctx: SessionContext, user: User): void {
  const roll = ctx.rng.next();
  const page = BROWSE.find(([limit]) => roll < limit)?.[1] ?? 'Home';
  if (page === 'Logout') {
    log.ended = !logout(log, ctx);
  } else if (page === 'Upgrade') {
    levelPage(log, ctx, !user.scripted && ctx.rng.chance(0.15));
  } else {
    log.emit(page, true);
    if (page === 'Settings' && ctx.rng.chance(0.4)) log.emit('Save Settings', true);
  }
  // Home is often followed by a play in the same second, as in the real logs.
  log.wait(page === 'Home' && ctx.rng.chance(0.3) ? 0 : ctx.rng.int(1, 60));
}

/** The scripted level change due for this user today, if any. */
function dueChange(user: User, day: number): boolean {
  return user.plan.length > 0 && user.plan[0].day <= day && user.plan[0].to !== user.level;
}

function userSession(log: SessionLog, ctx: SessionContext, spec: SessionSpec, user: User): void {
  if (!spec.opensWithPlay && ctx.rng.chance(0.07)) loggedOutStart(log, ctx);
  const changeAt = dueChange(user, ctx.day) ? ctx.rng.int(0, spec.steps) : -1;
  for (let step = 0; step <= spec.steps && !log.ended; step++) {
    if (step === changeAt) {
      levelPage(log, ctx, true);
      user.plan.shift();
    }
    if ((step === 0 && spec.opensWithPlay) || ctx.rng.chance(PLAY_SHARE)) play(log, ctx);
    else browse(log, ctx, user);
  }
  if (!log.ended && ctx.rng.chance(0.2)) logout(log, ctx);
  user.level = log.level;
  user.busyUntil = log.ts;
}

function visitorSession(log: SessionLog, ctx: SessionContext): void {
  log.emit('Home', false);
  for (let i = ctx.rng.int(0, 2); i > 0; i--) {
    log.wait(ctx.rng.int(5, 90));
    log.emit(ctx.rng.pick(['About', 'Help', 'Home'] as const), false);
  }
}

/** Generates a session's events in time order, updating the user's level and busy time. */
export function generateSession(spec: SessionSpec, ctx: SessionContext): LogEvent[] {
  const level = spec.user?.level ?? ctx.rng.pick(['free', 'paid'] as const);
  const log = new SessionLog(spec, ctx.until, spec.start, level);
  if (spec.user) userSession(log, ctx, spec, spec.user);
  else visitorSession(log, ctx);
  return log.events;
}
