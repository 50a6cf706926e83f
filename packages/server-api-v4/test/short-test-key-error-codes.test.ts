import { expect, test } from 'vitest'
import { FingerprintServerApiClient, ServerApiError } from '@fpapi/server-api-v4'

// A program written for the official SDK with a test key like `secret` must see the same error code.
test('a short test key does not change the error code the server sent', async () => {
  const client = new FingerprintServerApiClient({
    apiKey: 'secret',
    retries: false,
    fetch: async () =>
      Response.json(
        { error: { code: 'secret_api_key_not_found', message: 'secret key not found' } },
        { status: 403 },
      ),
  })
  const error = await client.getEvent('e1').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ServerApiError)
  expect(error).toMatchObject({
    errorCode: 'secret_api_key_not_found',
    message: 'secret key not found',
  })
})
