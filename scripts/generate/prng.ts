/**
 * A small seeded PRNG so the sample is byte-identical on every run and every platform.
 * Math.random cannot be seeded, hence our own generator.
 */

/** A source of uniform numbers in [0, 1) plus the few draws the generator needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32-bit state, good enough for test data and trivially portable. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds an Rng from a 32-bit seed. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/** Mixes a seed with a label and an index so independent streams (songs, days, catalog entries) stay stable when another stream changes. */
export function deriveSeed(seed: number, label: string, index = 0): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${label}#${index}`) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
}

/** Creates a stream for one labelled purpose. */
export function streamFor(seed: number, label: string, index = 0): Rng {
  return createRng(deriveSeed(seed, label, index));
}
