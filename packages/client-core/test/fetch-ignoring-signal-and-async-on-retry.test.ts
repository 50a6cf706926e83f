import { expect, test } from 'vitest'
import { RequestTimeoutError, createAuth, createTransport } from '@fpapi/client-core'

const auth = createAuth({ type: 'bearer' }, 'key-0123456789')
const errors = { extractError: () => undefined }

// Before: the timeout and the caller's abort only worked through the signal handed to fetch, so a
// custom fetch that ignored it kept the call pending forever.
test.each([
  { name: 'with a caller signal', signal: new AbortController().signal },
  { name: 'without a signal', signal: undefined },
])('timeoutMs fires when the fetch ignores its signal ($name)', async ({ signal }) => {
  const transport = createTransport({
    fetch: () => new Promise<Response>(() => undefined),
    auth,
    retries: false,
    errors,
  })
  const error = await transport
    .fetchFor({ signal, timeoutMs: 20 })('https://x.test/v1/a', {})
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(RequestTimeoutError)
})

test("the caller's abort ends a call whose fetch ignores its signal", async () => {
  const transport = createTransport({
    fetch: () => new Promise<Response>(() => undefined),
    auth,
    retries: false,
    errors,
  })
  const controller = new AbortController()
  const reason = new Error('caller gave up')
  const pending = transport
    .fetchFor({ signal: controller.signal, timeoutMs: 0 })('https://x.test/v1/a', {})
    .catch((e: unknown) => e)
  setTimeout(() => controller.abort(reason), 5)
  expect(await pending).toBe(reason)
})

test('a fetch that returns a Response, not a Promise, still works with a timeout', async () => {
  const transport = createTransport({
    fetch: (() => Response.json({ ok: 1 })) as never,
    auth,
    retries: false,
    errors,
  })
  const response = await transport.fetchFor({ timeoutMs: 1_000 })('https://x.test/v1/a', {})
  expect(await response.json()).toEqual({ ok: 1 })
})

// Before: an async onRetry that rejected became an unhandled rejection, which ends a Node process.
test('an async onRetry hook that rejects is ignored like one that throws', async () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  try {
    let calls = 0
    const transport = createTransport({
      fetch: async () => new Response(null, { status: ++calls === 1 ? 503 : 204 }),
      auth,
      retries: { max: 1, baseDelayMs: 0 },
      sleep: async () => undefined,
      onRetry: async () => {
        throw new Error('log sink down')
      },
      errors,
    })
    const response = await transport.fetchFor()('https://x.test/v1/a', {})
    expect(response.status).toBe(204)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(unhandled).toEqual([])
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
})
