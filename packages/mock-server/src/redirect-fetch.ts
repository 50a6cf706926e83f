const REAL_API = /^https:\/\/(?:eu\.|ap\.)?api\.fpjs\.io(?=\/|$)/

/**
 * Wraps `fetch` so that requests to the real Fingerprint API hosts (`api.fpjs.io`,
 * `eu.api.fpjs.io`, `ap.api.fpjs.io`) go to the mock server instead; other URLs pass through.
 * This is how clients without a base URL option (such as the official Node SDKs) reach the mock.
 *
 * @param origin - the mock server's origin, e.g. `server.url`
 * @param baseFetch - the fetch to send with. Default: the global `fetch`
 * @returns a fetch with the same signature
 * @example
 * ```ts
 * const client = new FingerprintServerApiClient({ apiKey: server.apiKey, fetch: server.fetch })
 * ```
 */
export function createRedirectFetch(origin: string, baseFetch: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    if (typeof input === 'string' || input instanceof URL) {
      return baseFetch(String(input).replace(REAL_API, origin), init)
    }
    const url = input.url.replace(REAL_API, origin)
    return baseFetch(url === input.url ? input : new Request(url, input), init)
  }
}
