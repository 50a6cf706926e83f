import { getEventListeners } from 'node:events'
import { expect, test } from 'vitest'
import { createAttemptSignal, readJsonBody, sendWithRetry, sleep } from '@fpapi/client-core'

// Node warns ("MaxListenersExceededWarning: Possible EventTarget memory leak detected") once an
// AbortSignal has more than 10 listeners. Calls that share one caller's signal must not add one each.
const CALLS = 30
const listenerCount = (signal: AbortSignal) => getEventListeners(signal, 'abort').length

/** A 200 whose body sends a first chunk and then stalls until cancelled. */
function stalledResponse(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
    },
  })
  return new Response(body, { status: 200 })
}

test('concurrent calls waiting for fetch, with a timeout, add one listener to the shared signal', async () => {
  const controller = new AbortController()
  const pending = new Set<() => void>()
  // A fetch that answers only when told to, and ignores its signal (so the wrapper watches it too).
  const fetch = () =>
    new Promise<Response>((resolve) => {
      pending.add(() => resolve(new Response('{}', { status: 200 })))
    })
  const calls = Array.from({ length: CALLS }, () =>
    sendWithRetry(
      { url: 'http://127.0.0.1:9/x', init: {} },
      { fetch, signal: controller.signal, timeoutMs: 60_000 },
    ),
  )
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(pending.size).toBe(CALLS)
  expect(listenerCount(controller.signal)).toBe(1)
  for (const answer of pending) answer()
  const responses = await Promise.all(calls)
  expect(responses.every((r) => r.status === 200)).toBe(true)
  expect(listenerCount(controller.signal)).toBe(0)
})

test('concurrent body reads and retry waits add one listener to the shared signal, and all end on abort', async () => {
  const controller = new AbortController()
  const reason = new Error('shutting down')
  const reads = Array.from({ length: CALLS }, () =>
    readJsonBody(stalledResponse(), controller.signal),
  )
  const waits = Array.from({ length: CALLS }, () => sleep(60_000, controller.signal))
  const attempts = Array.from({ length: CALLS }, () =>
    createAttemptSignal(60_000, controller.signal),
  )
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(listenerCount(controller.signal)).toBe(1)
  controller.abort(reason)
  const settled = await Promise.allSettled([...reads, ...waits])
  expect(settled.every((s) => s.status === 'rejected' && s.reason === reason)).toBe(true)
  expect(attempts.every((a) => a.signal.aborted && a.signal.reason === reason)).toBe(true)
  for (const a of attempts) a.clear()
  expect(listenerCount(controller.signal)).toBe(0)
})

test('a listener removed before the abort is not called; the others still are', async () => {
  const controller = new AbortController()
  const kept = createAttemptSignal(60_000, controller.signal)
  const dropped = createAttemptSignal(60_000, controller.signal)
  dropped.clear()
  expect(listenerCount(controller.signal)).toBe(1)
  controller.abort('stop')
  expect(kept.signal.aborted).toBe(true)
  expect(kept.signal.reason).toBe('stop')
  expect(dropped.signal.aborted).toBe(false)
  kept.clear()
  // Watching again after the abort: the signal is aborted, so the attempt is at once.
  const late = createAttemptSignal(60_000, controller.signal)
  expect(late.signal.aborted).toBe(true)
  late.clear()
})
