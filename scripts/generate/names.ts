/** Artist names, titles and track lengths built from the invented vocabulary. */
import type { Rng } from './prng.js';
import { round5 } from './ids.js';
import {
  ACCENTED_ARTISTS, ACCENTED_TITLES, ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS, TITLE_SUFFIXES, VERBS,
} from './vocabulary.js';

/** A band or solo-artist name; about one in fourteen has accents. */
export function artistName(rng: Rng): string {
  if (rng.chance(0.07)) return rng.pick(ACCENTED_ARTISTS);
  switch (rng.int(0, 5)) {
    case 0: return `The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`;
    case 1: return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
    case 2: return `${rng.pick([...FIRST_NAMES.F, ...FIRST_NAMES.M])} ${rng.pick(LAST_NAMES)}`;
    case 3: return `DJ ${rng.pick(NOUNS)}${rng.pick(['', ' Jr.', ' & Co.'])}`;
    case 4: return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(NOUNS)}s`;
    default: return `${rng.pick(NOUNS)} ${rng.pick(NOUNS)}s`;
  }
}

/** A song title; some are accented, some carry a version suffix. */
export function songTitle(rng: Rng): string {
  if (rng.chance(0.1)) return rng.pick(ACCENTED_TITLES);
  const suffix = rng.chance(0.15) ? rng.pick(TITLE_SUFFIXES) : '';
  switch (rng.int(0, 3)) {
    case 0: return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}${suffix}`;
    case 1: return `${rng.pick(VERBS)} ${rng.pick(NOUNS)}s${suffix}`;
    case 2: return `${rng.pick(VERBS)} the ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}${suffix}`;
    default: return `${rng.pick(NOUNS)} of ${rng.pick(NOUNS)}s${suffix}`;
  }
}

/** A track length in seconds with five decimals: mostly 2–6 minutes, a few jingles and epics. */
export function trackLength(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.03) return round5(20 + rng.next() * 40);
  if (roll < 0.08) return round5(420 + rng.next() * 700);
  return round5(130 + rng.next() * 230);
}
