import { assertNonNegativeNumber } from './checks'

/** How many times and how patiently a request is retried. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 turns retrying off). */
  max: number
  /** Delay before the first retry, doubled for each following one, before jitter. */
  baseDelayMs: number
  /** Upper bound of any single delay, including one asked for by `Retry-After`. */
  maxDelayMs: number
}

/** What callers pass: a partial policy, or `false` to turn retries off. */
export type RetriesOption = Partial<RetryPolicy> | false

/** The policy used when the caller sets nothing: 2 retries, 250 ms doubling, capped at 5 s. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  max: 2,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
})

/**
 * Merges a caller's retry option over a base policy and checks it.
 *
 * @param option - `false`, a partial policy, or `undefined` to keep the base.
 * @param base - the policy to start from (the client's, or {@link DEFAULT_RETRY_POLICY}).
 * @param name - the argument's name for error messages.
 * @returns a complete policy.
 * @throws {TypeError} naming the argument when a field is not a non-negative number or `max` is not an integer.
 * @example
 * ```ts
 * resolveRetryPolicy({ max: 5 }) // { max: 5, baseDelayMs: 250, maxDelayMs: 5000 }
 * resolveRetryPolicy(false) // { max: 0, ... }
 * ```
 */
export function resolveRetryPolicy(
  option: RetriesOption | undefined,
  base: Readonly<RetryPolicy> = DEFAULT_RETRY_POLICY,
  name = 'retries',
): RetryPolicy {
  if (option === undefined) return base
  if (option === false) return { ...base, max: 0 }
  if (typeof option !== 'object' || option === null) {
    throw new TypeError(`${name} must be false or an object { max, baseDelayMs, maxDelayMs }`)
  }
  const policy = { ...base, ...stripUndefined(option) }
  assertNonNegativeNumber(policy.max, `${name}.max`)
  if (!Number.isInteger(policy.max)) throw new TypeError(`${name}.max must be an integer`)
  assertNonNegativeNumber(policy.baseDelayMs, `${name}.baseDelayMs`)
  assertNonNegativeNumber(policy.maxDelayMs, `${name}.maxDelayMs`)
  return policy
}

function stripUndefined(option: Partial<RetryPolicy>): Partial<RetryPolicy> {
  const out: Partial<RetryPolicy> = {}
  for (const key of ['max', 'baseDelayMs', 'maxDelayMs'] as const) {
    if (option[key] !== undefined) out[key] = option[key]
  }
  return out
}

/**
 * The delay before retry number `retry` (0 for the first retry): exponential growth from
 * `baseDelayMs`, capped at `maxDelayMs`, then "equal jitter" (a random point in the upper half),
 * so that clients that failed together don't retry together.
 *
 * @param retry - 0-based index of the retry.
 * @param policy - the policy.
 * @param random - a source of numbers in [0, 1) (injectable for tests).
 * @returns the delay in milliseconds.
 * @example
 * ```ts
 * backoffDelay(2, { max: 3, baseDelayMs: 100, maxDelayMs: 1000 }, () => 0) // 200
 * ```
 */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry)
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE'])

/** Per-request retry rules beyond the policy. */
export interface RetryRuleOptions {
  /** Also retry 409 Conflict (for APIs that answer 409 while a resource is not ready yet). */
  retryConflict?: boolean
}

/**
 * Whether a response status may be retried for a method. 429 and 408 always may (the server did not
 * process the request); 500, 502, 503 and 504 only for idempotent methods (GET, HEAD, OPTIONS,
 * DELETE), never for PATCH, PUT or POST, which might have been applied; 409 only when opted in.
 *
 * @param method - the HTTP method.
 * @param status - the response status.
 * @param options - opt-ins such as `retryConflict`.
 * @returns true when a retry is allowed.
 * @example
 * ```ts
 * isRetryableStatus('PATCH', 503) // false
 * isRetryableStatus('PATCH', 409, { retryConflict: true }) // true
 * ```
 */
export function isRetryableStatus(
  method: string,
  status: number,
  options: RetryRuleOptions = {},
): boolean {
  if (status === 429 || status === 408) return true
  if (status === 409) return options.retryConflict === true
  if (status === 500 || status === 502 || status === 503 || status === 504) {
    return IDEMPOTENT.has(method.toUpperCase())
  }
  return false
}

/**
 * Whether a network failure (no response) may be retried for a method: only idempotent methods,
 * because a write may have reached the server before the connection broke.
 *
 * @param method - the HTTP method.
 * @returns true for GET, HEAD, OPTIONS and DELETE.
 * @example
 * ```ts
 * isRetryableNetworkError('PATCH') // false
 * ```
 */
export function isRetryableNetworkError(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase())
}
