/**
 * Parses a `Retry-After` header: delay-seconds (`"120"`) or an HTTP-date.
 *
 * @param value - the header value, or null when absent.
 * @param now - the current time in milliseconds since the epoch (injectable for tests).
 * @returns the delay in milliseconds (never negative, at most `Number.MAX_SAFE_INTEGER`), or
 *   `undefined` when absent or invalid.
 * @example
 * ```ts
 * parseRetryAfter('3') // 3000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:58 GMT')) // 2000
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) {
    // An enormous delay is still a delay: cap it rather than read it as "retry at once".
    return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER)
  }
  // A date needs letters (a weekday or month); this keeps '1.5' or '-1' from parsing as dates.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
