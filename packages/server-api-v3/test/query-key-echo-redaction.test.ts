import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import { AuthenticationMode, FingerprintJsServerApiClient } from '@fpapi/server-api-v3'

const API_KEY = 'hunter2QueryKey'

function everything(error: unknown): string {
  const e = error as Error
  return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 8 })].join('\n')
}

function client(fetch: typeof globalThis.fetch) {
  return new FingerprintJsServerApiClient({
    apiKey: API_KEY,
    fetch,
    retries: false,
    authenticationMode: AuthenticationMode.QueryParameter,
  })
}

test('QueryParameter mode: a fetch (node-fetch style) error quoting the URL does not leak the key', async () => {
  const fetch = (async (url: string) => {
    throw new Error(`request to ${url} failed, reason: socket hang up`)
  }) as unknown as typeof globalThis.fetch
  const error = await client(fetch)
    .getEvent('req-1')
    .catch((e: unknown) => e)
  expect((error as Error).message).toContain('socket hang up')
  expect((error as Error).message).toContain('api_key=[REDACTED]')
  expect(everything(error)).not.toContain('hunter2')
})

test.each([
  { status: 403, body: `{"error":{"code":"TokenNotFound","message":"bad key ${API_KEY}"}}` },
  { status: 500, body: `<pre>GET /events/req-1?api_key=${API_KEY}</pre>` },
  { status: 429, body: `{"error":{"code":"TooManyRequests","message":"slow down ${API_KEY}"}}` },
])('an error body of status $status that echoes the key is redacted', async ({ status, body }) => {
  const fetch = (async () => new Response(body, { status })) as unknown as typeof globalThis.fetch
  const error = await client(fetch)
    .getEvent('req-1')
    .catch((e: unknown) => e)
  expect((error as { statusCode?: number }).statusCode).toBe(status)
  expect(everything(error)).not.toContain('hunter2')
})

test('QueryParameter mode: a redirect to https repeating the URL does not leak the key', async () => {
  const fetch = (async (url: string) =>
    new Response(null, {
      status: 301,
      headers: { location: `${url}&again=1` },
    })) as unknown as typeof globalThis.fetch
  const error = await client(fetch)
    .getEvent('req-1')
    .catch((e: unknown) => e)
  expect((error as { statusCode?: number }).statusCode).toBe(301)
  expect((error as { headers: Record<string, string> }).headers.location).toContain('[REDACTED]')
  expect(everything(error)).not.toContain('hunter2')
})
