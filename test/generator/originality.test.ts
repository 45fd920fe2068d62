import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshSample, readEvents, readSongs, REPO_ROOT } from './sample-files.js';
import { skipWithoutSharedData } from '../support/shared-data.js';
/** Skipped, with what is missing, on a clone without ../shared/sparkify-data; an error in CI. */
const NO_SAMPLE = skipWithoutSharedData();

// The real public sample must never leak into the repository: no generated name, title,
// place, client string or id may equal one of its values.
const REAL = join(REPO_ROOT, '..', 'shared', 'sparkify-data');
const EVENT_FIELDS = ['artist', 'song', 'firstName', 'lastName', 'location', 'userAgent'];
const SONG_FIELDS = ['artist_id', 'artist_location', 'artist_name', 'song_id', 'title'];

function values(dir: string): Set<string> {
  const out = new Set<string>();
  const add = (record: Record<string, unknown>, fields: string[]) => {
    for (const field of fields) if (typeof record[field] === 'string' && record[field] !== '') out.add(record[field] as string);
  };
  for (const { event } of readEvents(dir)) add(event, EVENT_FIELDS);
  for (const { song } of readSongs(dir)) add(song, SONG_FIELDS);
  for (const { file } of readSongs(dir)) out.add(file.split('/').at(-1) as string);
  return out;
}

test('no generated value equals a value of the real Sparkify sample', { skip: NO_SAMPLE }, () => {
  const sample = freshSample({ scale: 3 });
  try {
    const real = values(REAL);
    const generated = values(sample.dir);
    assert.ok(real.size > 1000 && generated.size > 100, 'both sides were read');
    assert.deepEqual([...generated].filter((v) => real.has(v)), []);
  } finally {
    sample.cleanup();
  }
});
