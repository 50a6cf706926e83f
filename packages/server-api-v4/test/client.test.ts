/// <reference types="node" />
import { inspect } from 'node:util'
import { describe, expect, test, vi } from 'vitest'
import {
  FingerprintServerApiClient,
  NetworkError,
  Region,
  RequestError,
  RequestTimeoutError,
  SdkError,
  ServerApiError,
  TooManyRequestsError,
  VERSION,
  type Options,
} from '@fpapi/server-api-v4'
import { API_KEY, fakeFetch, sampleEvent, type Reply } from './helpers'

const noWait = { sleep: async () => {}, random: () => 0 }

function client(replies: Reply[], options: Partial<Options> = {}) {
  const fake = fakeFetch(...replies)
  const c = new FingerprintServerApiClient({
    apiKey: API_KEY,
    fetch: fake.fetch,
    ...noWait,
    ...options,
  })
  return { client: c, ...fake }
}

describe('requests: URL, method, headers, body', () => {
  test.each([
    {
      name: 'getEvent',
      call: (c: FingerprintServerApiClient) => c.getEvent('ev1'),
      want: { method: 'GET', url: 'https://api.fpjs.io/v4/events/ev1', body: undefined },
    },
    {
      name: 'getEvent with ruleset_id',
      call: (c: FingerprintServerApiClient) => c.getEvent('ev1', { ruleset_id: 'rs 1' }),
      want: {
        method: 'GET',
        url: 'https://api.fpjs.io/v4/events/ev1?ruleset_id=rs%201',
        body: undefined,
      },
    },
    {
      name: 'updateEvent',
      call: (c: FingerprintServerApiClient) =>
        c.updateEvent('ev1', { suspect: true, linked_id: 'L' }),
      want: {
        method: 'PATCH',
        url: 'https://api.fpjs.io/v4/events/ev1',
        body: '{"suspect":true,"linked_id":"L"}',
      },
    },
    {
      name: 'deleteVisitorData',
      call: (c: FingerprintServerApiClient) => c.deleteVisitorData('vis1'),
      want: { method: 'DELETE', url: 'https://api.fpjs.io/v4/visitors/vis1', body: undefined },
    },
    {
      name: 'searchEvents with arrays as repeated keys',
      call: (c: FingerprintServerApiClient) =>
        c.searchEvents({
          limit: 10,
          environment: ['env_a', 'env_b'],
          bot_info_category: ['search_engine', 'ai_agent'] as never,
          reverse: true,
          suspect: false,
          start: 1700000000000,
          visitor_id: undefined,
        }),
      want: {
        method: 'GET',
        url: 'https://api.fpjs.io/v4/events?limit=10&environment=env_a&environment=env_b&bot_info_category=search_engine&bot_info_category=ai_agent&reverse=true&suspect=false&start=1700000000000',
        body: undefined,
      },
    },
    {
      name: 'searchEvents with an empty filter',
      call: (c: FingerprintServerApiClient) => c.searchEvents({}),
      want: { method: 'GET', url: 'https://api.fpjs.io/v4/events', body: undefined },
    },
  ])('$name', async ({ call, want }) => {
    const { client: c, calls } = client([{ status: 200, json: { events: [], ...sampleEvent() } }])
    await call(c)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject(want)
    expect(calls[0]?.headers).toMatchObject({
      accept: 'application/json',
      authorization: `Bearer ${API_KEY}`,
      'user-agent': `fpapi-server-api-v4/${VERSION}`,
    })
    if (want.body) expect(calls[0]?.headers['content-type']).toBe('application/json')
    else expect(calls[0]?.headers['content-type']).toBeUndefined()
  })

  test.each([
    { given: { region: Region.EU }, want: 'https://eu.api.fpjs.io/v4/events/e' },
    { given: { region: Region.AP }, want: 'https://ap.api.fpjs.io/v4/events/e' },
    { given: { region: Region.Global }, want: 'https://api.fpjs.io/v4/events/e' },
    { given: { baseUrl: 'http://127.0.0.1:4010/v4' }, want: 'http://127.0.0.1:4010/v4/events/e' },
    {
      given: { baseUrl: 'https://proxy.example/fp/v4/', region: Region.EU },
      want: 'https://proxy.example/fp/v4/events/e',
    },
  ])('region/baseUrl $given', async ({ given, want }) => {
    const { client: c, calls } = client([{ json: sampleEvent() }], given)
    await c.getEvent('e')
    expect(calls[0]?.url).toBe(want)
  })

  test('defaultHeaders and per-call headers are sent', async () => {
    const { client: c, calls } = client([{ json: sampleEvent() }], {
      defaultHeaders: { 'X-Team': 'fraud' },
    })
    await c.getEvent('e', undefined, { headers: { 'X-Trace': 't1' } })
    expect(calls[0]?.headers).toMatchObject({ 'x-team': 'fraud', 'x-trace': 't1' })
  })

  test('path parameters are percent-encoded', async () => {
    const { client: c, calls } = client([{ json: sampleEvent() }, { status: 200 }])
    await c.getEvent('../visitors/x')
    await c.deleteVisitorData('a?b=c#d')
    expect(calls.map((x) => x.url)).toEqual([
      'https://api.fpjs.io/v4/events/..%2Fvisitors%2Fx',
      'https://api.fpjs.io/v4/visitors/a%3Fb%3Dc%23d',
    ])
  })
})

