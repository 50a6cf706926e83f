/**
 * The regions the Server API v3 is served from. The client picks the matching base URL
 * (`https://api.fpjs.io`, `https://eu.api.fpjs.io`, `https://ap.api.fpjs.io`) unless `baseUrl` is given.
 *
 * Declared as a frozen object rather than a TypeScript `enum`, so both `Region.EU` and the string
 * `'EU'` are accepted wherever a region is expected, exactly as with the official SDK.
 *
 * @example
 * ```ts
 * const client = new FingerprintJsServerApiClient({ apiKey, region: Region.EU })
 * ```
 */
export const Region = Object.freeze({
  EU: 'EU',
  AP: 'AP',
  Global: 'Global',
} as const)

/** One of the {@link Region} values (`'EU' | 'AP' | 'Global'`). */
export type Region = (typeof Region)[keyof typeof Region]

/**
 * How the client sends the secret API key.
 *
 * - `AuthHeader` (default): in the `Auth-API-Key` request header.
 * - `QueryParameter`: in the `api_key` query parameter. The key is then part of the URL by the API's
 *   design; the client redacts it from every URL it prints or attaches to an error.
 *
 * @example
 * ```ts
 * const client = new FingerprintJsServerApiClient({
 *   apiKey,
 *   authenticationMode: AuthenticationMode.QueryParameter,
 * })
 * ```
 */
export const AuthenticationMode = Object.freeze({
  AuthHeader: 'AuthHeader',
  QueryParameter: 'QueryParameter',
} as const)

/** One of the {@link AuthenticationMode} values. */
export type AuthenticationMode = (typeof AuthenticationMode)[keyof typeof AuthenticationMode]
