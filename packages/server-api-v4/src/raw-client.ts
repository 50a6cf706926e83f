import createClient, { type Client } from 'openapi-fetch'
import { checkedPathSerializer, type Transport } from '@fpapi/client-core'
import type { paths } from './generated/openapi'

/** The typed openapi-fetch client for any path of the v4 spec. */
export type RawClient = Client<paths, 'application/json'>

/**
 * Creates the openapi-fetch client behind `client.raw`, sharing the client's base URL, headers,
 * retries and timeout. It returns `{ data, error, response }` instead of throwing.
 *
 * @internal
 */
export function createRawClient(
  baseUrl: string,
  headers: Record<string, string>,
  transport: Transport,
): RawClient {
  return createClient<paths, 'application/json'>({
    baseUrl,
    headers,
    fetch: transport.rawFetch,
    // Ids are checked and encoded as the facade does: `..` can't change the path.
    pathSerializer: checkedPathSerializer,
  })
}
