/**
 * Facts of a generated sample, counted from the events and songs as they are written
 * (never hard-coded), so README.md and the CLI report what the files really hold.
 */
import type { LogEvent } from './events.js';
import { logText } from './log-text.js';
import type { Song } from './songs.js';
import type { Level } from './users.js';

/** Whose level changed, and how (`['free', 'paid', 'free']`). */
export interface LevelHistory {
  userId: string;
  levels: Level[];
}

/** Everything the README table and the CLI summary show. */
export interface Facts {
  events: number;
  nextSongEvents: number;
  loggedOutEvents: number;
  distinctUsers: number;
  levelChanges: LevelHistory[];
  distinctNextSongTs: number;
  sessions: number;
  sessionsSpanningMidnight: number;
  songs: number;
  distinctArtists: number;
  songsYearZero: number;
  matchedPlays: number;
  /** Matches when the artist name comes from an artists table that keeps the smallest song_id's spelling. */
  matchedPlaysViaArtists: number;
  nearMissPlays: number;
  mojibakePlays: number;
}

/** The key songplays join on: (title, artist name, duration). */
function matchKey(title: string, artist: string, length: number): string {
  return `${title}\u0000${artist}\u0000${length}`;
}

function titleArtistKey(title: string, artist: string): string {
  return `${title}\u0000${artist}`;
}

/** Each artist_id's spelling in the song with the smallest song_id. */
function smallestSongIdNames(songs: readonly Song[]): Map<string, string> {
  const best = new Map<string, Song>();
  for (const song of songs) {
    const current = best.get(song.artist.artistId);
    if (!current || song.songId < current.songId) best.set(song.artist.artistId, song);
  }
  return new Map([...best].map(([id, song]) => [id, song.artist.name]));
}

/** Counts over the songs, then over days of events; events must arrive one day at a time, in ts order. */
export class FactCounter {
  private readonly songKeys: Set<string>;
  private readonly dimensionKeys: Set<string>;
  private readonly titleArtistKeys: Set<string>;
  private readonly artists: Set<string>;
  private readonly users = new Map<string, Level[]>();
  private readonly sessions = new Set<number>();
  private readonly spanning = new Set<number>();
  private yesterday = new Set<number>();
  private counts = { events: 0, nextSongEvents: 0, loggedOutEvents: 0, distinctNextSongTs: 0 };
  private plays = { matched: 0, matchedViaArtists: 0, nearMiss: 0, mojibake: 0 };

  constructor(private readonly songs: readonly Song[]) {
    const names = smallestSongIdNames(songs);
    this.songKeys = new Set(songs.map((s) => matchKey(s.title, s.artist.name, s.duration)));
    this.dimensionKeys = new Set(songs.map((s) => matchKey(s.title, names.get(s.artist.artistId) ?? '', s.duration)));
    this.titleArtistKeys = new Set(songs.map((s) => titleArtistKey(s.title, s.artist.name)));
    this.artists = new Set(songs.map((s) => s.artist.artistId));
  }

  /** Records one day file's events. */
  addDay(events: readonly LogEvent[]): void {
    const today = new Set<number>();
    const playTimes = new Set<number>();
    for (const event of events) {
      this.countEvent(event);
      today.add(event.sessionId);
      if (this.yesterday.has(event.sessionId)) this.spanning.add(event.sessionId);
      if (event.page === 'NextSong') playTimes.add(event.ts);
    }
    // Timestamps of different days never collide, so per-day sets keep memory flat.
    this.counts.distinctNextSongTs += playTimes.size;
    this.yesterday = today;
  }

  private countEvent(event: LogEvent): void {
    this.counts.events++;
    this.sessions.add(event.sessionId);
    if (!event.user) this.counts.loggedOutEvents++;
    else this.trackLevel(event.user.id, event.level);
    if (event.page === 'NextSong') this.countPlay(event);
  }

  private trackLevel(userId: string, level: Level): void {
    const levels = this.users.get(userId);
    if (!levels) this.users.set(userId, [level]);
    else if (levels[levels.length - 1] !== level) levels.push(level);
  }

  private countPlay(event: LogEvent): void {
    this.counts.nextSongEvents++;
    if (!event.track) return;
    const title = logText(event.track.title);
    const artist = logText(event.track.artist);
    if (artist !== event.track.artist) this.plays.mojibake++;
    const key = matchKey(title, artist, event.track.length);
    if (this.dimensionKeys.has(key)) this.plays.matchedViaArtists++;
    if (this.songKeys.has(key)) this.plays.matched++;
    else if (this.titleArtistKeys.has(titleArtistKey(title, artist))) this.plays.nearMiss++;
  }

  /** The totals. */
  facts(): Facts {
    const levelChanges = [...this.users]
      .filter(([, levels]) => levels.length > 1)
      .map(([userId, levels]) => ({ userId, levels }))
      .sort((a, b) => Number(a.userId) - Number(b.userId));
    return {
      ...this.counts,
      distinctUsers: this.users.size,
      levelChanges,
      sessions: this.sessions.size,
      sessionsSpanningMidnight: this.spanning.size,
      songs: this.songs.length,
      distinctArtists: this.artists.size,
      songsYearZero: this.songs.filter((s) => s.year === 0).length,
      matchedPlays: this.plays.matched,
      matchedPlaysViaArtists: this.plays.matchedViaArtists,
      nearMissPlays: this.plays.nearMiss,
      mojibakePlays: this.plays.mojibake,
    };
  }
}