describe('results', () => {
  test('getEvent returns the body with unknown fields and enum values untouched', async () => {
    const event = {
      ...sampleEvent(),
      bot: 'a_future_bot_value',
      vpn: { result: true, methods: { new_method: 1 } },
    }
    const { client: c } = client([{ json: event }])
    expect(await c.getEvent('e')).toEqual(event)
  })

  test('updateEvent and deleteVisitorData resolve to undefined', async () => {
    const { client: c } = client([{ status: 200, json: {} }, { status: 204 }])
    expect(await c.updateEvent('e', { tags: { a: 1 } })).toBeUndefined()
    expect(await c.deleteVisitorData('v')).toBeUndefined()
  })

  test('a 200 that is not JSON is an SdkError, not a crash', async () => {
    const { client: c } = client([
      { status: 200, text: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } },
    ])
    await expect(c.getEvent('e')).rejects.toBeInstanceOf(SdkError)
  })
})

describe('argument checks: TypeError naming the argument, before any request', () => {
  const bad: {
    name: string
    call: (c: FingerprintServerApiClient) => Promise<unknown>
    want: RegExp
  }[] = [
    {
      name: 'empty eventId',
      call: (c) => c.getEvent(''),
      want: /^eventId must be a non-empty string/,
    },
    {
      name: 'blank eventId',
      call: (c) => c.getEvent('  \t'),
      want: /^eventId must be a non-empty string/,
    },
    {
      name: 'null eventId',
      call: (c) => c.getEvent(null as never),
      want: /^eventId must be a non-empty string \(got null\)/,
    },
    {
      name: 'number eventId',
      call: (c) => c.getEvent(123 as never),
      want: /^eventId must be a non-empty string/,
    },
    { name: 'dot-dot eventId', call: (c) => c.getEvent('..'), want: /^eventId must not be/ },
    {
      name: 'options not an object',
      call: (c) => c.getEvent('e', 'rs' as never),
      want: /^options must be an object/,
    },
    {
      name: 'ruleset_id not a string',
      call: (c) => c.getEvent('e', { ruleset_id: 5 as never }),
      want: /^options.ruleset_id must be a string/,
    },
    {
      name: 'update: empty eventId',
      call: (c) => c.updateEvent('', {}),
      want: /^eventId must be a non-empty string/,
    },
    {
      name: 'update: body missing',
      call: (c) => c.updateEvent('e', undefined as never),
      want: /^body must be an object/,
    },
    {
      name: 'update: body array',
      call: (c) => c.updateEvent('e', [] as never),
      want: /^body must be an object/,
    },
    {
      name: 'delete: blank visitorId',
      call: (c) => c.deleteVisitorData(' '),
      want: /^visitorId must be a non-empty string/,
    },
    {
      name: 'delete: undefined visitorId',
      call: (c) => c.deleteVisitorData(undefined as never),
      want: /^visitorId must be a non-empty string/,
    },
    {
      name: 'search: limit 0',
      call: (c) => c.searchEvents({ limit: 0 }),
      want: /^filter.limit must be a positive integer/,
    },
    {
      name: 'search: limit -3',
      call: (c) => c.searchEvents({ limit: -3 }),
      want: /^filter.limit must be a positive integer/,
    },
    {
      name: 'search: limit 1.5',
      call: (c) => c.searchEvents({ limit: 1.5 }),
      want: /^filter.limit must be a positive integer/,
    },
    {
      name: 'search: limit "10"',
      call: (c) => c.searchEvents({ limit: '10' as never }),
      want: /^filter.limit must be a positive integer/,
    },
    {
      name: 'search: filter string',
      call: (c) => c.searchEvents('visitor' as never),
      want: /^filter must be an object/,
    },
    {
      name: 'requestOptions.timeoutMs',
      call: (c) => c.getEvent('e', undefined, { timeoutMs: -1 }),
      want: /^requestOptions.timeoutMs/,
    },
    {
      name: 'requestOptions.retries',
      call: (c) => c.deleteVisitorData('v', { retries: 3 as never }),
      want: /^requestOptions.retries/,
    },
    {
      name: 'requestOptions.signal',
      call: (c) => c.searchEvents({}, { signal: 'x' as never }),
      want: /^requestOptions.signal/,
    },
  ]
  test.each(bad)('$name', async ({ call, want }) => {
    const { client: c, mock } = client([{ json: {} }])
    const error = await call(c).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(want)
    expect(mock).not.toHaveBeenCalled()
  })

  test.each([
    { name: 'empty apiKey', options: { apiKey: '' }, want: /^apiKey must be a non-empty string/ },
    { name: 'missing apiKey', options: {}, want: /^apiKey must be a non-empty string/ },
    {
      name: 'blank apiKey',
      options: { apiKey: '   ' },
      want: /^apiKey must be a non-empty string/,
    },
    {
      name: 'unknown region',
      options: { apiKey: 'k', region: 'US' },
      want: /^region must be one of 'Global', 'EU', 'AP'/,
    },
    {
      name: 'lower-case region',
      options: { apiKey: 'k', region: 'eu' },
      want: /^region must be one of/,
    },
    {
      name: 'baseUrl not http',
      options: { apiKey: 'k', baseUrl: 'api.fpjs.io' },
      want: /^baseUrl must be an absolute/,
    },
    {
      name: 'timeoutMs negative',
      options: { apiKey: 'k', timeoutMs: -1 },
      want: /^timeoutMs must be a non-negative number/,
    },
    {
      name: 'retries.max not integer',
      options: { apiKey: 'k', retries: { max: 1.5 } },
      want: /^retries.max must be an integer/,
    },
    {
      name: 'fetch not a function',
      options: { apiKey: 'k', fetch: 'x' },
      want: /^fetch must be a function/,
    },
  ])('constructor: $name', ({ options, want }) => {
    expect(() => new FingerprintServerApiClient(options as never)).toThrow(want)
    expect(() => new FingerprintServerApiClient(options as never)).toThrow(TypeError)
  })
})

