import { expect, test } from 'vitest'
import { FingerprintServerApiClient, SdkError } from '@fpapi/server-api-v4'

// Before: getEvent/searchEvents resolved `null`, `[]` or a scalar from a 200, typed as an Event.
test.each(['null', '[]', '"event"', '7'])('a 200 with body %s is an SdkError', async (body) => {
  const client = new FingerprintServerApiClient({
    apiKey: 'k',
    fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    retries: false,
  })
  await expect(client.getEvent('e1')).rejects.toThrow(SdkError)
  await expect(client.searchEvents({ limit: 1 })).rejects.toThrow(
    /Expected a JSON object in the response body/,
  )
  // Writes don't read the body, so they still succeed.
  await expect(client.deleteVisitorData('v1')).resolves.toBeUndefined()
})
