import { describe, expect, test } from 'vitest'
import { readJsonBody, readJsonObject, SdkError } from '../src/index'

/** A body the reader can't return: the error keeps a readable copy only when asked to. */
async function failure(read: () => Promise<unknown>): Promise<SdkError> {
  const error = await read().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SdkError)
  return error as SdkError
}

const chunked = (text: string, status = 200) =>
  new Response(
    new ReadableStream({
      start(controller) {
        if (text) controller.enqueue(new TextEncoder().encode(text))
        controller.close()
      },
    }),
    { status, statusText: 'OK', headers: { 'content-type': 'application/json', 'x-id': '7' } },
  )

describe('readJsonBody / readJsonObject with keepReadable', () => {
  test.each([
    ['not JSON', '{"trunc', readJsonBody],
    ['empty, without Content-Length', '', readJsonBody],
    ['JSON but not an object', '[1, 2]', readJsonObject],
    ['null', 'null', readJsonObject],
  ] as const)('%s: error.response can still be read', async (_, text, reader) => {
    const original = chunked(text)
    const error = await failure(() =>
      reader(original, undefined, undefined, { keepReadable: true }),
    )
    const response = error.response!
    expect(await response.text()).toBe(text)
    expect(response.status).toBe(200)
    expect(response.statusText).toBe('OK')
    expect(response.headers.get('x-id')).toBe('7')
  })

  test('without the option the error keeps the response as is (its body already read)', async () => {
    const original = chunked('{"trunc')
    const error = await failure(() => readJsonBody(original))
    expect(error.response).toBe(original)
    expect(original.bodyUsed).toBe(true)
  })

  test('a body known to be empty is left unread and the response kept as is', async () => {
    const original = new Response(null, { status: 204 })
    const error = await failure(() =>
      readJsonBody(original, undefined, undefined, { keepReadable: true }),
    )
    expect(error.response).toBe(original)
  })
})
