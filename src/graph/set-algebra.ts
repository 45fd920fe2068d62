/** The three set operations node selection is made of. */

/** Ids in any of the sets (space-separated selectors). */
export function union<T>(sets: Iterable<ReadonlySet<T>>): Set<T> {
  const result = new Set<T>();
  for (const set of sets) for (const item of set) result.add(item);
  return result;
}

/** Ids in every one of the sets (comma-joined selectors); empty for no sets. */
export function intersection<T>(sets: readonly ReadonlySet<T>[]): Set<T> {
  if (sets.length === 0) return new Set();
  const [first, ...rest] = sets;
  return new Set([...first].filter((item) => rest.every((set) => set.has(item))));
}

/** Ids of `from` not in `remove` (--exclude). */
export function difference<T>(from: ReadonlySet<T>, remove: ReadonlySet<T>): Set<T> {
  return new Set([...from].filter((item) => !remove.has(item)));
}