describe('errors', () => {
  test.each([
    {
      name: '404 event_not_found',
      reply: {
        status: 404,
        json: { error: { code: 'event_not_found', message: 'Event not found' } },
      },
      want: {
        cls: ServerApiError,
        statusCode: 404,
        errorCode: 'event_not_found',
        message: 'Event not found',
      },
    },
    {
      name: '403 secret_api_key_required',
      reply: {
        status: 403,
        json: { error: { code: 'secret_api_key_required', message: 'Forbidden' } },
      },
      want: {
        cls: ServerApiError,
        statusCode: 403,
        errorCode: 'secret_api_key_required',
        message: 'Forbidden',
      },
    },
    {
      name: '502 HTML from a proxy',
      reply: {
        status: 502,
        text: '<html><h1>502</h1></html>',
        headers: { 'content-type': 'text/html' },
      },
      want: {
        cls: RequestError,
        statusCode: 502,
        rawBody: '<html><h1>502</h1></html>',
        responseBody: '<html><h1>502</h1></html>',
      },
    },
    {
      name: '400 empty body',
      reply: { status: 400, text: '' },
      want: { cls: RequestError, statusCode: 400, rawBody: '', responseBody: undefined },
    },
    {
      name: '400 truncated JSON',
      reply: { status: 400, text: '{"error":{"code":"request_cannot_be_par' },
      want: {
        cls: RequestError,
        statusCode: 400,
        rawBody: '{"error":{"code":"request_cannot_be_par',
      },
    },
    {
      name: '400 JSON of another shape',
      reply: { status: 400, json: { message: 'bad', errors: [1] } },
      want: { cls: RequestError, statusCode: 400, responseBody: { message: 'bad', errors: [1] } },
    },
    {
      name: '400 error code unknown to this version',
      reply: { status: 400, json: { error: { code: 'brand_new_code', message: 'New' } } },
      want: { cls: ServerApiError, statusCode: 400, errorCode: 'brand_new_code', message: 'New' },
    },
  ])('$name', async ({ reply, want }) => {
    const { client: c } = client([reply], { retries: false })
    const error = (await c.getEvent('e').catch((e: unknown) => e)) as RequestError
    const { cls, ...fields } = want
    expect(error).toBeInstanceOf(cls)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject(fields)
    expect(error.response).toBeInstanceOf(Response)
    expect(Object.keys(error)).not.toContain('response')
    expect(error.request).toEqual({ method: 'GET', url: 'https://api.fpjs.io/v4/events/e' })
  })

  test('429 after retries: TooManyRequestsError with retryAfter in seconds', async () => {
    const reply = {
      status: 429,
      json: { error: { code: 'too_many_requests', message: 'Too many' } },
      headers: { 'retry-after': '4' },
    }
    const { client: c, calls } = client([reply], { retries: { max: 2 } })
    const error = await c.getEvent('e').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error).toBeInstanceOf(ServerApiError)
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 4, errorCode: 'too_many_requests' })
    expect(calls).toHaveLength(3)
  })

  test('network failure: NetworkError with the cause', async () => {
    const cause = new TypeError('fetch failed')
    const { client: c } = client([cause], { retries: false })
    const error = await c.getEvent('e').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).cause).toBe(cause)
  })
})

