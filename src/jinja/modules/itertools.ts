/**
 * `modules.itertools`: the combinatoric and chaining helpers dbt packages reach for (product,
 * chain, combinations, permutations, zip_longest, islice, accumulate), returning lists.
 */
import { bindArgs, splitArgs } from '../python/call-args.js';
import { iterate } from '../python/operators.js';

const list = (value: unknown): unknown[] => [...(iterate(value) as Iterable<unknown>)];

function product(...args: unknown[]): unknown[][] {
  const { positional, keywords } = splitArgs(args);
  const pools = Array.from({ length: Number(keywords.repeat ?? 1) }, () => positional.map(list)).flat();
  return pools.reduce<unknown[][]>((acc, pool) => acc.flatMap((prefix) => pool.map((item) => [...prefix, item])), [[]]);
}

function combinations(iterable: unknown, r: unknown): unknown[][] {
  const pool = list(iterable);
  const size = Number(r);
  const out: unknown[][] = [];
  const pick = (start: number, chosen: unknown[]) => {
    if (chosen.length === size) return void out.push(chosen);
    for (let i = start; i < pool.length; i++) pick(i + 1, [...chosen, pool[i]]);
  };
  pick(0, []);
  return out;
}

function permutations(iterable: unknown, r?: unknown): unknown[][] {
  const pool = list(iterable);
  const size = r === undefined || r === null ? pool.length : Number(r);
  const out: unknown[][] = [];
  const pick = (used: Set<number>, chosen: unknown[]) => {
    if (chosen.length === size) return void out.push(chosen);
    pool.forEach((item, i) => {
      if (!used.has(i)) pick(new Set([...used, i]), [...chosen, item]);
    });
  };
  pick(new Set(), []);
  return out;
}

/** The `modules.itertools` namespace. */
export function itertoolsModule(): Record<string, unknown> {
  return {
    product,
    chain: (...iterables: unknown[]) => iterables.flatMap(list),
    combinations,
    permutations,
    zip_longest: (...args: unknown[]) => {
      const { positional, keywords } = splitArgs(args);
      const lists = positional.map(list);
      const length = Math.max(0, ...lists.map((l) => l.length));
      return Array.from({ length }, (_, i) => lists.map((l) => (i < l.length ? l[i] : keywords.fillvalue ?? null)));
    },
    islice: (iterable: unknown, ...args: unknown[]) => {
      const { positional } = splitArgs(args);
      const [start, stop] = positional.length === 1 ? [0, positional[0]] : [positional[0], positional[1]];
      return list(iterable).slice(Number(start ?? 0), stop === null || stop === undefined ? undefined : Number(stop));
    },
    accumulate: (iterable: unknown, ...args: unknown[]) => {
      const { initial } = bindArgs('accumulate', args, [['func', null], ['initial', null]]);
      const out: number[] = initial === null ? [] : [Number(initial)];
      for (const item of list(iterable)) out.push((out.at(-1) ?? 0) + Number(item));
      return out;
    },
  };
}
