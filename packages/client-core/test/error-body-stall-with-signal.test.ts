import { expect, test } from 'vitest'
import { RequestError, TooManyRequestsError, createAuth, createTransport } from '@fpapi/client-core'

/** A fetch answering `status` with a body that sends one chunk, then stalls until the request's signal aborts. */
const stallingFetch = (status: number) => async (_input: string | Request, init?: RequestInit) => {
  const signal = init?.signal
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"error":'))
      signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true })
    },
  })
  return new Response(body, { status })
}

const transportFor = (status: number) =>
  createTransport({
    fetch: stallingFetch(status),
    auth: createAuth({ type: 'bearer' }, 'key'),
    retries: false,
    errors: { extractError: () => undefined },
  })

// The attempt's signal was released before the error body was read: with a caller's signal, neither
// the timeout nor the caller's abort reached a stalled error body, and the call never settled.
test.each([
  { status: 400, type: RequestError },
  { status: 429, type: TooManyRequestsError },
])(
  'timeoutMs bounds a stalled $status error body when a signal is given',
  async ({ status, type }) => {
    const requestOptions = { signal: new AbortController().signal, timeoutMs: 30 }
    const error = await transportFor(status)
      .fetchFor(requestOptions)('https://x.test/v1/a', {})
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(type)
    expect(error).toMatchObject({ statusCode: status, rawBody: '' })
  },
)

test('aborting the signal while a stalled error body arrives rejects with the reason', async () => {
  const controller = new AbortController()
  const reason = new Error('caller gave up')
  const pending = transportFor(500)
    .fetchFor({ signal: controller.signal, timeoutMs: 0 })('https://x.test/v1/a', {
      method: 'PATCH',
    })
    .catch((e: unknown) => e)
  setTimeout(() => controller.abort(reason), 10)
  expect(await pending).toBe(reason)
})
