import { describe, expect, test, vi } from 'vitest'
import {
  RequestError,
  ServerApiError,
  TooManyRequestsError,
  assertRequestOptions,
  createAuth,
  createTransport,
  createRawFetch,
} from '@fpapi/client-core'

const extractError = (body: unknown) => {
  const e = (body as { error?: { code?: string; message?: string } })?.error
  return e?.code && e.message ? { code: e.code, message: e.message } : undefined
}

function fakeFetch(responses: (() => Response)[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const fetch = vi.fn(async (input: string | Request, init?: RequestInit) => {
    calls.push({ url: typeof input === 'string' ? input : input.url, init })
    const make = responses[Math.min(calls.length - 1, responses.length - 1)]
    return (make as () => Response)()
  })
  return { fetch, calls }
}

const KEY = 'query-secret-key'

describe('createTransport', () => {
  test('query auth is appended to the URL and redacted in errors', async () => {
    const { fetch, calls } = fakeFetch([
      () => new Response('{"error":{"code":"nope","message":"Nope"}}', { status: 403 }),
    ])
    const transport = createTransport({
      fetch,
      auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
      errors: { extractError },
    })
    const error = await transport
      .fetchFor()('https://x.test/v1/things?a=1', { method: 'GET' })
      .catch((e: unknown) => e)
    expect(calls[0]?.url).toBe(`https://x.test/v1/things?a=1&api_key=${KEY}`)
    expect(error).toBeInstanceOf(ServerApiError)
    expect(error).toMatchObject({
      statusCode: 403,
      errorCode: 'nope',
      message: 'Nope',
      request: { method: 'GET', url: 'https://x.test/v1/things?a=1&api_key=[REDACTED]' },
    })
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(String((error as Error).stack)).not.toContain(KEY)
  })

  test('per-call retries override the client policy; 409 needs the rule', async () => {
    const sleep = vi.fn(async () => {})
    const { fetch, calls } = fakeFetch([
      () => new Response('', { status: 409 }),
      () => new Response('{}'),
    ])
    const transport = createTransport({
      fetch,
      sleep,
      auth: createAuth({ type: 'bearer' }, KEY),
      errors: { extractError },
    })
    await expect(
      transport.fetchFor()('https://x.test/e', { method: 'PATCH' }),
    ).rejects.toBeInstanceOf(RequestError)
    expect(calls).toHaveLength(1)
    const ok = await transport.fetchFor(undefined, { retryConflict: true })('https://x.test/e', {
      method: 'PATCH',
    })
    expect(ok.status).toBe(200)
    const none = createTransport({
      fetch: fakeFetch([() => new Response('', { status: 503 })]).fetch,
      sleep,
      auth: createAuth({ type: 'bearer' }, KEY),
      errors: { extractError },
    })
    await expect(
      none.fetchFor({ retries: false })('https://x.test/e', { method: 'GET' }),
    ).rejects.toMatchObject({ statusCode: 503 })
  })

  test('429 after the last retry carries retryAfter in seconds', async () => {
    const { fetch, calls } = fakeFetch([
      () =>
        new Response('{"error":{"code":"too_many_requests","message":"slow"}}', {
          status: 429,
          headers: { 'retry-after': '2' },
        }),
    ])
    const transport = createTransport({
      fetch,
      sleep: async () => {},
      retries: { max: 1 },
      auth: createAuth({ type: 'bearer' }, KEY),
      errors: { extractError },
    })
    const error = await transport
      .fetchFor()('https://x.test/e', { method: 'GET' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error).toMatchObject({ retryAfter: 2, errorCode: 'too_many_requests', message: 'slow' })
    expect(calls).toHaveLength(2)
  })

  test('createRawFetch returns error responses instead of throwing', async () => {
    const { fetch } = fakeFetch([() => new Response('nope', { status: 404 })])
    const transport = createTransport({
      fetch,
      auth: createAuth({ type: 'bearer' }, KEY),
      errors: { extractError },
    })
    const response = await createRawFetch(transport)(new Request('https://x.test/e'))
    expect(response.status).toBe(404)
  })

  test.each([
    { given: { retries: 3 }, want: /requestOptions.retries must be false or an object/ },
    {
      given: { retries: { max: -1 } },
      want: /requestOptions.retries.max must be a non-negative number/,
    },
    { given: { timeoutMs: -5 }, want: /requestOptions.timeoutMs must be a non-negative number/ },
    { given: { signal: {} }, want: /requestOptions.signal must be an AbortSignal/ },
    { given: { headers: 'x' }, want: /requestOptions.headers must be an object/ },
    { given: 'x', want: /requestOptions must be an object/ },
  ])('assertRequestOptions rejects $given', ({ given, want }) => {
    expect(() => assertRequestOptions(given)).toThrow(want)
  })
})
