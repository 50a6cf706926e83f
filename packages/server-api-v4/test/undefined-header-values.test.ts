import { expect, test } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'
import { fakeFetch } from './helpers'

// Before: `{ 'X-Trace': traceId }` with an undefined traceId sent `x-trace: undefined`.
test('headers whose value is undefined are left out, not sent as "undefined"', async () => {
  const { fetch, calls } = fakeFetch({ json: { event_id: 'e1', timestamp: 1 } })
  const client = new FingerprintServerApiClient({
    apiKey: 'k',
    fetch,
    defaultHeaders: { 'X-Default': undefined as unknown as string, 'X-Kept': 'yes' },
  })
  await client.getEvent('e1', undefined, {
    headers: { 'X-Trace': undefined as unknown as string },
  })
  await client.updateEvent(
    'e1',
    { suspect: true },
    {
      headers: { 'X-Trace': undefined as unknown as string },
    },
  )
  for (const call of calls) {
    expect(call.headers).not.toHaveProperty('x-default')
    expect(call.headers).not.toHaveProperty('x-trace')
    expect(call.headers['x-kept']).toBe('yes')
    expect(call.headers.authorization).toBe('Bearer k')
  }
})
