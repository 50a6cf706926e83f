import { expect, test } from 'vitest'
import { createErrorFromResponse, parseRetryAfter } from '@fpapi/client-core'

// An enormous Retry-After used to read as "absent", so TooManyRequestsError.retryAfter said 0.
test.each([
  { given: '9007199254740993', want: Number.MAX_SAFE_INTEGER },
  { given: '99999999999999999999', want: Number.MAX_SAFE_INTEGER },
  { given: '9'.repeat(400), want: Number.MAX_SAFE_INTEGER },
])('parseRetryAfter($given) is capped at $want', ({ given, want }) => {
  expect(parseRetryAfter(given, 0)).toBe(want)
})

test('a 429 with an enormous Retry-After reports a long retryAfter, not 0', async () => {
  const response = new Response('', { status: 429, headers: { 'retry-after': '9'.repeat(30) } })
  const error = await createErrorFromResponse(response, { extractError: () => undefined })
  expect((error as { retryAfter?: number }).retryAfter).toBe(
    Math.ceil(Number.MAX_SAFE_INTEGER / 1000),
  )
})
