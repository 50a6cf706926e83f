import { assertId, assertWellFormed } from './checks'

/**
 * Fills a path template such as `/events/{event_id}` with percent-encoded values, so that an id like
 * `a/b`, `../x` or `a?b=c` stays inside its one segment. Callers reject `.` and `..` beforehand
 * (see `assertId`): URL parsers drop those segments even when encoded.
 *
 * @param template - the path with `{name}` placeholders.
 * @param params - a value for each placeholder.
 * @returns the path.
 * @throws {TypeError} when a placeholder has no value.
 * @example
 * ```ts
 * buildPath('/visitors/{visitor_id}', { visitor_id: 'a/b' }) // '/visitors/a%2Fb'
 * ```
 */
export function buildPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new TypeError(`Missing path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

/**
 * A path serializer for openapi-fetch (`createClient({ pathSerializer })`, behind `client.raw`):
 * checks every path parameter as the facades check their ids, then percent-encodes it. openapi-fetch's
 * own serializer lets `.` and `..` through (the URL parser then drops the segment, so
 * `/events/{event_id}` with `..` requests `/`) and leaves a missing parameter as `{name}`.
 *
 * @param template - the path with `{name}` placeholders.
 * @param params - the path parameters openapi-fetch received.
 * @returns the path.
 * @throws {TypeError} naming the parameter when it is missing, empty, blank, not a string, `.`/`..`
 *   or not well-formed Unicode, before any request.
 * @example
 * ```ts
 * createClient<paths>({ baseUrl, pathSerializer: checkedPathSerializer })
 * ```
 */
export function checkedPathSerializer(
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = params?.[name]
    assertId(value, `path parameter ${name}`)
    return encodeURIComponent(value)
  })
}

/**
 * Serializes query parameters the OpenAPI default way (`style: form, explode: true`): arrays become
 * repeated keys (`a=1&a=2`), `undefined` and `null` are skipped (also inside arrays), booleans and
 * numbers are written with `String()`. Keys keep their insertion order.
 *
 * @param query - the parameters.
 * @returns the query string without `?` ('' when nothing is left).
 * @throws {TypeError} naming the parameter when a value is an object (nested objects have no
 *   defined serialization here).
 * @example
 * ```ts
 * serializeQuery({ environment: ['a', 'b'], limit: 10, reverse: true, bot: undefined })
 * // 'environment=a&environment=b&limit=10&reverse=true'
 * ```
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  let out = ''
  if (!query) return out
  for (const name in query) {
    const value = query[name]
    if (value === undefined || value === null) continue
    const values: readonly unknown[] = Array.isArray(value) ? value : [value]
    for (const item of values) {
      if (item === undefined || item === null) continue
      if (typeof item === 'object' || typeof item === 'function' || typeof item === 'symbol') {
        throw new TypeError(
          `query parameter ${name} must be a string, number or boolean (or an array of them)`,
        )
      }
      const text = String(item)
      assertWellFormed(name, `query parameter name ${JSON.stringify(name).slice(0, 40)}`)
      assertWellFormed(text, `query parameter ${name}`)
      out += `${out ? '&' : ''}${encodeURIComponent(name)}=${encodeURIComponent(text)}`
    }
  }
  return out
}
