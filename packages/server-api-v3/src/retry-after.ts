import { parseRetryAfter } from '@fpapi/client-core'

/**
 * Reads a response's `Retry-After` header in whole seconds, as `TooManyRequestsError.retryAfter`
 * holds it. Accepts delay-seconds and HTTP-dates.
 *
 * @param response - the HTTP response (usually a 429).
 * @returns seconds to wait, rounded up; 0 when the header is absent or invalid.
 * @example
 * ```ts
 * const seconds = getRetryAfter(response)
 * ```
 */
export function getRetryAfter(response: Response): number {
  const ms = parseRetryAfter(response.headers.get('retry-after'))
  return ms === undefined ? 0 : Math.ceil(ms / 1000)
}
