import { expect, test } from 'vitest'
import { FingerprintJsServerApiClient } from '@fpapi/server-api-v3'
import { createFakeFetch } from './helpers/fake-fetch'

// client.raw used openapi-fetch's path serializer: `..` became `/events/..`, which the URL
// parser turns into `/`, so the request left the operation's path.
test.each(['..', '.', ''])('raw.GET with request_id %j: TypeError, no request', async (id) => {
  const fake = createFakeFetch({ json: {} })
  const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
  const error = await client.raw
    .GET('/events/{request_id}', { params: { path: { request_id: id } } })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TypeError)
  expect((error as Error).message).toMatch(/path parameter request_id/)
  expect(fake.calls).toHaveLength(0)
})
