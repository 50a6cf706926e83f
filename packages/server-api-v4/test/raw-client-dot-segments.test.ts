import { expect, test } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'
import { fakeFetch } from './helpers'

// client.raw used openapi-fetch's path serializer: `..` became `/v4/events/..`, which the URL
// parser turns into `/v4/`, so the request left the operation's path.
test.each(['..', '.', ''])('raw.GET with event_id %j: TypeError, no request', async (id) => {
  const { fetch, calls } = fakeFetch({ json: {} })
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  const error = await client.raw
    .GET('/events/{event_id}', { params: { path: { event_id: id } } })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TypeError)
  expect((error as Error).message).toMatch(/path parameter event_id/)
  expect(calls).toHaveLength(0)
})

test('raw.GET keeps an id with slashes in its one segment', async () => {
  const { fetch, calls } = fakeFetch({ json: { event_id: 'x' } })
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  await client.raw.GET('/events/{event_id}', { params: { path: { event_id: '../visitors/v' } } })
  expect(new URL(calls[0]!.url).pathname).toBe('/v4/events/..%2Fvisitors%2Fv')
})
