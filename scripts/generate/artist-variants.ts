/** Artist ids that several song files spell differently, and which spelling a dimension keeps. */
import type { Song } from './songs.js';

/** One artist_id with its spellings, each with the songs that use it. */
export interface VariantArtist {
  artistId: string;
  /** Every song of the artist, smallest song_id first. */
  songs: Array<{ songId: string; name: string; location: string }>;
  /** The spelling of the song with the smallest song_id: what `artists` keeps under that rule. */
  picked: { name: string; location: string };
}

function groupByArtist(songs: readonly Song[]): Map<string, Song[]> {
  const groups = new Map<string, Song[]>();
  for (const song of songs) {
    const group = groups.get(song.artist.artistId) ?? [];
    group.push(song);
    groups.set(song.artist.artistId, group);
  }
  return groups;
}

/** Artists that appear in more than one song, split by whether their spelling varies. */
export function sharedArtists(songs: readonly Song[]): { sameSpelling: number; variants: VariantArtist[] } {
  const shared = [...groupByArtist(songs).values()].filter((group) => group.length > 1);
  const variants = shared
    .filter((group) => new Set(group.map((s) => `${s.artist.name}\u0000${s.artist.location}`)).size > 1)
    .map(toVariant)
    .sort((a, b) => (a.artistId < b.artistId ? -1 : 1));
  return { sameSpelling: shared.length - variants.length, variants };
}

function toVariant(group: Song[]): VariantArtist {
  const songs = group
    .map((s) => ({ songId: s.songId, name: s.artist.name, location: s.artist.location }))
    .sort((a, b) => (a.songId < b.songId ? -1 : 1));
  return { artistId: group[0].artist.artistId, songs, picked: { name: songs[0].name, location: songs[0].location } };
}
