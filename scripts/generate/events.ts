/** One event-log record and its exact line in an NDJSON file. */
import { eventJson, float } from './json-text.js';
import { logText } from './log-text.js';
import type { Track } from './plays.js';
import type { Level, User } from './users.js';

/** The pages of the app, with the method and status the real logs pair them with. */
export const PAGES = {
  NextSong: ['PUT', 200],
  Home: ['GET', 200],
  Login: ['PUT', 307],
  Logout: ['PUT', 307],
  Settings: ['GET', 200],
  'Save Settings': ['PUT', 307],
  Help: ['GET', 200],
  About: ['GET', 200],
  Error: ['GET', 404],
  Upgrade: ['GET', 200],
  'Submit Upgrade': ['PUT', 307],
  Downgrade: ['GET', 200],
  'Submit Downgrade': ['PUT', 307],
} as const;

/** A page name. */
export type Page = keyof typeof PAGES;

/** An event before serialisation; `user` is undefined while logged out. */
export interface LogEvent {
  ts: number;
  sessionId: number;
  itemInSession: number;
  page: Page;
  level: Level;
  user?: User;
  track?: Track;
}

/** The event's line, keys in the real order, without the newline. */
export function eventLine(event: LogEvent): string {
  const { user, track } = event;
  const [method, status] = PAGES[event.page];
  return eventJson([
    ['artist', track ? logText(track.artist) : null],
    ['auth', user ? 'Logged In' : 'Logged Out'],
    ['firstName', user ? user.firstName : null],
    ['gender', user ? user.gender : null],
    ['itemInSession', event.itemInSession],
    ['lastName', user ? user.lastName : null],
    ['length', track ? float(track.length) : null],
    ['level', event.level],
    ['location', user ? user.location : null],
    ['method', method],
    ['page', event.page],
    ['registration', user ? float(user.registration) : null],
    ['sessionId', event.sessionId],
    ['song', track ? logText(track.title) : null],
    ['status', status],
    ['ts', event.ts],
    // The real logs wrap the agent in literal double quotes.
    ['userAgent', user ? `"${user.userAgent}"` : null],
    ['userId', user ? user.id : ''],
  ]);
}
