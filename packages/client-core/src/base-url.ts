/**
 * Options for {@link resolveBaseUrl}.
 *
 * @typeParam R - the region names the API knows.
 */
export interface ResolveBaseUrlOptions<R extends string> {
  /** One server URL per region, usually copied from the `servers` of the API's OpenAPI spec. */
  servers: Readonly<Record<R, string>>
  /** The region to use; falls back to `defaultRegion` when undefined. */
  region?: R | undefined
  /** The region used when `region` is undefined. */
  defaultRegion: R
  /**
   * A URL that replaces the whole server URL (proxies, mock servers). It must include any version
   * prefix the spec's server URL carries, for example `http://127.0.0.1:3000/v4`.
   */
  baseUrl?: string | undefined
}

/**
 * Picks the server URL of a request: the `baseUrl` override when given, otherwise the server of the
 * region. The result never ends with a slash, so a path such as `/events` can be appended as is.
 *
 * @param options - the servers, the region and the optional override.
 * @returns the base URL without a trailing slash.
 * @throws {TypeError} when the region is unknown, or `baseUrl` (surrounding whitespace dropped) is
 *   not an absolute http(s) URL, holds whitespace, a control character, a backslash or a `.`/`..`
 *   path segment, or
 *   carries credentials (the message never quotes it).
 * @example
 * ```ts
 * resolveBaseUrl({ servers: { Global: 'https://api.example.com/v4' }, defaultRegion: 'Global' })
 * // 'https://api.example.com/v4'
 * ```
 */
export function resolveBaseUrl<R extends string>(options: ResolveBaseUrlOptions<R>): string {
  const { servers, region, defaultRegion, baseUrl } = options
  if (baseUrl !== undefined) {
    // Surrounding spaces and line breaks (a URL read from a file or an env file) are dropped, as
    // URL parsers drop them; they would otherwise end up inside every request path (`/v4 /events`).
    const url = typeof baseUrl === 'string' ? baseUrl.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : ''
    if (!/^https?:\/\/[^/?#\s]/i.test(url) || !parses(url)) {
      throw new TypeError('baseUrl must be an absolute http:// or https:// URL')
    }
    if (/[?#]/.test(url)) {
      throw new TypeError('baseUrl must not contain a query string or a fragment')
    }
    // fetch refuses such URLs with a message that quotes them, password included.
    if (/^https?:\/\/[^/]*@/i.test(url)) {
      throw new TypeError('baseUrl must not contain credentials (user:password@)')
    }
    // The URL parser would encode a space (`/v 4` -> `/v%204`), drop a tab or line break, read a
    // backslash as a slash, and resolve `.`/`..` segments (`/v4/..` + `/events` -> `/events`): the
    // requests would silently go to another path than the one written.
    if (/[\s\\\0-\x1f\x7f]/.test(url)) {
      throw new TypeError('baseUrl must not contain spaces, control characters or backslashes')
    }
    const path = url.replace(/^https?:\/\/[^/]*/i, '')
    if (path.split('/').some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) {
      throw new TypeError("baseUrl must not contain '.' or '..' path segments")
    }
    return url.replace(/\/+$/, '')
  }
  const name = region ?? defaultRegion
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(servers, name)) {
    throw new TypeError(
      `region must be one of ${Object.keys(servers)
        .map((r) => `'${r}'`)
        .join(', ')} (got ${describeValue(name)})`,
    )
  }
  return servers[name].replace(/\/+$/, '')
}

/** Whether the URL parser accepts a URL (a bad host or port would otherwise fail every request). */
function parses(url: string): boolean {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

/**
 * Describes a value for an error message without printing long or sensitive content.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (typeof value === 'string') {
    if (value === '') return 'an empty string'
    if (value.trim() === '') return 'a whitespace-only string'
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value)
  }
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}
