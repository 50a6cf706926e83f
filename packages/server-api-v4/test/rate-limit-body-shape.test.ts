import { expect, test } from 'vitest'
import { FingerprintServerApiClient, TooManyRequestsError } from '@fpapi/server-api-v4'

// Before: a 429 from a proxy (HTML, empty, other JSON) gave a TooManyRequestsError whose
// responseBody was a string or undefined, so code written for the official SDK
// (`e.responseBody.error.message`) crashed.
test.each(['<html>Too Many Requests</html>', '', '{"message":"slow down"}'])(
  'a 429 with body %j still has responseBody.error',
  async (body) => {
    const client = new FingerprintServerApiClient({
      apiKey: 'k',
      retries: false,
      fetch: async () => new Response(body, { status: 429, statusText: 'Too Many Requests' }),
    })
    const error = (await client.getEvent('e1').catch((e: unknown) => e)) as TooManyRequestsError
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error.responseBody.error).toEqual({
      code: 'too_many_requests',
      message: 'Too many requests',
    })
    expect(error.rawBody).toBe(body)
  },
)

test('an API-shaped 429 body is kept as sent', async () => {
  const sent = { error: { code: 'too_many_requests', message: 'Slow down, 5 rps max' } }
  const client = new FingerprintServerApiClient({
    apiKey: 'k',
    retries: false,
    fetch: async () => Response.json(sent, { status: 429 }),
  })
  const error = (await client.getEvent('e1').catch((e: unknown) => e)) as TooManyRequestsError
  expect(error.responseBody).toEqual(sent)
  expect(error.message).toBe('Slow down, 5 rps max')
})
