/**
 * The small-files case of issue 13: N songs written as N one-record files (the song_data layout)
 * and as one file holding the same N records, one per line, each under a data root of its own.
 */

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { streamFor } from '../../scripts/generate/prng.js';
import { songFilePath, songFileText } from '../../scripts/generate/song-file.js';
import { generateSongs } from '../../scripts/generate/songs.js';
import { outDir } from '../lib/paths.js';

/** Data roots (relative to the repository root) of the two layouts of `count` songs. */
export function songRoots(count: number): { many: string; one: string } {
  return { many: `bench/out/songs-${count}/many`, one: `bench/out/songs-${count}/one` };
}

/** Writes both layouts once (deterministic, seed 2018). */
export function ensureSongFiles(count: number): void {
  const folder = join(outDir, `songs-${count}`);
  if (existsSync(join(folder, 'one', 'song_data', 'songs.json'))) return;
  rmSync(folder, { recursive: true, force: true });
  const songs = generateSongs(streamFor(2018, 'songs'), count);
  const texts: string[] = [];
  for (const song of songs) {
    const file = join(folder, 'many', songFilePath(song));
    mkdirSync(dirname(file), { recursive: true });
    const text = songFileText(song);
    writeFileSync(file, text);
    texts.push(text);
  }
  mkdirSync(join(folder, 'one', 'song_data'), { recursive: true });
  writeFileSync(join(folder, 'one', 'song_data', 'songs.json'), `${texts.join('\n')}\n`);
}
