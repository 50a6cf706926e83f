/**
 * Parses a `Retry-After` header: delay-seconds (`"120"`) or an HTTP-date.
 *
 * @param value - the header value, or null when absent.
 * @param now - the current time in milliseconds since the epoch (injectable for tests).
 * @returns the delay in milliseconds (never negative), or `undefined` when absent or invalid.
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
    const seconds = Number(text)
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined
  }
  // A date needs letters (a weekday or month); this keeps '1.5' or '-1' from parsing as dates.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
