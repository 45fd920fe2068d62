/** The whole sample: song files, event logs, the JSONPaths file and a README of facts. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharedArtists, type VariantArtist } from './artist-variants.js';
import { writeEventLogs } from './event-logs.js';
import { FactCounter, type Facts } from './facts.js';
import { jsonPathsText } from './jsonpaths.js';
import { Catalog } from './plays.js';
import { streamFor } from './prng.js';
import { renderReadme } from './readme.js';
import { songFilePath, songFileText } from './song-file.js';
import { generateSongs, type Song } from './songs.js';
import { generateUsers } from './users.js';

/** Settings of one run; the defaults produce the committed `data/`. */
export interface GenerateOptions {
  out: string;
  /** Multiplies events, users and songs (1 = the committed sample). */
  scale: number;
  seed: number;
}

/** The defaults `npm run generate-data` uses. */
export const DEFAULT_OPTIONS: GenerateOptions = { out: 'data', scale: 1, seed: 2018 };

/** Sizes at scale 1; every one is multiplied by the scale. */
const BASE = { songs: 20, users: 30, sessionsPerDay: 2.6, catalogTracks: 300 };

/** What a run wrote. */
export interface GenerateResult {
  options: GenerateOptions;
  facts: Facts;
  sameSpellingArtists: number;
  variantArtists: VariantArtist[];
  files: number;
  bytes: number;
}

/** Removes the previous sample's folders (and nothing else) so no stale file survives. */
function clearOutput(out: string): void {
  for (const folder of ['log_data', 'song_data']) rmSync(join(out, folder), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
}

function writeText(out: string, path: string, text: string): number {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
  return Buffer.byteLength(text);
}

function writeSongs(out: string, songs: readonly Song[]): number {
  let bytes = 0;
  for (const song of songs) bytes += writeText(out, songFilePath(song), songFileText(song));
  return bytes;
}

const scaled = (base: number, scale: number) => Math.max(1, Math.round(base * scale));

/** Generates the sample into `options.out`; same options, same bytes. */
export function generateSample(options: GenerateOptions): GenerateResult {
  const { out, scale, seed } = options;
  clearOutput(out);
  const songs = generateSongs(streamFor(seed, 'songs'), scaled(BASE.songs, scale));
  const facts = new FactCounter(songs);
  const msOffset = streamFor(seed, 'clock').int(0, 999);
  const users = generateUsers(streamFor(seed, 'users'), scaled(BASE.users, scale), msOffset);
  const bytes = writeSongs(out, songs) + writeText(out, 'log_json_path.json', jsonPathsText());
  const logs = writeEventLogs({
    out, seed, users, songs, msOffset, facts,
    catalog: new Catalog(seed, scaled(BASE.catalogTracks, scale)),
    sessionsPerDay: BASE.sessionsPerDay * scale,
  });
  const shared = sharedArtists(songs);
  const result = {
    options, facts: facts.facts(), sameSpellingArtists: shared.sameSpelling, variantArtists: shared.variants,
    files: songs.length + logs.files + 1, bytes: bytes + logs.bytes,
  };
  const readmeBytes = writeText(out, 'README.md', renderReadme(result));
  return { ...result, files: result.files + 1, bytes: result.bytes + readmeBytes };
}
