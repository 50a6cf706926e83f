import { expect, test } from 'vitest'
import { readJsonBody } from '@fpapi/client-core'

/** A 200 whose body sends a first chunk and then nothing more, until cancelled. */
function stalledResponse() {
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
    },
    cancel() {
      cancelled = true
    },
  })
  return { response: new Response(body, { status: 200 }), wasCancelled: () => cancelled }
}

test('aborting the signal while the body is arriving rejects with the reason and cancels the body', async () => {
  const { response, wasCancelled } = stalledResponse()
  const controller = new AbortController()
  const reading = readJsonBody(response, controller.signal)
  const reason = new Error('caller gave up')
  controller.abort(reason)
  await expect(reading).rejects.toBe(reason)
  expect(wasCancelled()).toBe(true)
})

test('a signal already aborted rejects with its reason without reading', async () => {
  const { response, wasCancelled } = stalledResponse()
  const reason = new Error('too late')
  await expect(readJsonBody(response, AbortSignal.abort(reason))).rejects.toBe(reason)
  expect(wasCancelled()).toBe(true)
})

test('with a signal that never aborts the body is read as usual', async () => {
  const controller = new AbortController()
  const response = new Response('{"x":[1]}', { status: 200 })
  await expect(readJsonBody(response, controller.signal)).resolves.toEqual({ x: [1] })
})