describe('retries', () => {
  test.each([
    {
      name: 'GET 503 then 200',
      call: (c: FingerprintServerApiClient) => c.getEvent('e'),
      replies: [{ status: 503 }, { json: sampleEvent() }],
      calls: 2,
      ok: true,
    },
    {
      name: 'GET 500 x3 (max 2)',
      call: (c: FingerprintServerApiClient) => c.getEvent('e'),
      replies: [{ status: 500 }],
      calls: 3,
      ok: false,
    },
    {
      name: 'GET network error then 200',
      call: (c: FingerprintServerApiClient) => c.searchEvents({}),
      replies: [new TypeError('reset'), { json: { events: [] } }],
      calls: 2,
      ok: true,
    },
    {
      name: 'DELETE 502 then 200',
      call: (c: FingerprintServerApiClient) => c.deleteVisitorData('v'),
      replies: [{ status: 502 }, { status: 200 }],
      calls: 2,
      ok: true,
    },
    {
      name: 'PATCH 500 is never retried',
      call: (c: FingerprintServerApiClient) => c.updateEvent('e', {}),
      replies: [{ status: 500 }, { status: 200 }],
      calls: 1,
      ok: false,
    },
    {
      name: 'PATCH 503 is never retried',
      call: (c: FingerprintServerApiClient) => c.updateEvent('e', {}),
      replies: [{ status: 503 }, { status: 200 }],
      calls: 1,
      ok: false,
    },
    {
      name: 'PATCH network error is never retried',
      call: (c: FingerprintServerApiClient) => c.updateEvent('e', {}),
      replies: [new TypeError('reset'), { status: 200 }],
      calls: 1,
      ok: false,
    },
    {
      name: 'PATCH 409 state_not_ready is retried',
      call: (c: FingerprintServerApiClient) => c.updateEvent('e', { suspect: true }),
      replies: [
        { status: 409, json: { error: { code: 'state_not_ready', message: 'not yet' } } },
        { status: 200 },
      ],
      calls: 2,
      ok: true,
    },
    {
      name: 'PATCH 429 is retried',
      call: (c: FingerprintServerApiClient) => c.updateEvent('e', {}),
      replies: [{ status: 429 }, { status: 200 }],
      calls: 2,
      ok: true,
    },
    {
      name: 'GET 409 is not retried',
      call: (c: FingerprintServerApiClient) => c.getEvent('e'),
      replies: [{ status: 409 }, { json: {} }],
      calls: 1,
      ok: false,
    },
    {
      name: 'GET 404 is not retried',
      call: (c: FingerprintServerApiClient) => c.getEvent('e'),
      replies: [{ status: 404 }, { json: {} }],
      calls: 1,
      ok: false,
    },
    {
      name: 'per-call retries: false',
      call: (c: FingerprintServerApiClient) => c.getEvent('e', undefined, { retries: false }),
      replies: [{ status: 503 }, { json: {} }],
      calls: 1,
      ok: false,
    },
    {
      name: 'per-call retries: { max: 4 }',
      call: (c: FingerprintServerApiClient) => c.getEvent('e', undefined, { retries: { max: 4 } }),
      replies: [{ status: 503 }],
      calls: 5,
      ok: false,
    },
  ])('$name', async ({ call, replies, calls: n, ok }) => {
    const { client: c, calls } = client(replies as Reply[])
    const result = await call(c).then(
      () => true,
      () => false,
    )
    expect(result).toBe(ok)
    expect(calls).toHaveLength(n)
  })

  test('the PATCH body is resent unchanged on a retry', async () => {
    const { client: c, calls } = client([{ status: 409 }, { status: 200 }])
    await c.updateEvent('e', { linked_id: 'x' })
    expect(calls.map((x) => x.body)).toEqual(['{"linked_id":"x"}', '{"linked_id":"x"}'])
  })

  test('client-level retries: false', async () => {
    const { client: c, calls } = client([{ status: 503 }], { retries: false })
    await expect(c.getEvent('e')).rejects.toBeInstanceOf(RequestError)
    expect(calls).toHaveLength(1)
  })

  test('delays: Retry-After first (seconds, HTTP-date), capped; backoff otherwise; onRetry sees them', async () => {
    const delays: number[] = []
    const onRetry = vi.fn()
    const now = Date.parse('2026-01-01T00:00:00Z')
    const { client: c } = client(
      [
        { status: 503 },
        { status: 429, headers: { 'retry-after': '2' } },
        { status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' } },
        { status: 429, headers: { 'retry-after': '9999' } },
        { json: sampleEvent() },
      ],
      {
        retries: { max: 4, baseDelayMs: 100, maxDelayMs: 5_000 },
        sleep: async (ms) => {
          delays.push(ms)
        },
        random: () => 0.5,
        now: () => now,
        onRetry,
      },
    )
    await c.getEvent('e')
    expect(delays).toEqual([75, 2000, 3000, 5000])
    expect(onRetry.mock.calls.map(([e]) => [e.retry, e.status])).toEqual([
      [1, 503],
      [2, 429],
      [3, 429],
      [4, 429],
    ])
  })
})

describe('signals and timeouts', () => {
  test('the per-call signal aborts the request', async () => {
    const controller = new AbortController()
    const fetch = vi.fn(
      (_: unknown, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
    const c = new FingerprintServerApiClient({ apiKey: API_KEY, fetch: fetch as never })
    const promise = c.getEvent('e', undefined, { signal: controller.signal })
    controller.abort(new Error('cancelled by caller'))
    await expect(promise).rejects.toThrow('cancelled by caller')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('timeoutMs per call gives RequestTimeoutError', async () => {
    const fetch = vi.fn(
      (_: unknown, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
    const c = new FingerprintServerApiClient({
      apiKey: API_KEY,
      fetch: fetch as never,
      retries: false,
    })
    const error = await c.getEvent('e', undefined, { timeoutMs: 10 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(error).toMatchObject({ timeoutMs: 10 })
  })
})

describe('secrets never leak', () => {
  test('util.inspect and JSON.stringify of the client', () => {
    const c = new FingerprintServerApiClient({ apiKey: API_KEY, region: Region.EU })
    for (const text of [
      inspect(c),
      inspect(c, { showHidden: true, depth: Infinity }),
      JSON.stringify(c),
      String(Object.keys(c)),
      JSON.stringify(Object.getOwnPropertyDescriptors(c)),
    ]) {
      expect(text).not.toContain(API_KEY)
    }
    expect(inspect(c)).toContain("region: 'EU'")
    expect((c as unknown as Record<string, unknown>).apiKey).toBeUndefined()
  })

  test.each([
    {
      name: 'API error',
      reply: { status: 403, json: { error: { code: 'secret_api_key_not_found', message: 'no' } } },
    },
    { name: 'HTML error', reply: { status: 500, text: '<html/>' } },
    { name: 'network error', reply: new TypeError('connect ECONNREFUSED') },
  ])('errors: $name', async ({ reply }) => {
    const { client: c } = client([reply as Reply], { retries: false })
    const error = (await c.getEvent('e').catch((e: unknown) => e)) as Error
    for (const text of [
      error.message,
      String(error.stack),
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
    ]) {
      expect(text).not.toContain(API_KEY)
    }
  })
})

describe('client.raw', () => {
  test('is the typed openapi-fetch client, with auth, base URL and no throwing', async () => {
    const { client: c, calls } = client([
      { status: 404, json: { error: { code: 'event_not_found', message: 'x' } } },
    ])
    const { data, error, response } = await c.raw.GET('/events/{event_id}', {
      params: { path: { event_id: 'a/b' } },
    })
    expect(data).toBeUndefined()
    expect(error).toEqual({ error: { code: 'event_not_found', message: 'x' } })
    expect(response.status).toBe(404)
    expect(calls[0]?.url).toBe('https://api.fpjs.io/v4/events/a%2Fb')
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(c.raw).toBe(c.raw)
  })

  test('PATCH through raw sends a JSON body', async () => {
    const { client: c, calls } = client([{ status: 200, json: {} }])
    await c.raw.PATCH('/events/{event_id}', {
      params: { path: { event_id: 'e' } },
      body: { suspect: true },
    })
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: '{"suspect":true}' })
    expect(calls[0]?.headers['content-type']).toBe('application/json')
  })
})

test('VERSION matches package.json', async () => {
  const pkg = (await import('../package.json', { with: { type: 'json' } })).default as {
    version: string
  }
  expect(VERSION).toBe(pkg.version)
})

describe('an API key that cannot be a header value', () => {
  test.each(['sec\nret', 'sec\u0000ret', 'clé', 'two words'])(
    '%j: TypeError at construction, key not echoed',
    (apiKey) => {
      let error: unknown
      try {
        new FingerprintServerApiClient({ apiKey })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(TypeError)
      expect((error as Error).message).toBe(
        'apiKey must contain only visible ASCII characters (no spaces or control characters)',
      )
    },
  )
})

test('ServerApiError.fromErrorResponse, as in the official SDK', () => {
  const e = ServerApiError.fromErrorResponse(
    { error: { code: 'event_not_found', message: 'gone' } },
    new Response('', { status: 404 }),
  )
  expect(e).toBeInstanceOf(ServerApiError)
  expect(e).toMatchObject({ statusCode: 404, errorCode: 'event_not_found', message: 'gone' })
})

describe('unseen inputs', () => {
  test.each([
    {
      name: 'nested object filter',
      call: (c: FingerprintServerApiClient) => c.searchEvents({ linked_id: { $ne: 1 } } as never),
      want: /^filter.linked_id must be a string, finite number or boolean/,
    },
    {
      name: 'array of objects',
      call: (c: FingerprintServerApiClient) => c.searchEvents({ environment: [{}] } as never),
      want: /^filter.environment must be/,
    },
    {
      name: 'function value',
      call: (c: FingerprintServerApiClient) => c.searchEvents({ url: () => 'x' } as never),
      want: /^filter.url must be/,
    },
    {
      name: 'lone surrogate id',
      call: (c: FingerprintServerApiClient) => c.getEvent('a\ud800'),
      want: /^eventId must be a well-formed Unicode string/,
    },
  ])('$name: TypeError before any request', async ({ call, want }) => {
    const { client: c, mock } = client([{ json: {} }])
    const error = await call(c).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(want)
    expect(mock).not.toHaveBeenCalled()
  })

  test('a signal from another implementation (duck-typed) is accepted', async () => {
    const { client: c } = client([{ json: sampleEvent() }])
    const foreign = {
      aborted: false,
      reason: undefined,
      addEventListener() {},
      removeEventListener() {},
    }
    await expect(c.getEvent('e', undefined, { signal: foreign as never })).resolves.toMatchObject({
      event_id: expect.any(String),
    })
  })

  test('a non-string string-like filter value (number for a string field) is sent as text', async () => {
    const { client: c, calls } = client([{ json: { events: [] } }])
    await c.searchEvents({ linked_id: 42 as never, start: '2026-01-01T00:00:00Z' })
    expect(calls[0]?.url).toBe(
      'https://api.fpjs.io/v4/events?linked_id=42&start=2026-01-01T00%3A00%3A00Z',
    )
  })
})

test.each([undefined, null, 'key', 42])(
  'constructor without an options object (%j): TypeError',
  (options) => {
    expect(() => new FingerprintServerApiClient(options as never)).toThrow(
      /^options must be an object \(got /,
    )
  },
)
