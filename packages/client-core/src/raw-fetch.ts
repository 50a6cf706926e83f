import type { Transport } from './transport'

/**
 * A fetch function for openapi-fetch (`createClient({ fetch })`) over a transport: the same
 * credentials, retries and timeout as the facade's methods, but non-2xx responses are returned, not
 * thrown. A `Request` (as openapi-fetch passes) is turned into `fetch(url, init)` with a string
 * body and its own signal and redirect mode, so an injected fetch always sees one call shape and a
 * retry needs no clone.
 *
 * @param transport - the facade's transport.
 * @returns a fetch-compatible function.
 * @example
 * ```ts
 * const raw = createClient<paths>({ baseUrl, headers, fetch: createRawFetch(transport) })
 * ```
 */
export function createRawFetch(
  transport: Transport,
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  const plainSend = transport.fetchFor(undefined, undefined, false)
  return async (input, init) => {
    if (!(input instanceof Request)) return plainSend(String(input), init ?? {})
    const request = init ? new Request(input, init) : input
    const plain: RequestInit = {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      signal: request.signal,
      // Keep the caller's redirect mode (a facade may refuse redirects so a key is never re-sent).
      redirect: request.redirect,
    }
    if (request.body) plain.body = await request.text()
    return transport.fetchFor({ signal: request.signal }, undefined, false)(request.url, plain)
  }
}
