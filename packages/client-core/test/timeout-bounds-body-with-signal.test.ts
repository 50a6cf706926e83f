import { expect, test } from 'vitest'
import { SdkError, createAuth, createTransport, readJsonBody } from '@fpapi/client-core'

/** A fetch whose 200 body sends one chunk, then stalls until the request's signal aborts. */
const stallingFetch = async (_input: string | Request, init?: RequestInit) => {
  const signal = init?.signal
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
      signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true })
    },
  })
  return new Response(body, { status: 200 })
}

// With a caller's signal the timeout used to stop at the response headers, so a stalled body
// waited forever; without one (shared timeout) it was bounded. Both are bounded now.
test.each([
  { name: 'with a caller signal', signal: new AbortController().signal },
  { name: 'without a signal', signal: undefined },
])('timeoutMs bounds a stalled body $name', async ({ signal }) => {
  const transport = createTransport({
    fetch: stallingFetch,
    auth: createAuth({ type: 'bearer' }, 'key'),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const requestOptions = { signal, timeoutMs: 30 }
  const response = await transport.fetchFor(requestOptions)('https://x.test/v1/a', {})
  const error = await readJsonBody(response, signal).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toMatch(/Failed to read the response body \(.*timed out/)
})
