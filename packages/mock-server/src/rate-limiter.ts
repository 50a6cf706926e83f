/** Per-key request rate. */
export interface RateLimitOptions {
  /** Sustained requests per second per key. */
  perSecond: number
  /** Requests a key may make at once before the sustained rate applies. Default: `perSecond`. */
  burst?: number
}

/**
 * A token bucket per API key: each key holds up to `burst` tokens, refilled at `perSecond`.
 *
 * @internal
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>()
  readonly #rate: number
  readonly #burst: number

  /**
   * @param options - rate and burst
   * @throws {TypeError} when the rate is not a positive number
   */
  constructor(options: RateLimitOptions) {
    if (!(options.perSecond > 0))
      throw new TypeError('rateLimit.perSecond must be a positive number')
    this.#rate = options.perSecond
    this.#burst = Math.max(1, options.burst ?? options.perSecond)
  }

  /**
   * Takes one token for a key.
   *
   * @param key - the API key
   * @param now - current time in ms
   * @returns `0` when allowed, otherwise the seconds to wait before a token is available (≥ 1)
   */
  take(key: string, now: number): number {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.at) / 1000) * this.#rate)
    bucket.at = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#rate))
  }

  /** Forgets every bucket. */
  reset(): void {
    this.#buckets.clear()
  }
}
