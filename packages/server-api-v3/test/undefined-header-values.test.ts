import { expect, test } from 'vitest'
import { FingerprintJsServerApiClient } from '@fpapi/server-api-v3'

// Before: `{ 'X-Trace': traceId }` with an undefined traceId sent `x-trace: undefined`.
test('headers whose value is undefined are left out, not sent as "undefined"', async () => {
  const sent: Headers[] = []
  const client = new FingerprintJsServerApiClient({
    apiKey: 'k',
    fetch: async (_url, init) => {
      sent.push(new Headers(init?.headers))
      return Response.json({ products: {} })
    },
    defaultHeaders: { 'X-Default': undefined as unknown as string, 'X-Kept': 'yes' },
  })
  await client.getEvent('r1', { headers: { 'X-Trace': undefined as unknown as string } })
  await client.updateEvent({ suspect: true }, 'r1', {
    headers: { 'X-Trace': undefined as unknown as string },
  })
  expect(sent).toHaveLength(2)
  for (const headers of sent) {
    expect(headers.has('x-default')).toBe(false)
    expect(headers.has('x-trace')).toBe(false)
    expect(headers.get('x-kept')).toBe('yes')
    expect(headers.get('auth-api-key')).toBe('k')
  }
})
