/**
 * The song_data side: one object per file, keys in the real order. Songs are few (20 at
 * scale 1), so they are built in memory; the event logs need them for matching plays.
 */
import { artistId, folderLetters, songId, trackId } from './ids.js';
import { artistName, songTitle, trackLength } from './names.js';
import type { Rng } from './prng.js';
import { ARTIST_LOCATIONS, FIRST_NAMES, LAST_NAMES, NOUNS } from './vocabulary.js';

/** The artist fields a song file repeats for its artist. */
export interface ArtistVariant {
  artistId: string;
  name: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
}

/** One song file's content plus its track id (the file name). */
export interface Song {
  trackId: string;
  songId: string;
  artist: ArtistVariant;
  title: string;
  duration: number;
  year: number;
}

/** A location and, for about half of the located artists, its coordinates; unlocated artists have none. */
function place(rng: Rng): Pick<ArtistVariant, 'location' | 'latitude' | 'longitude'> {
  if (rng.chance(0.4)) return { location: '', latitude: null, longitude: null };
  const [location, latitude, longitude] = rng.pick(ARTIST_LOCATIONS);
  return rng.chance(0.45) ? { location, latitude: null, longitude: null } : { location, latitude, longitude };
}

/** Tries for an unused name; after a few tries a duplicate is fine (the MSD has namesakes too). */
function freshName(rng: Rng, usedNames: Set<string>): string {
  let name = artistName(rng);
  for (let tries = 0; tries < 20 && usedNames.has(name); tries++) name = artistName(rng);
  usedNames.add(name);
  return name;
}

function newArtist(rng: Rng, usedNames: Set<string>): ArtistVariant {
  const name = freshName(rng, usedNames);
  return { artistId: artistId(rng), name, ...place(rng) };
}

/**
 * Two spellings of one artist_id, as the full S3 song set has: `&` against `and`, and a
 * location only one of them knows.
 */
function variantPair(rng: Rng): [ArtistVariant, ArtistVariant] {
  const leader = `${rng.pick(FIRST_NAMES.F)} ${rng.pick(LAST_NAMES)}`;
  const band = `the ${rng.pick(NOUNS)}s`;
  const id = artistId(rng);
  const [location, latitude, longitude] = rng.pick(ARTIST_LOCATIONS);
  return [
    { artistId: id, name: `${leader} & ${band}`, location, latitude, longitude },
    { artistId: id, name: `${leader} and ${band}`, location: '', latitude: null, longitude: null },
  ];
}

/**
 * Artists for `count` songs: songs 0 and 1 share one artist (same spelling), songs 2 and 3
 * share an artist_id under two spellings, later songs occasionally reuse an earlier artist.
 */
function artistsFor(rng: Rng, count: number): ArtistVariant[] {
  const used = new Set<string>();
  const shared = newArtist(rng, used);
  const artists = [shared, shared, ...variantPair(rng)];
  while (artists.length < count) {
    artists.push(rng.chance(0.05) ? rng.pick(artists) : newArtist(rng, used));
  }
  return artists.slice(0, count);
}

function uniqueId(rng: Rng, used: Set<string>, make: (rng: Rng) => string): string {
  let id = make(rng);
  while (used.has(id)) id = make(rng);
  used.add(id);
  return id;
}

/** Builds `count` songs (at least 4, so the shared-artist cases exist). */
export function generateSongs(rng: Rng, count: number): Song[] {
  const used = new Set<string>();
  const artists = artistsFor(rng, Math.max(4, count));
  return artists.map((artist) => ({
    trackId: uniqueId(rng, used, (r) => trackId(r, folderLetters(r, artists.length))),
    songId: uniqueId(rng, used, songId),
    artist,
    title: songTitle(rng),
    duration: trackLength(rng),
    year: rng.chance(0.55) ? 0 : rng.int(1962, 2010),
  }));
}
