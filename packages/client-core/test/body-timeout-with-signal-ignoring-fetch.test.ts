import { expect, test } from 'vitest'
import {
  RequestError,
  SdkError,
  createAuth,
  createTransport,
  readJsonBody,
} from '@fpapi/client-core'

/** A fetch that drops the signal it is given and answers a body that sends one chunk, then stalls. */
const stallingFetch = (status: number) => async () => {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
    },
  })
  return new Response(body, { status })
}

const transportFor = (status: number) =>
  createTransport({
    fetch: stallingFetch(status),
    auth: createAuth({ type: 'bearer' }, 'key-0123456789'),
    retries: false,
    errors: { extractError: () => undefined },
  })

// Before: the timeout reached the body only through the fetch's signal; a fetch that dropped it
// (a wrapper passing only method and headers) left a stalled body pending forever.
test.each([
  { name: 'with a caller signal', signal: new AbortController().signal },
  { name: 'without a signal', signal: undefined },
])(
  'timeoutMs bounds a stalled 2xx body when the fetch ignores its signal ($name)',
  async ({ signal }) => {
    const response = await transportFor(200).fetchFor({ signal, timeoutMs: 20 })(
      'https://x.test/a',
      {},
    )
    const error = await readJsonBody(response, signal).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toMatch(/Failed to read the response body \(.*timed out/)
  },
)

test('timeoutMs bounds a stalled error body when the fetch ignores its signal', async () => {
  const error = await transportFor(400)
    .fetchFor({ signal: new AbortController().signal, timeoutMs: 20 })('https://x.test/a', {})
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(RequestError)
  expect(error).toMatchObject({ statusCode: 400, rawBody: '' })
})

test("the caller's abort ends a stalled error body when the fetch ignores its signal", async () => {
  const controller = new AbortController()
  const reason = new Error('caller gave up')
  const pending = transportFor(500)
    .fetchFor({ signal: controller.signal, timeoutMs: 0 })('https://x.test/a', {})
    .catch((e: unknown) => e)
  setTimeout(() => controller.abort(reason), 10)
  expect(await pending).toBe(reason)
})
