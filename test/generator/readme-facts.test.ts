import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { freshSample, readEvents, readmeFacts, readSongs } from './sample-files.js';

const sample = freshSample();
after(() => sample.cleanup());

/** The README figures, recounted here from the files alone, independently of the generator's counter. */
function recount(dir: string): Record<string, number> {
  const events = readEvents(dir).map((e) => e.event);
  const songs = readSongs(dir).map((s) => s.song);
  const plays = events.filter((e) => e.page === 'NextSong');
  const songKeys = new Set(songs.map((s) => JSON.stringify([s.title, s.artist_name, s.duration])));
  const levels = new Map<unknown, Set<unknown>>();
  for (const e of events.filter((e) => e.userId !== '')) levels.set(e.userId, (levels.get(e.userId) ?? new Set()).add(e.level));
  return {
    'staging_events rows': events.length,
    'staging_songs rows': songs.length,
    'users (distinct non-empty userId, all events)': levels.size,
    'songs (distinct song_id)': new Set(songs.map((s) => s.song_id)).size,
    'artists (distinct artist_id)': new Set(songs.map((s) => s.artist_id)).size,
    'time (distinct ts of NextSong events)': new Set(plays.map((e) => e.ts)).size,
    'songplays (NextSong events)': plays.length,
    'songplays with a song_id and artist_id (joined to staging_songs)':
      plays.filter((e) => songKeys.has(JSON.stringify([e.song, e.artist, e.length]))).length,
    'users whose level changes': [...levels.values()].filter((set) => set.size > 1).length,
    'songs with year 0': songs.filter((s) => s.year === 0).length,
  };
}

test('README figures equal a recount from the files', () => {
  const facts = readmeFacts(sample.dir);
  for (const [name, value] of Object.entries(recount(sample.dir))) {
    assert.equal(facts.get(name), String(value), name);
  }
});

test('README figures equal what the generator returned', () => {
  const facts = readmeFacts(sample.dir);
  const f = sample.result.facts;
  assert.equal(facts.get('events'), String(f.events));
  assert.equal(facts.get('distinct NextSong timestamps'), String(f.distinctNextSongTs));
  assert.ok(f.distinctNextSongTs < f.nextSongEvents, 'some plays share a timestamp');
  assert.ok(f.matchedPlaysViaArtists <= f.matchedPlays);
});
