import type { Client } from 'openapi-fetch'
import { createPathClient, type Transport } from '@fpapi/client-core'
import type { paths } from './generated/openapi'

/**
 * `client.raw`: a function per HTTP method for any path of the v4 spec, typed by the spec with
 * openapi-fetch's types and called the openapi-fetch way (`GET(path, { params, body })` resolving to
 * `{ data, error, response }`). It runs on the client's own transport (no openapi-fetch at run
 * time), so it shares the base URL, credentials, retries and timeout.
 */
export type RawClient = Pick<
  Client<paths, 'application/json'>,
  'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'
>

/**
 * Creates the client behind `client.raw`.
 *
 * @internal
 */
export function createRawClient(
  baseUrl: string,
  headers: Record<string, string>,
  transport: Transport,
): RawClient {
  return createPathClient(baseUrl, headers, transport) as unknown as RawClient
}
