/**
 * Regions of the Fingerprint Server API. Use the region of your workspace; a key of another region
 * is answered with `wrong_region`.
 *
 * @example
 * ```ts
 * new FingerprintServerApiClient({ apiKey, region: Region.EU })
 * ```
 */
export const Region = {
  EU: 'EU',
  AP: 'AP',
  Global: 'Global',
} as const

/** One of the {@link Region} values. */
export type Region = (typeof Region)[keyof typeof Region]

/**
 * Server URL of each region, from the `servers` of specs/server-api-v4.yaml (with the `/v4` prefix).
 *
 * @internal
 */
export const SERVERS: Readonly<Record<Region, string>> = {
  Global: 'https://api.fpjs.io/v4',
  EU: 'https://eu.api.fpjs.io/v4',
  AP: 'https://ap.api.fpjs.io/v4',
}
