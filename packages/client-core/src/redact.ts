/** Text that replaces a secret in anything the client prints. */
export const REDACTED = '[REDACTED]'

/** Header names whose values are always redacted, whatever the auth style. */
const ALWAYS_SECRET_HEADERS = ['authorization', 'auth-api-key', 'proxy-authorization', 'cookie']

/**
 * Replaces the values of the given query parameters in a URL with `[REDACTED]`. Works on absolute
 * and relative URLs and never throws.
 *
 * @param url - the URL to clean.
 * @param names - query parameter names that carry secrets.
 * @returns the URL with those values replaced.
 * @example
 * ```ts
 * redactUrl('https://api.example.com/v3/events?api_key=s3cret', ['api_key'])
 * // 'https://api.example.com/v3/events?api_key=[REDACTED]'
 * ```
 */
export function redactUrl(url: string, names: readonly string[]): string {
  if (names.length === 0) return url
  const q = url.indexOf('?')
  if (q === -1) return url
  const hash = url.indexOf('#', q)
  const query = url.slice(q + 1, hash === -1 ? undefined : hash)
  const cleaned = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const rawName = eq === -1 ? pair : pair.slice(0, eq)
      let name = rawName
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '))
      } catch {
        // keep the raw name: a malformed escape is compared as is
      }
      return names.includes(name) ? `${rawName}=${REDACTED}` : pair
    })
    .join('&')
  return url.slice(0, q + 1) + cleaned + (hash === -1 ? '' : url.slice(hash))
}

/**
 * Copies headers into a plain object, replacing the values of secret headers with `[REDACTED]`.
 *
 * @param headers - the headers to copy.
 * @param secretNames - extra header names (any case) that carry secrets.
 * @returns a plain object with lower-case names.
 * @example
 * ```ts
 * redactHeaders(new Headers({ Authorization: 'Bearer x' }), []) // { authorization: '[REDACTED]' }
 * ```
 */
export function redactHeaders(
  headers: Headers,
  secretNames: readonly string[] = [],
): Record<string, string> {
  const secret = new Set([...ALWAYS_SECRET_HEADERS, ...secretNames.map((n) => n.toLowerCase())])
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    out[name] = secret.has(name.toLowerCase()) ? REDACTED : value
  })
  return out
}
