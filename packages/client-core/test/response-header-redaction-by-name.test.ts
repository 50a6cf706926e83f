import { expect, test } from 'vitest'
import { RequestError, createAuth, createTransport } from '@fpapi/client-core'

// A test key too short to be searched for in texts (see MIN_SEARCHED_KEY_LENGTH) is still cleaned
// from response headers that carry it by name: credential headers, and the query key in a Location.
test.each([
  { style: { type: 'bearer' } as const, header: 'authorization', value: 'Bearer k3y' },
  {
    style: { type: 'header', name: 'Auth-API-Key' } as const,
    header: 'auth-api-key',
    value: 'k3y',
  },
])(
  'a response header named like a credential ($header) is redacted',
  async ({ style, header, value }) => {
    const transport = createTransport({
      fetch: async () => new Response('no', { status: 400, headers: { [header]: value } }),
      auth: createAuth(style, 'k3y'),
      retries: false,
      errors: { extractError: () => undefined },
    })
    const error = (await transport
      .fetchFor()('https://x.test/a', {})
      .catch((e: unknown) => e)) as RequestError
    expect(error.headers[header]).toBe('[REDACTED]')
    expect(JSON.stringify(error)).not.toContain('k3y')
  },
)

test('a Location quoting the query key is redacted whatever the key length', async () => {
  const transport = createTransport({
    fetch: async () =>
      new Response(null, {
        status: 301,
        headers: { location: 'https://x.test/a?api_key=k3y&b=1' },
      }),
    auth: createAuth({ type: 'query', name: 'api_key' }, 'k3y'),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const error = (await transport
    .fetchFor()('https://x.test/a', {})
    .catch((e: unknown) => e)) as RequestError
  expect(error.headers.location).toBe('https://x.test/a?api_key=[REDACTED]&b=1')
})
