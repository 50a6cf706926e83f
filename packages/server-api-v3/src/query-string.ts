/**
 * Query serialisation for the v3 spec.
 *
 * The spec declares its only array parameter (`environment` of `GET /events/search`) with
 * `style: form, explode: true`, which is also the OpenAPI default for query parameters: one
 * `key=value` pair per item, `environment=a&environment=b`. The official v6 SDK sends
 * `environment[]=a&environment[]=b` instead; we follow the spec (see the README).
 */

/** A value that may appear in a query filter. */
export type QueryValue = string | number | boolean | null | undefined | readonly QueryScalar[]
type QueryScalar = string | number | boolean | null | undefined

function encodeScalar(name: string, value: unknown): string {
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`filter.${name} must be a string, number or boolean, got ${typeof value}`)
  }
  // NaN and Infinity would be sent as text the API can't read.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`filter.${name} must be a finite number, got ${value}`)
  }
  try {
    return `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate.
    throw new TypeError(`filter.${name} must be a well-formed Unicode string`)
  }
}

/**
 * Serialises a filter object as a query string (without the leading `?`).
 *
 * `undefined` and `null` values and empty arrays are left out; booleans become `true`/`false`;
 * array items become repeated keys (form, explode). Keys keep the caller's order.
 *
 * @param query - the filter object, or `undefined`
 * @returns the encoded query string, `''` when nothing is left
 * @throws {TypeError} when a value is an object (other than an array), a function or a symbol, or a
 * string with a lone surrogate
 * @example
 * ```ts
 * serializeQuery({ limit: 10, environment: ['ae_1', 'ae_2'], suspect: true })
 * // 'limit=10&environment=ae_1&environment=ae_2&suspect=true'
 * ```
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return ''
  let out = ''
  for (const name in query) {
    if (!Object.prototype.hasOwnProperty.call(query, name)) continue
    const value = query[name]
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item === undefined || item === null) continue
        out += (out ? '&' : '') + encodeScalar(name, item)
      }
      continue
    }
    out += (out ? '&' : '') + encodeScalar(name, value)
  }
  return out
}
