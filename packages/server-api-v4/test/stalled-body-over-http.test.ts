/// <reference types="node" />
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  FingerprintServerApiClient,
  RequestError,
  RequestTimeoutError,
  SdkError,
} from '@fpapi/server-api-v4'
import { startServer } from '../../../scripts/test/helpers/http-server'

// With the runtime's own fetch the wrapper relies on fetch itself to end a body when the attempt's
// signal aborts (no chunk-by-chunk read on the common path): these prove it does, over real HTTP.
let server: Awaited<ReturnType<typeof startServer>>
beforeAll(async () => {
  server = await startServer((req, res) => {
    const status = req.target.includes('error') ? 500 : 200
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000' })
    res.write('{"event_id":"half') // and never the rest
  })
})
afterAll(() => server.close())

const client = (timeoutMs: number) =>
  new FingerprintServerApiClient({
    apiKey: 'stalled-body-key',
    baseUrl: `${server.origin}/v4`,
    timeoutMs,
    retries: false,
  })

test('a 2xx body that stalls: the client timeout ends the call', async () => {
  const error = await client(200)
    .getEvent('stalls')
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect(String((error as Error).message)).toMatch(/Failed to read the response body/)
})

test('a 2xx body that stalls: a per-call abort ends the call with its reason', async () => {
  const controller = new AbortController()
  const pending = client(0).getEvent('stalls', undefined, { signal: controller.signal })
  setTimeout(() => controller.abort(new Error('caller gave up')), 100)
  await expect(pending).rejects.toThrow('caller gave up')
})

test('an error body that stalls: the client timeout ends the call', async () => {
  const error = await client(200)
    .getEvent('error')
    .catch((e: unknown) => e)
  // The status came in time: a RequestError with what could be read of the body (nothing).
  expect(error).toBeInstanceOf(RequestError)
  expect(error).not.toBeInstanceOf(RequestTimeoutError)
  expect(error).toMatchObject({ statusCode: 500, rawBody: '' })
}, 10_000)
