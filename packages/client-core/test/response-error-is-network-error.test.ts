import { expect, test } from 'vitest'
import { NetworkError, createAuth, createTransport } from '@fpapi/client-core'

// Before: `Response.error()` became a RequestError with status 0 and was never retried.
test('a fetch resolving Response.error() gives a retried NetworkError', async () => {
  let calls = 0
  const transport = createTransport({
    fetch: async () => (++calls < 3 ? Response.error() : Response.json({ ok: true })),
    auth: createAuth({ type: 'bearer' }, 'key-0123456789'),
    retries: { max: 1, baseDelayMs: 0 },
    sleep: async () => undefined,
    errors: { extractError: () => undefined },
  })
  const error = await transport
    .fetchFor()('https://x.test/a', { method: 'GET' })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
  expect((error as Error).message).toMatch(/network error response/)
  expect(calls).toBe(2)
  const response = await transport.fetchFor()('https://x.test/a', { method: 'GET' })
  expect(response.status).toBe(200)
})
