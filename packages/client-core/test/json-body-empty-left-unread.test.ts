import { expect, test } from 'vitest'
import { readJsonBody, SdkError } from '@fpapi/client-core'

// Before: an empty 2xx body was read to find it empty, so `error.response.text()` then failed with
// "Body is unusable"; the official SDKs throw without reading it (Content-Length: 0, or 204).
test.each([
  [
    'Content-Length: 0',
    () => new Response('', { status: 200, headers: { 'content-length': '0' } }),
  ],
  ['204', () => new Response(null, { status: 204 })],
])('an empty body known from %s is left unread', async (_, make) => {
  const response = make()
  const error = (await readJsonBody(response).catch((e: unknown) => e)) as SdkError
  expect(error).toBeInstanceOf(SdkError)
  expect(error.message).toBe('Expected JSON response but response body is empty')
  expect(error.response).toBe(response)
  expect(response.bodyUsed).toBe(false)
  await expect(response.text()).resolves.toBe('')
})

test('an empty body without Content-Length is still read, and reported as empty', async () => {
  const response = new Response(new ReadableStream({ start: (c) => c.close() }), { status: 200 })
  await expect(readJsonBody(response)).rejects.toThrow(
    'Expected JSON response but response body is empty',
  )
})
