import { expect, test } from 'vitest'
import { SdkError, sendWithRetry } from '@fpapi/client-core'

// An injected fetch (a mock, a wrapper) resolving to something else used to crash with
// "Cannot read properties of undefined (reading 'ok')" or "(reading 'get')".
test.each([
  { given: undefined, want: /fetch resolved to undefined instead of a Response/ },
  { given: null, want: /fetch resolved to null instead of a Response/ },
  { given: {}, want: /fetch resolved to an object without status and headers/ },
  { given: 'ok', want: /fetch resolved to string instead of a Response/ },
])('fetch resolving to $given: SdkError, no retry', async ({ given, want }) => {
  let calls = 0
  const fetch = async () => {
    calls++
    return given as unknown as Response
  }
  const error = await sendWithRetry(
    { url: 'https://x.test/', init: { method: 'GET' } },
    { fetch, retries: { max: 3, baseDelayMs: 0, maxDelayMs: 0 } },
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toMatch(want)
  expect(calls).toBe(1)
})

test('a Response look-alike (node-fetch style) is accepted', async () => {
  const lookAlike = { ok: true, status: 200, headers: new Headers(), text: async () => '{}' }
  const response = await sendWithRetry(
    { url: 'https://x.test/', init: {} },
    { fetch: async () => lookAlike as unknown as Response },
  )
  expect(response).toBe(lookAlike)
})
