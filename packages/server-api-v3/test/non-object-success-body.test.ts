import { expect, test } from 'vitest'
import { FingerprintJsServerApiClient, SdkError } from '@fpapi/server-api-v3'

// Before: the read methods resolved `null`, `[]` or a scalar from a 200, typed as the API's object.
test.each(['null', '[]', '"event"', '7'])('a 200 with body %s is an SdkError', async (body) => {
  const client = new FingerprintJsServerApiClient({
    apiKey: 'k',
    fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    retries: false,
  })
  await expect(client.getEvent('r1')).rejects.toThrow(SdkError)
  await expect(client.getVisits('v1')).rejects.toThrow(SdkError)
  await expect(client.searchEvents({ limit: 1 })).rejects.toThrow(SdkError)
  await expect(client.getRelatedVisitors({ visitor_id: 'v1' })).rejects.toThrow(
    /Expected a JSON object in the response body/,
  )
  await expect(client.deleteVisitorData('v1')).resolves.toBeUndefined()
})
