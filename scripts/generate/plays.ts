/**
 * What a NextSong event plays. Like the real logs, most plays are of tracks that song_data
 * does not hold; a few are exact (title, artist, duration) copies of a generated song, and a
 * few are near misses (same title and artist, another length) so a join must use all three.
 */
import { round5 } from './ids.js';
import { artistName, songTitle, trackLength } from './names.js';
import { streamFor, type Rng } from './prng.js';
import type { Song } from './songs.js';

/** A played track, in clean text (the log writer damages it). */
export interface Track {
  artist: string;
  title: string;
  length: number;
}

/** Chance that a play is an exact copy of a generated song. */
const EXACT_SHARE = 0.05;
/** Chance that a play is a near miss of a generated song. */
const NEAR_MISS_SHARE = 0.01;

/** The outside catalogue: tracks derived from their index, so it needs no memory at any scale. */
export class Catalog {
  constructor(private readonly seed: number, readonly size: number) {}

  /** The track at a given index; the same index always gives the same track. */
  trackAt(index: number): Track {
    const rng = streamFor(this.seed, 'catalog', index);
    return { artist: artistName(rng), title: songTitle(rng), length: trackLength(rng) };
  }

  /** A skewed pick: low indices are the hits everyone plays. */
  pick(rng: Rng): Track {
    return this.trackAt(Math.floor(this.size * rng.next() ** 2));
  }
}

function songTrack(song: Song): Track {
  return { artist: song.artist.name, title: song.title, length: song.duration };
}

/** Chooses the track for one play. */
export function choosePlay(rng: Rng, songs: readonly Song[], catalog: Catalog): Track {
  const roll = rng.next();
  if (roll < EXACT_SHARE) return songTrack(rng.pick(songs));
  if (roll < EXACT_SHARE + NEAR_MISS_SHARE) {
    const track = songTrack(rng.pick(songs));
    return { ...track, length: round5(track.length + 0.1 + rng.next() * 3) };
  }
  return catalog.pick(rng);
}
