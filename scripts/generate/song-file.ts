/** Where a song file lives and its exact bytes. */
import { join } from 'node:path';
import { float, songJson } from './json-text.js';
import type { Song } from './songs.js';

/** `song_data/A/B/C/TRABC….json`: the folders are the track id's third to fifth characters. */
export function songFilePath(song: Song): string {
  const [a, b, c] = song.trackId.slice(2, 5);
  return join('song_data', a, b, c, `${song.trackId}.json`);
}

/** The file content: one object, real key order, no trailing newline. */
export function songFileText(song: Song): string {
  const { artist } = song;
  return songJson([
    ['num_songs', 1],
    ['artist_id', artist.artistId],
    ['artist_latitude', artist.latitude === null ? null : float(artist.latitude)],
    ['artist_longitude', artist.longitude === null ? null : float(artist.longitude)],
    ['artist_location', artist.location],
    ['artist_name', artist.name],
    ['song_id', song.songId],
    ['title', song.title],
    ['duration', float(song.duration)],
    ['year', song.year],
  ]);
}
