/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the seed generator needs.
 * Same seed, same sequence: the generated events are reproducible.
 *
 * @internal
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** `true` with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** A string of `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet?: string): string
  /** A float in [min, max) rounded to `digits` decimals. */
  float(min: number, max: number, digits?: number): number
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * Creates a mulberry32 generator.
 *
 * @param seed - any 32-bit integer; other numbers are truncated to 32 bits
 * @returns the generator
 * @internal
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chars: (length, alphabet = ALPHANUMERIC) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
    float: (min, max, digits = 4) => {
      const f = 10 ** digits
      return Math.round((min + next() * (max - min)) * f) / f
    },
  }
}
