/**
 * `client.raw`: the typed openapi-fetch client over the v3 spec, wired to the same base URL, auth,
 * headers, retries and timeout as the facade. It returns `{ data, error, response }` and never
 * throws on HTTP errors (openapi-fetch's result style).
 *
 * @internal
 */
import { checkedPathSerializer, createRawFetch } from '@fpapi/client-core'
import createOpenApiClient, { type Client } from 'openapi-fetch'
import type { paths } from './generated/openapi'
import { serializeQuery } from './query-string'
import type { SendConfig } from './send'

/** @internal Builds the raw client of one facade. */
export function createRawClient(config: SendConfig): Client<paths> {
  return createOpenApiClient<paths>({
    baseUrl: config.baseUrl,
    headers: config.headers,
    querySerializer: (query) => serializeQuery(query as Record<string, unknown>),
    // Ids are checked and encoded as the facade does: `..` can't change the path.
    pathSerializer: checkedPathSerializer,
    fetch: createRawFetch(config.transport),
    // See send.ts: never follow a redirect with the key in a header.
    redirect: 'manual',
  })
}
