/** Text that replaces a secret in anything the client prints. */
export const REDACTED = '[REDACTED]'

/**
 * Header names whose values are always redacted, whatever the auth style.
 *
 * @internal
 */
export const ALWAYS_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'auth-api-key',
  'proxy-authorization',
  'cookie',
]

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

/**
 * Replaces a secret in every string (and property name) of a parsed JSON value, in place and without
 * recursion, so that a deeply nested body can't overflow the stack. Needed because JSON escapes
 * (`\u0073k_…`, `\/`) can spell a secret that a redaction of the raw text does not see.
 *
 * @param value - a value fresh from `JSON.parse` (plain objects, arrays, primitives).
 * @param redactText - replaces the secret in a text.
 * @returns the value, cleaned (a string is returned redacted; objects are changed in place).
 * @example
 * ```ts
 * redactJsonStrings(JSON.parse('{"m":"\\u006b\\u0065\\u0079"}'), (t) => t.replace('key', '[REDACTED]'))
 * // { m: '[REDACTED]' }
 * ```
 */
export function redactJsonStrings(value: unknown, redactText: (text: string) => string): unknown {
  if (typeof value === 'string') return redactText(value)
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    const record = node as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const item = record[key]
      if (typeof item === 'string') record[key] = redactText(item)
      else if (typeof item === 'object' && item !== null) stack.push(item)
      const cleanKey = redactText(key)
      if (cleanKey !== key) {
        record[cleanKey] = record[key]
        delete record[key]
      }
    }
  }
  return value
}
