import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import {
  SdkError,
  createAuth,
  createPathClient,
  createTransport,
  readJsonBody,
} from '@fpapi/client-core'

const KEY = 'sk_body+stream/=0123'

/** A fetch whose 2xx body fails midway with node-fetch's wording: the URL, query key included. */
const failingBodyFetch = async (input: string | Request) => {
  const url = typeof input === 'string' ? input : input.url
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"a":'))
      controller.error(new Error(`invalid response body at: ${url} reason: socket hang up`))
    },
  })
  return new Response(body, { status: 200 })
}

const shown = (error: unknown) =>
  [
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ].join('\n')

// Before: the body error became the SdkError's message and cause as is, key included.
test.each([
  { name: 'without a signal', signal: undefined },
  { name: 'with a signal', signal: new AbortController().signal },
])('a failing body stream that quotes the URL loses the key ($name)', async ({ signal }) => {
  const transport = createTransport({
    fetch: failingBodyFetch,
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const response = await transport.fetchFor({ signal })('https://x.test/v1/a', {})
  const error = await readJsonBody(response, signal, transport.redactText).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toContain('socket hang up')
  expect(shown(error)).not.toContain(KEY)
  expect(shown(error)).not.toContain(encodeURIComponent(KEY))
})

test('client.raw: a failing body stream that quotes the URL loses the key', async () => {
  const transport = createTransport({
    fetch: failingBodyFetch,
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const raw = createPathClient('https://x.test/v1', {}, transport)
  const error = await raw.GET('/things').catch((e: unknown) => e)
  expect((error as Error).message).toContain('socket hang up')
  expect(shown(error)).not.toContain(encodeURIComponent(KEY))
})
