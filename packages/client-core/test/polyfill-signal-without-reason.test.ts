import { expect, test } from 'vitest'
import { readJsonBody, sendWithRetry, sleep } from '@fpapi/client-core'

/** An AbortSignal as older polyfills make it: `aborted` and events, but no `reason`. */
function polyfillSignal() {
  const target = new EventTarget() as EventTarget & { aborted: boolean }
  target.aborted = false
  const abort = () => {
    target.aborted = true
    target.dispatchEvent(new Event('abort'))
  }
  return { signal: target as unknown as AbortSignal, abort }
}

const isAbortError = (value: unknown) =>
  value instanceof DOMException && value.name === 'AbortError'

// Each of these used to reject with `undefined`.
test('an already aborted signal without a reason: the call rejects with an AbortError', async () => {
  const { signal, abort } = polyfillSignal()
  abort()
  let called = false
  const fetch = async () => {
    called = true
    return new Response('{}')
  }
  const error = await sendWithRetry(
    { url: 'http://127.0.0.1:9/x', init: {} },
    { fetch, signal },
  ).catch((e: unknown) => e)
  expect(isAbortError(error)).toBe(true)
  expect(called).toBe(false)
  expect(isAbortError(await sleep(10, signal).catch((e: unknown) => e))).toBe(true)
})

test('aborted during the wait between retries: AbortError', async () => {
  const { signal, abort } = polyfillSignal()
  const fetch = async () => new Response(null, { status: 503 })
  const call = sendWithRetry(
    { url: 'http://127.0.0.1:9/x', init: {} },
    { fetch, signal, retries: { max: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 } },
  )
  await new Promise((resolve) => setTimeout(resolve, 5))
  abort()
  expect(isAbortError(await call.catch((e: unknown) => e))).toBe(true)
})

test('aborted while the body is arriving: AbortError', async () => {
  const { signal, abort } = polyfillSignal()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
    },
  })
  const read = readJsonBody(new Response(body), signal)
  await new Promise((resolve) => setTimeout(resolve, 5))
  abort()
  expect(isAbortError(await read.catch((e: unknown) => e))).toBe(true)
})

test('a native signal aborted with a string reason still rejects with that string, as fetch does', async () => {
  const controller = new AbortController()
  controller.abort('user left')
  const fetch = async () => new Response('{}')
  await expect(
    sendWithRetry({ url: 'http://127.0.0.1:9/x', init: {} }, { fetch, signal: controller.signal }),
  ).rejects.toBe('user left')
})
