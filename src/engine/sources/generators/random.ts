/**
 * Seeded, snapshottable randomness for the engine (never Math.random). Backed by pure-rand's
 * xoroshiro128+, whose state can be saved with a checkpoint and resumed exactly.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { hashInt, hashPair } from './hash';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [minIncl, maxIncl]. */
  int(minIncl: number, maxIncl: number): number;
  pick<T>(items: readonly T[]): T;
  /** The generator's state; createRandomFrom(state) continues exactly where this one is. */
  state(): readonly number[];
}

export function createRandom(seed: number): Random {
  // pure-rand's own seeding puts the seed straight into the state, so its first outputs echo
  // the seed; spreading a hash of it over all four words avoids that (the words come from
  // distinct inputs of a bijection, so at most one is zero and the state is never all-zero).
  const h = hashInt(seed);
  return wrap(xoroshiro128plusFromState([0, 1, 2, 3].map((i) => hashPair(h, i) | 0)));
}

export function createRandomFrom(state: readonly number[]): Random {
  return wrap(xoroshiro128plusFromState(state));
}

function wrap(rng: RandomGenerator): Random {
  return {
    next: () => uniformFloat64(rng),
    int: (minIncl, maxIncl) => {
      if (!Number.isSafeInteger(minIncl) || !Number.isSafeInteger(maxIncl) || minIncl > maxIncl) {
        throw new RangeError(`Invalid integer range [${minIncl}, ${maxIncl}]`);
      }
      return uniformInt(rng, minIncl, maxIncl);
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)];
    },
    state: () => rng.getState(),
  };
}
