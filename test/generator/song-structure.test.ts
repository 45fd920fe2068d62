import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { freshSample, readEvents, readSongs } from './sample-files.js';

const sample = freshSample();
after(() => sample.cleanup());
const songs = readSongs(sample.dir);

const SONG_KEYS = [
  'num_songs', 'artist_id', 'artist_latitude', 'artist_longitude', 'artist_location', 'artist_name', 'song_id', 'title', 'duration', 'year',
];

test('one object per file, real key order, Python spacing, no trailing newline', () => {
  assert.ok(songs.length >= 20);
  for (const { file, raw, song } of songs) {
    assert.deepEqual(Object.keys(song), SONG_KEYS, file);
    assert.match(raw, /^\{"num_songs": 1, "artist_id": "/);
    assert.ok(raw.endsWith('}'), file);
    assert.match(raw, /^[\x20-\x7e]*$/, `${file} holds raw non-ASCII or a newline`);
    assert.match(raw, /"duration": \d+\.\d+,/);
  }
  assert.ok(songs.some(({ raw }) => /\\u00[0-9a-f]{2}/.test(raw)), 'some song has a \\u escape');
});

test('ids have the Million Song Dataset shape and folders match the track id', () => {
  for (const { file, song } of songs) {
    const match = /^song_data\/([A-Z])\/([A-Z])\/([A-Z])\/(TR[A-Z0-9]{16})\.json$/.exec(file);
    assert.ok(match, file);
    assert.equal(match[4].slice(2, 5), match.slice(1, 4).join(''));
    assert.match(song.song_id as string, /^SO[A-Z0-9]{16}$/);
    assert.match(song.artist_id as string, /^AR[A-Z0-9]{16}$/);
  }
  assert.equal(new Set(songs.map((s) => s.song.song_id)).size, songs.length);
});

test('unknowns look like the real data: null coordinates, empty locations, year 0', () => {
  const values = songs.map((s) => s.song);
  assert.ok(values.some((s) => s.artist_latitude === null && s.artist_longitude === null));
  assert.ok(values.some((s) => typeof s.artist_latitude === 'number'));
  assert.ok(values.some((s) => s.artist_location === ''));
  assert.ok(values.some((s) => s.year === 0));
  assert.ok(values.some((s) => (s.year as number) > 1900));
});

test('one artist has two songs under one spelling, one under two spellings', () => {
  const byArtist = new Map<string, Set<string>>();
  for (const { song } of songs) {
    const spellings = byArtist.get(song.artist_id as string) ?? new Set<string>();
    byArtist.set(song.artist_id as string, spellings.add(`${song.artist_name}|${song.artist_location}`));
  }
  const counts = [...byArtist.keys()].map((id) => songs.filter((s) => s.song.artist_id === id).length);
  assert.ok(counts.some((n) => n >= 2));
  assert.ok([...byArtist.values()].some((spellings) => spellings.size >= 2));
});

test('some plays equal a song on (title, artist_name, duration), most do not', () => {
  const keys = new Set(songs.map(({ song }) => `${song.title}|${song.artist_name}|${song.duration}`));
  const plays = readEvents(sample.dir).filter((e) => e.event.page === 'NextSong');
  const matched = plays.filter(({ event }) => keys.has(`${event.song}|${event.artist}|${event.length}`)).length;
  assert.ok(matched > 0);
  assert.ok(matched < plays.length / 10);
});
