import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freshSample, logFiles, readEvents } from './sample-files.js';

const sample = freshSample();
after(() => sample.cleanup());
const events = readEvents(sample.dir);
const plays = events.filter((e) => e.event.page === 'NextSong');

test('log_json_path.json lists the 18 keys in the order every event uses', () => {
  const text = readFileSync(join(sample.dir, 'log_json_path.json'), 'utf8');
  const paths = (JSON.parse(text) as { jsonpaths: string[] }).jsonpaths;
  assert.equal(paths.length, 18);
  assert.match(text, /^\{\n {4}"jsonpaths": \[\n {8}"\$\['artist'\]",\n/);
  assert.ok(text.endsWith('\n    ]\n}'));
  const keys = paths.map((p) => p.slice(3, -2));
  for (const { event, file } of events) assert.deepEqual(Object.keys(event), keys, file);
});

test('one NDJSON file per day of November 2018, no newline at the end, ASCII only', () => {
  const files = logFiles(sample.dir);
  assert.equal(files.length, 30);
  files.forEach((file, i) => {
    assert.equal(file, `log_data/2018/11/2018-11-${String(i + 1).padStart(2, '0')}-events.json`);
    const text = readFileSync(join(sample.dir, file), 'utf8');
    assert.ok(text.length > 0 && !text.endsWith('\n'), file);
    assert.match(text, /^[\x20-\x7e\n]*$/, `${file} holds raw non-ASCII`);
  });
});

test('ts is epoch milliseconds inside the file\'s UTC day, and files are in ts order', () => {
  let previous = 0;
  for (const { file, event } of events) {
    const ts = event.ts as number;
    assert.equal(new Date(ts).toISOString().slice(0, 10), file.slice(17, 27));
    assert.ok(ts >= previous, `${file} is not in ts order`);
    previous = ts;
  }
});

test('numbers and strings are written like the real logs', () => {
  for (const { raw, event } of events) {
    if (event.registration !== null) assert.match(raw, /"registration":\d{13}\.0,/);
    if (event.length !== null) assert.match(raw, /"length":\d+(\.\d+),/);
    if (event.userAgent !== null) {
      assert.match(event.userAgent as string, /^".+"$/);
      assert.match(raw, /"userAgent":"\\".*\\\/.*\\"",/);
    }
    assert.doesNotMatch(raw, /[^\\]\//, 'every slash is escaped');
  }
});

test('logged-out events have an empty userId and no user fields', () => {
  const loggedOut = events.filter((e) => e.event.auth === 'Logged Out').map((e) => e.event);
  assert.ok(loggedOut.length > 0);
  for (const event of loggedOut) {
    assert.equal(event.userId, '');
    for (const key of ['firstName', 'gender', 'lastName', 'location', 'registration', 'userAgent', 'artist', 'song', 'length']) {
      assert.equal(event[key], null, key);
    }
    assert.ok(['free', 'paid'].includes(event.level as string));
  }
  for (const { event } of events) if (event.auth === 'Logged In') assert.notEqual(event.userId, '');
});

test('itemInSession counts up within every session, across files', () => {
  const next = new Map<number, number>();
  for (const { event } of events) {
    const session = event.sessionId as number;
    assert.equal(event.itemInSession, next.get(session) ?? 0, `session ${session}`);
    next.set(session, (event.itemInSession as number) + 1);
  }
});

test('plays carry artist, song and a float length; other pages do not', () => {
  for (const { event } of events) {
    const isPlay = event.page === 'NextSong';
    assert.equal(typeof event.length === 'number', isPlay);
    assert.equal(typeof event.song === 'string' && typeof event.artist === 'string', isPlay);
  }
});

test('two users play at the very same ts at least twice', () => {
  const byTs = new Map<number, Set<string>>();
  for (const { event } of plays) {
    const users = byTs.get(event.ts as number) ?? new Set<string>();
    byTs.set(event.ts as number, users.add(event.userId as string));
  }
  assert.ok([...byTs.values()].filter((users) => users.size > 1).length >= 2);
});

test('some artist names are mojibake (UTF-8 encoded twice)', () => {
  assert.ok(plays.some((e) => (e.event.artist as string).includes('\u00c3\u0083\u00c2')));
});

test('levels change: one user free → paid → free, another free → paid', () => {
  const histories = new Map<string, string[]>();
  for (const { event } of events) {
    if (event.userId === '') continue;
    const levels = histories.get(event.userId as string) ?? [];
    if (levels.at(-1) !== event.level) levels.push(event.level as string);
    histories.set(event.userId as string, levels);
  }
  const stories = [...histories.values()].map((levels) => levels.join('>'));
  assert.ok(stories.includes('free>paid>free'));
  assert.ok(stories.filter((s) => s === 'free>paid').length >= 1);
});

test('a level change follows a Submit Upgrade or Submit Downgrade of the same user', () => {
  const last = new Map<string, { level: unknown; page: unknown }>();
  for (const { event } of events) {
    if (event.userId === '') continue;
    const before = last.get(event.userId as string);
    if (before && before.level !== event.level) assert.match(before.page as string, /^Submit (Up|Down)grade$/);
    last.set(event.userId as string, { level: event.level, page: event.page });
  }
});
