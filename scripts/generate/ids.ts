/** Identifiers shaped like the Million Song Dataset's: two letters, five letters or digits, eleven hex digits. */
import type { Rng } from './prng.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;
const HEX = '0123456789ABCDEF';

function draw(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

/** `SO` + 16 characters. */
export function songId(rng: Rng): string {
  return `SO${draw(rng, LETTERS, 5)}${draw(rng, HEX, 11)}`;
}

/** `AR` + 16 characters; artist ids mix digits into the first five, as real ones do. */
export function artistId(rng: Rng): string {
  return `AR${draw(rng, ALNUM, 5)}${draw(rng, HEX, 11)}`;
}

/**
 * `TR` + 16 characters whose first three are the song file's folders
 * (`TRABB…` lives in `song_data/A/B/B/`).
 */
export function trackId(rng: Rng, folderLetters: string): string {
  return `TR${folderLetters}${draw(rng, LETTERS, 2)}${draw(rng, HEX, 11)}`;
}

/**
 * Folder letters for the nth of `total` songs: the default sample fills `A/{A,B}/{A,B,C}`
 * like the real one, larger scales widen to `A/[A-Z]/[A-Z]`.
 */
export function folderLetters(rng: Rng, total: number): string {
  const second = Math.min(26, Math.max(2, Math.ceil(total / 10)));
  const third = Math.min(26, Math.max(3, Math.ceil(total / 7)));
  return `A${LETTERS[rng.int(0, second - 1)]}${LETTERS[rng.int(0, third - 1)]}`;
}

/** Rounds to the five decimals song durations and coordinates carry. */
export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
