import { assertSecret } from './checks'
import { REDACTED } from './redact'

/**
 * Where an API sends its secret key: an `Authorization: Bearer` header, a named header, or a named
 * query parameter.
 */
export type AuthStyle =
  { type: 'bearer' } | { type: 'header'; name: string } | { type: 'query'; name: string }

/**
 * The credentials of one client. The key lives in a closure: the object has no property that holds
 * it, so logging or serializing an `Auth` never reveals it.
 */
export interface Auth {
  /** The style this auth was made with. */
  readonly style: AuthStyle
  /** Headers to add to every request (empty for the query style). */
  headers(): Record<string, string>
  /** Query parameters to add to every request (empty for header styles). */
  query(): Record<string, string>
  /** Names of headers that carry the key (lower case), for redaction. */
  readonly secretHeaders: readonly string[]
  /** Names of query parameters that carry the key, for redaction. */
  readonly secretQuery: readonly string[]
  /**
   * Replaces the key (as is and percent-encoded) in a text with `[REDACTED]`: for texts the client
   * did not write, such as an error body that echoes the request or a fetch error quoting the URL.
   * Keys shorter than {@link MIN_SEARCHED_KEY_LENGTH} are not searched for: they would be found
   * inside ordinary words and the API's own error codes (a test key `secret` inside
   * `secret_api_key_not_found`), which would then change.
   */
  redactText(text: string): string
}

/**
 * The shortest key {@link Auth.redactText} looks for in texts. Real secret keys are 20+ characters;
 * shorter ones are test keys such as `secret` or `key`, whose every occurrence in a server's answer
 * is far more likely an ordinary word or error code than an echo.
 *
 * @example
 * ```ts
 * createAuth({ type: 'bearer' }, 'key').redactText('secret_api_key_not_found') // unchanged
 * ```
 */
export const MIN_SEARCHED_KEY_LENGTH = 8

/**
 * Creates the credentials of a client for one auth style.
 *
 * @param style - where the key travels.
 * @param apiKey - the secret key.
 * @returns an {@link Auth} whose key can't be read back from its properties.
 * @throws {TypeError} when `apiKey` is not a non-empty string of visible ASCII characters (the
 *   message never contains the key). Spaces, tabs and line breaks around the key are dropped
 *   first, as fetch drops them around any header value: a key read from a file or a secret store
 *   with a trailing newline works, as it does with the official SDKs.
 * @example
 * ```ts
 * const auth = createAuth({ type: 'header', name: 'Auth-API-Key' }, process.env.API_KEY)
 * auth.headers() // { 'Auth-API-Key': '…' }
 * ```
 */
export function createAuth(style: AuthStyle, apiKey: unknown): Auth {
  assertSecret(apiKey, 'apiKey')
  const key = apiKey.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '')
  // A key that can't be a header value makes fetch throw a message quoting the header, key included.
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new TypeError(
      'apiKey must contain only visible ASCII characters (no spaces or control characters)',
    )
  }
  const headerName =
    style.type === 'bearer' ? 'Authorization' : style.type === 'header' ? style.name : undefined
  const headerValue = style.type === 'bearer' ? `Bearer ${key}` : key
  const encoded = encodeURIComponent(key)
  const redactText = (text: string): string => {
    if (key.length < MIN_SEARCHED_KEY_LENGTH) return text
    if (!text.includes(key) && !text.includes(encoded)) return text
    return text.split(key).join(REDACTED).split(encoded).join(REDACTED)
  }
  return Object.freeze({
    style,
    headers: () => (headerName ? { [headerName]: headerValue } : {}),
    query: () => (style.type === 'query' ? { [style.name]: key } : {}),
    secretHeaders: headerName ? [headerName.toLowerCase()] : [],
    secretQuery: style.type === 'query' ? [style.name] : [],
    redactText,
  })
}
