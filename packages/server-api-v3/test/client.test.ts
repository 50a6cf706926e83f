/// <reference types="node" />
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import {
  AuthenticationMode,
  FingerprintJsServerApiClient,
  NetworkError,
  Region,
  RequestError,
  RequestTimeoutError,
  SdkError,
  ServerApiError,
  TooManyRequestsError,
  VERSION,
  type Options,
} from '../src/index'
import { eventWithUnknownFields, makeEvent, makeVisit } from './fixtures/events'
import { createFakeFetch, type FakeAnswer } from './helpers/fake-fetch'

const API_KEY = 'sk_unit_secret_9a8b7c'

function makeClient(answers: Parameters<typeof createFakeFetch>, options: Partial<Options> = {}) {
  const fake = createFakeFetch(...answers)
  const sleeps: number[] = []
  const client = new FingerprintJsServerApiClient({
    apiKey: API_KEY,
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...options,
  })
  return { client, calls: fake.calls, sleeps }
}

const ok = (json: unknown): FakeAnswer => ({ status: 200, json })

describe('constructor', () => {
  const bad: { name: string; options: unknown; message: RegExp }[] = [
    { name: 'no options', options: undefined, message: /^options must be an object/ },
    { name: 'missing apiKey', options: {}, message: /^apiKey must be a non-empty string/ },
    {
      name: 'empty apiKey',
      options: { apiKey: '' },
      message: /^apiKey must be a non-empty string/,
    },
    { name: 'blank apiKey', options: { apiKey: '   ' }, message: /^apiKey/ },
    { name: 'numeric apiKey', options: { apiKey: 42 }, message: /^apiKey/ },
    {
      name: 'unknown region',
      options: { apiKey: API_KEY, region: 'Mars' },
      message: /^region must be one of/,
    },
    { name: 'lower-case region', options: { apiKey: API_KEY, region: 'eu' }, message: /^region/ },
    {
      name: 'unknown authenticationMode',
      options: { apiKey: API_KEY, authenticationMode: 'Cookie' },
      message: /^authenticationMode must be one of/,
    },
    {
      name: 'relative baseUrl',
      options: { apiKey: API_KEY, baseUrl: '/api' },
      message: /^baseUrl/,
    },
    {
      name: 'negative timeoutMs',
      options: { apiKey: API_KEY, timeoutMs: -1 },
      message: /^timeoutMs/,
    },
    {
      name: 'bad retries',
      options: { apiKey: API_KEY, retries: { max: -1 } },
      message: /^retries\.max/,
    },
    { name: 'fetch not a function', options: { apiKey: API_KEY, fetch: 'x' }, message: /^fetch/ },
  ]
  test.each(bad)('$name: TypeError naming the option', ({ options, message }) => {
    const make = () => new FingerprintJsServerApiClient(options as Options)
    expect(make).toThrow(TypeError)
    expect(make).toThrow(message)
  })

  test.each(['sec\nret_key_1', 'sec\u0000ret_key_2', 'sec\u{1F600}ret_key_3'])(
    'an API key that cannot be a header value: TypeError at construction, key not echoed (%j)',
    (apiKey) => {
      let thrown: unknown
      try {
        new FingerprintJsServerApiClient({
          apiKey,
          fetch: createFakeFetch({ status: 200, json: {} }).fetch,
        })
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(TypeError)
      expect((thrown as Error).message).toMatch(/^apiKey/)
      expect(inspect(thrown)).not.toContain('ret_key')
    },
  )

  test('a rejected key never appears in the message', () => {
    try {
      new FingerprintJsServerApiClient({ apiKey: API_KEY, region: 'Nowhere' as Region })
    } catch (e) {
      expect(String(e)).not.toContain(API_KEY)
    }
  })

  const regions: { region: Options['region']; want: string }[] = [
    { region: undefined, want: 'https://api.fpjs.io' },
    { region: Region.Global, want: 'https://api.fpjs.io' },
    { region: Region.EU, want: 'https://eu.api.fpjs.io' },
    { region: 'AP', want: 'https://ap.api.fpjs.io' },
  ]
  test.each(regions)('region $region -> $want', async ({ region, want }) => {
    const { client, calls } = makeClient([ok(makeEvent('v', 0))], { region })
    expect(client.region).toBe(region ?? 'Global')
    await client.getEvent('r1')
    expect(calls[0]!.url).toBe(`${want}/events/r1`)
  })

  test('baseUrl replaces the region URL; a trailing slash is dropped', async () => {
    const { client, calls } = makeClient([ok(makeEvent('v', 0))], {
      region: Region.EU,
      baseUrl: 'http://127.0.0.1:9999/proxy/',
    })
    await client.getEvent('r1')
    expect(calls[0]!.url).toBe('http://127.0.0.1:9999/proxy/events/r1')
  })
})

describe('requests: method, URL, headers, body', () => {
  type Case = {
    name: string
    call: (c: FingerprintJsServerApiClient) => Promise<unknown>
    answer: FakeAnswer
    method: string
    url: string
    body?: unknown
    result?: unknown
  }
  const event = makeEvent('visitorAbc', 0)
  const visits = { visitorId: 'visitorAbc', visits: [makeVisit('visitorAbc', 0)] }
  const cases: Case[] = [
    {
      name: 'getEvent',
      call: (c) => c.getEvent('1760000000000.abc'),
      answer: ok(event),
      method: 'GET',
      url: 'https://api.fpjs.io/events/1760000000000.abc',
      result: event,
    },
    {
      name: 'updateEvent (body first, then requestId)',
      call: (c) => c.updateEvent({ linkedId: 'order-1', suspect: true, tag: { a: 1 } }, 'req-1'),
      answer: { status: 200, text: '{}' },
      method: 'PUT',
      url: 'https://api.fpjs.io/events/req-1',
      body: { linkedId: 'order-1', suspect: true, tag: { a: 1 } },
      result: undefined,
    },
    {
      name: 'searchEvents with every kind of filter',
      call: (c) =>
        c.searchEvents({
          limit: 10,
          pagination_key: 'pk',
          visitor_id: 'v1',
          bot: 'bad',
          ip_address: '10.0.0.0/24',
          linked_id: 'l 1',
          start: 1,
          end: 2,
          reverse: true,
          suspect: false,
          vpn: true,
          vpn_confidence: 'high',
          min_suspect_score: 0.5,
          sdk_platform: 'js',
          environment: ['ae_1', 'ae_2'],
          proximity_precision_radius: 10,
        }),
      answer: ok({ events: [event] }),
      method: 'GET',
      url:
        'https://api.fpjs.io/events/search?limit=10&pagination_key=pk&visitor_id=v1&bot=bad' +
        '&ip_address=10.0.0.0%2F24&linked_id=l%201&start=1&end=2&reverse=true&suspect=false&vpn=true' +
        '&vpn_confidence=high&min_suspect_score=0.5&sdk_platform=js&environment=ae_1&environment=ae_2' +
        '&proximity_precision_radius=10',
      result: { events: [event] },
    },
    {
      name: 'getVisits with a filter',
      call: (c) => c.getVisits('visitorAbc', { limit: 5, linked_id: 'x', paginationKey: 'k' }),
      answer: ok(visits),
      method: 'GET',
      url: 'https://api.fpjs.io/visitors/visitorAbc?limit=5&linked_id=x&paginationKey=k',
      result: visits,
    },
    {
      name: 'getVisits without a filter',
      call: (c) => c.getVisits('visitorAbc'),
      answer: ok(visits),
      method: 'GET',
      url: 'https://api.fpjs.io/visitors/visitorAbc',
      result: visits,
    },
    {
      name: 'getVisitorHistory (deprecated alias)',
      call: (c) => c.getVisitorHistory('visitorAbc', { before: 17 }),
      answer: ok(visits),
      method: 'GET',
      url: 'https://api.fpjs.io/visitors/visitorAbc?before=17',
      result: visits,
    },
    {
      name: 'deleteVisitorData',
      call: (c) => c.deleteVisitorData('visitorAbc'),
      answer: { status: 200, text: '' },
      method: 'DELETE',
      url: 'https://api.fpjs.io/visitors/visitorAbc',
      result: undefined,
    },
    {
      name: 'getRelatedVisitors',
      call: (c) => c.getRelatedVisitors({ visitor_id: 'visitorAbc' }),
      answer: ok({ relatedVisitors: [{ visitorId: 'v2' }] }),
      method: 'GET',
      url: 'https://api.fpjs.io/related-visitors?visitor_id=visitorAbc',
      result: { relatedVisitors: [{ visitorId: 'v2' }] },
    },
  ]

  test.each(cases)('$name', async ({ call, answer, method, url, body, result }) => {
    const { client, calls } = makeClient([answer])
    await expect(call(client)).resolves.toEqual(result)
    expect(calls).toHaveLength(1)
    const sent = calls[0]!
    expect(sent.method).toBe(method)
    expect(sent.url).toBe(url)
    expect(sent.headers.get('auth-api-key')).toBe(API_KEY)
    expect(sent.headers.get('accept')).toBe('application/json')
    expect(sent.headers.get('user-agent')).toBe(`fpapi-server-api-v3/${VERSION}`)
    if (body === undefined) {
      expect(sent.body).toBeUndefined()
      expect(sent.headers.get('content-type')).toBeNull()
    } else {
      expect(JSON.parse(sent.body!)).toEqual(body)
      expect(sent.headers.get('content-type')).toBe('application/json')
    }
  })

  test('QueryParameter mode puts api_key in the URL and sends no auth header', async () => {
    const { client, calls } = makeClient([ok(makeEvent('v', 0))], {
      authenticationMode: AuthenticationMode.QueryParameter,
    })
    await client.searchEvents({ limit: 1 })
    const url = new URL(calls[0]!.url)
    expect(url.searchParams.get('api_key')).toBe(API_KEY)
    expect(url.searchParams.get('limit')).toBe('1')
    expect(calls[0]!.headers.get('auth-api-key')).toBeNull()
  })

  test('default and per-call headers are sent, but cannot replace the auth header', async () => {
    const { client, calls } = makeClient([ok(makeEvent('v', 0))], {
      defaultHeaders: { 'X-Team': 'fraud', 'Auth-API-Key': 'hijack' },
    })
    await client.getEvent('r1', { headers: { 'X-Trace': 't-1', 'auth-api-key': 'hijack2' } })
    const headers = calls[0]!.headers
    expect(headers.get('x-team')).toBe('fraud')
    expect(headers.get('x-trace')).toBe('t-1')
    expect(headers.get('auth-api-key')).toBe(API_KEY)
  })

  test('header names are case-insensitive: a caller override replaces ours instead of doubling it', async () => {
    const { client, calls } = makeClient([ok(makeEvent('v', 0)), { status: 200, text: '' }], {
      defaultHeaders: { 'user-agent': 'my-app/2.0', accept: 'application/json' },
    })
    await client.getEvent('r1', { headers: { ACCEPT: 'application/json' } })
    expect(calls[0]!.headers.get('user-agent')).toBe('my-app/2.0')
    expect(calls[0]!.headers.get('accept')).toBe('application/json')
    await client.updateEvent({ suspect: true }, 'r1', { headers: { 'content-type': 'text/plain' } })
    // A Content-Type the caller gives is what is sent (as in @fpapi/server-api-v4); ours is the default.
    expect(calls[1]!.headers.get('content-type')).toBe('text/plain')
  })

  test('unknown response fields and enum values pass through untouched', async () => {
    const { client } = makeClient([ok(eventWithUnknownFields)])
    await expect(client.getEvent('r1')).resolves.toEqual(eventWithUnknownFields)
  })

  const ids = [
    { id: '../visitors/x', encoded: '..%2Fvisitors%2Fx' },
    { id: 'a/b', encoded: 'a%2Fb' },
    { id: 'a?b=c', encoded: 'a%3Fb%3Dc' },
    { id: '%2e%2e', encoded: '%252e%252e' },
    { id: 'a#b', encoded: 'a%23b' },
    { id: 'é ü', encoded: '%C3%A9%20%C3%BC' },
  ]
  test.each(ids)('path parameter $id stays one encoded segment', async ({ id, encoded }) => {
    const { client, calls } = makeClient([ok({ visitorId: id, visits: [] })])
    await client.getVisits(id)
    expect(calls[0]!.url).toBe(`https://api.fpjs.io/visitors/${encoded}`)
  })
})

describe('argument checks happen before any request', () => {
  type Case = { name: string; call: (c: FingerprintJsServerApiClient) => unknown; message: RegExp }
  const any = (v: unknown) => v as never
  const cases: Case[] = [
    {
      name: 'getEvent empty id',
      call: (c) => c.getEvent(''),
      message: /^requestId must be a non-empty string/,
    },
    { name: 'getEvent whitespace id', call: (c) => c.getEvent('  \t'), message: /^requestId/ },
    { name: 'getEvent null id', call: (c) => c.getEvent(any(null)), message: /^requestId/ },
    { name: 'getEvent numeric id', call: (c) => c.getEvent(any(12)), message: /^requestId/ },
    {
      name: 'getEvent "..": would change the path',
      call: (c) => c.getEvent('..'),
      message: /^requestId must not be/,
    },
    {
      name: 'getEvent ".": would change the path',
      call: (c) => c.getEvent('.'),
      message: /^requestId/,
    },
    {
      name: 'updateEvent missing body',
      call: (c) => c.updateEvent(any(undefined), 'r1'),
      message: /^body must be an object/,
    },
    {
      name: 'updateEvent swapped arguments',
      call: (c) => c.updateEvent(any('r1'), any({ suspect: true })),
      message: /^body must be an object/,
    },
    {
      name: 'updateEvent bad suspect',
      call: (c) => c.updateEvent(any({ suspect: 'yes' }), 'r1'),
      message: /^body\.suspect/,
    },
    {
      name: 'updateEvent bad linkedId',
      call: (c) => c.updateEvent(any({ linkedId: 5 }), 'r1'),
      message: /^body\.linkedId/,
    },
    {
      name: 'updateEvent bad tag',
      call: (c) => c.updateEvent(any({ tag: 'x' }), 'r1'),
      message: /^body\.tag/,
    },
    { name: 'updateEvent empty id', call: (c) => c.updateEvent({}, ''), message: /^requestId/ },
    {
      name: 'searchEvents no filter',
      call: (c) => c.searchEvents(any(undefined)),
      message: /^filter must be an object/,
    },
    {
      name: 'searchEvents no limit',
      call: (c) => c.searchEvents(any({})),
      message: /^filter\.limit must be a positive integer/,
    },
    {
      name: 'searchEvents limit 0',
      call: (c) => c.searchEvents({ limit: 0 }),
      message: /^filter\.limit/,
    },
    {
      name: 'searchEvents limit -5',
      call: (c) => c.searchEvents({ limit: -5 }),
      message: /^filter\.limit/,
    },
    {
      name: 'searchEvents limit 1.5',
      call: (c) => c.searchEvents({ limit: 1.5 }),
      message: /^filter\.limit/,
    },
    {
      name: 'searchEvents limit "10"',
      call: (c) => c.searchEvents(any({ limit: '10' })),
      message: /^filter\.limit/,
    },
    {
      name: 'searchEvents environment not array',
      call: (c) => c.searchEvents(any({ limit: 1, environment: 'x' })),
      message: /^filter\.environment/,
    },
    {
      name: 'searchEvents nested object',
      call: (c) => c.searchEvents(any({ limit: 1, bot: { a: 1 } })),
      message: /^filter\.bot/,
    },
    { name: 'getVisits empty id', call: (c) => c.getVisits(''), message: /^visitorId/ },
    {
      name: 'getVisits filter not object',
      call: (c) => c.getVisits('v', any('limit=5')),
      message: /^filter must be an object/,
    },
    {
      name: 'getVisits negative limit',
      call: (c) => c.getVisits('v', { limit: -1 }),
      message: /^filter\.limit/,
    },
    {
      name: 'getVisits fractional limit',
      call: (c) => c.getVisits('v', { limit: 2.5 }),
      message: /^filter\.limit/,
    },
    {
      name: 'getVisits bad before',
      call: (c) => c.getVisits('v', any({ before: 'yesterday' })),
      message: /^filter\.before/,
    },
    {
      name: 'getVisits bad paginationKey',
      call: (c) => c.getVisits('v', any({ paginationKey: 7 })),
      message: /^filter\.paginationKey/,
    },
    {
      name: 'getVisitorHistory empty id',
      call: (c) => c.getVisitorHistory(''),
      message: /^visitorId/,
    },
    {
      name: 'deleteVisitorData empty id',
      call: (c) => c.deleteVisitorData(''),
      message: /^visitorId/,
    },
    {
      name: 'deleteVisitorData ".."',
      call: (c) => c.deleteVisitorData('..'),
      message: /^visitorId/,
    },
    {
      name: 'getRelatedVisitors no filter',
      call: (c) => c.getRelatedVisitors(any(undefined)),
      message: /^filter must be an object/,
    },
    {
      name: 'getRelatedVisitors empty id',
      call: (c) => c.getRelatedVisitors({ visitor_id: '' }),
      message: /^filter\.visitor_id/,
    },
    {
      name: 'requestOptions not object',
      call: (c) => c.getEvent('r', any('fast')),
      message: /^requestOptions must be an object/,
    },
    {
      name: 'requestOptions bad timeout',
      call: (c) => c.getEvent('r', { timeoutMs: -3 }),
      message: /^requestOptions\.timeoutMs/,
    },
    {
      name: 'requestOptions bad signal',
      call: (c) => c.getEvent('r', any({ signal: {} })),
      message: /^requestOptions\.signal/,
    },
    {
      name: 'requestOptions bad retries',
      call: (c) => c.getEvent('r', any({ retries: 3 })),
      message: /^requestOptions\.retries/,
    },
    { name: 'iterateVisits empty id', call: (c) => c.iterateVisits(''), message: /^visitorId/ },
    {
      name: 'iterateVisits limit 0 would never advance',
      call: (c) => c.iterateVisits('v', { limit: 0 }),
      message: /^filter\.limit/,
    },
    {
      name: 'iterateEvents no limit',
      call: (c) => c.iterateEvents(any({})),
      message: /^filter\.limit/,
    },
    {
      name: 'iterateEvents bad maxItems',
      call: (c) => c.iterateEvents({ limit: 1 }, { maxItems: 0 }),
      message: /^options\.maxItems/,
    },
  ]
  test.each(cases)('$name', async ({ call, message }) => {
    const { client, calls } = makeClient([ok({})])
    let thrown: unknown
    try {
      await call(client)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(TypeError)
    expect((thrown as Error).message).toMatch(message)
    expect(calls).toHaveLength(0)
  })
})

describe('errors', () => {
  type Case = {
    name: string
    answer: FakeAnswer
    call?: (c: FingerprintJsServerApiClient) => Promise<unknown>
    want: {
      class: Function
      statusCode: number
      errorCode: string
      message: string
      responseBody: unknown
    }
  }
  const getEvent = (c: FingerprintJsServerApiClient) => c.getEvent('r1')
  const cases: Case[] = [
    {
      name: '404 ErrorResponse',
      answer: {
        status: 404,
        statusText: 'Not Found',
        json: { error: { code: 'RequestNotFound', message: 'request id not found' } },
      },
      want: {
        class: ServerApiError,
        statusCode: 404,
        errorCode: 'RequestNotFound',
        message: 'request id not found',
        responseBody: { error: { code: 'RequestNotFound', message: 'request id not found' } },
      },
    },
    {
      name: '403 ErrorPlainResponse on the visitors endpoint',
      answer: { status: 403, statusText: 'Forbidden', json: { error: 'Forbidden (HTTP 403)' } },
      call: (c) => c.getVisits('v1'),
      want: {
        class: RequestError,
        statusCode: 403,
        errorCode: 'Forbidden',
        message: 'Forbidden (HTTP 403)',
        responseBody: { error: 'Forbidden (HTTP 403)' },
      },
    },
    {
      name: '502 HTML page from a proxy',
      answer: {
        status: 502,
        statusText: 'Bad Gateway',
        text: '<html><body>Bad gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      },
      want: {
        class: RequestError,
        statusCode: 502,
        errorCode: 'Bad Gateway',
        message: 'Unknown error (HTTP 502 Bad Gateway)',
        responseBody: '<html><body>Bad gateway</body></html>',
      },
    },
    {
      name: '500 empty body',
      answer: { status: 500, text: '' },
      want: {
        class: RequestError,
        statusCode: 500,
        errorCode: 'HTTP 500',
        message: 'Unknown error (HTTP 500)',
        responseBody: undefined,
      },
    },
    {
      name: '400 truncated JSON',
      answer: { status: 400, statusText: 'Bad Request', text: '{"error":{"code":"Requ' },
      want: {
        class: RequestError,
        statusCode: 400,
        errorCode: 'Bad Request',
        message: 'Unknown error (HTTP 400 Bad Request)',
        responseBody: '{"error":{"code":"Requ',
      },
    },
    {
      name: '400 JSON of an unexpected shape',
      answer: { status: 400, statusText: 'Bad Request', json: { message: 'nope', errors: [1] } },
      want: {
        class: RequestError,
        statusCode: 400,
        errorCode: 'Bad Request',
        message: 'Unknown error (HTTP 400 Bad Request)',
        responseBody: { message: 'nope', errors: [1] },
      },
    },
    {
      name: '429 ErrorResponse with Retry-After seconds',
      answer: {
        status: 429,
        json: { error: { code: 'TooManyRequests', message: 'slow down' } },
        headers: { 'retry-after': '7' },
      },
      want: {
        class: TooManyRequestsError,
        statusCode: 429,
        errorCode: 'TooManyRequests',
        message: 'slow down',
        responseBody: { error: { code: 'TooManyRequests', message: 'slow down' } },
      },
    },
    {
      name: '429 plain body on the visitors endpoint',
      answer: { status: 429, json: { error: 'too many' }, headers: { 'retry-after': '3' } },
      call: (c) => c.getVisits('v1'),
      want: {
        class: TooManyRequestsError,
        statusCode: 429,
        errorCode: 'TooManyRequests',
        message: 'too many',
        responseBody: { error: { code: 'TooManyRequests', message: 'too many' } },
      },
    },
  ]
  test.each(cases)('$name', async ({ answer, call, want }) => {
    const { client } = makeClient([answer], { retries: false })
    const error = (await (call ?? getEvent)(client).catch((e: unknown) => e)) as RequestError
    expect(error).toBeInstanceOf(want.class)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toBeInstanceOf(SdkError)
    expect(error).toMatchObject({
      statusCode: want.statusCode,
      errorCode: want.errorCode,
      message: want.message,
      responseBody: want.responseBody,
    })
    expect(error.response.status).toBe(want.statusCode)
    expect(Object.keys(error)).not.toContain('response')
  })

  test('TooManyRequestsError.retryAfter is in seconds, 0 without the header', async () => {
    const withHeader = makeClient(
      [
        {
          status: 429,
          json: { error: { code: 'TooManyRequests', message: 'x' } },
          headers: { 'retry-after': '12' },
        },
      ],
      { retries: false },
    )
    const e1 = (await withHeader.client
      .getEvent('r')
      .catch((e: unknown) => e)) as TooManyRequestsError
    expect(e1.retryAfter).toBe(12)
    const without = makeClient(
      [{ status: 429, json: { error: { code: 'TooManyRequests', message: 'x' } } }],
      { retries: false },
    )
    const e2 = (await without.client.getEvent('r').catch((e: unknown) => e)) as TooManyRequestsError
    expect(e2.retryAfter).toBe(0)
  })

  test('a 200 that is not JSON gives an SdkError, not a SyntaxError', async () => {
    const { client } = makeClient([{ status: 200, text: '<html>captive portal</html>' }])
    const error = await client.getEvent('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toMatch(/^Failed to parse JSON response/)
    expect((error as Error).cause).toBeInstanceOf(SyntaxError)
  })

  test('a network failure becomes a NetworkError with the cause kept', async () => {
    const { client } = makeClient([new TypeError('fetch failed')], { retries: false })
    const error = await client.getEvent('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).cause).toBeInstanceOf(TypeError)
  })

  test('the error carries the redacted request', async () => {
    const { client } = makeClient(
      [{ status: 404, json: { error: { code: 'RequestNotFound', message: 'm' } } }],
      {
        authenticationMode: 'QueryParameter',
        retries: false,
      },
    )
    const error = (await client.getEvent('r1').catch((e: unknown) => e)) as RequestError
    expect(error.request).toEqual({
      method: 'GET',
      url: 'https://api.fpjs.io/events/r1?api_key=[REDACTED]',
    })
  })
})

describe('secrets never leak', () => {
  const modes = [AuthenticationMode.AuthHeader, AuthenticationMode.QueryParameter]
  test.each(modes)('%s: not in the client, errors, JSON or inspect output', async (mode) => {
    const { client } = makeClient(
      [
        {
          status: 403,
          statusText: 'Forbidden',
          json: { error: { code: 'TokenNotFound', message: 'bad key' } },
        },
      ],
      { authenticationMode: mode, retries: false },
    )
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(API_KEY)
    expect(JSON.stringify(client)).not.toContain(API_KEY)
    expect(Object.values(client).map(String).join()).not.toContain(API_KEY)
    const error = (await client.getEvent('r1').catch((e: unknown) => e)) as RequestError
    expect(error.message).not.toContain(API_KEY)
    expect(String(error.stack)).not.toContain(API_KEY)
    expect(JSON.stringify(error)).not.toContain(API_KEY)
    expect(inspect(error, { depth: 10 })).not.toContain(API_KEY)
    for (const key of Object.keys(error)) {
      expect(
        JSON.stringify((error as unknown as Record<string, unknown>)[key]) ?? '',
      ).not.toContain(API_KEY)
    }
  })

  test('QueryParameter: network errors and retry events show the URL redacted', async () => {
    const events: string[] = []
    const { client } = makeClient([new TypeError(`connect ECONNREFUSED`)], {
      authenticationMode: 'QueryParameter',
      retries: { max: 1, baseDelayMs: 0, maxDelayMs: 0 },
      onRetry: (e) => events.push(e.url),
    })
    const error = await client.getEvent('r1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(events).toEqual(['https://api.fpjs.io/events/r1?api_key=[REDACTED]'])
    expect(inspect(error, { depth: 10 })).not.toContain(API_KEY)
  })
})

describe('retries, timeouts, cancellation', () => {
  const e503: FakeAnswer = { status: 503, text: 'busy' }
  const e409: FakeAnswer = {
    status: 409,
    json: { error: { code: 'StateNotReady', message: 'not ready' } },
  }
  const retryPolicy = { max: 2, baseDelayMs: 10, maxDelayMs: 100 }

  type Case = {
    name: string
    answers: FakeAnswer[]
    call: (c: FingerprintJsServerApiClient) => Promise<unknown>
    calls: number
    fails: boolean
  }
  const cases: Case[] = [
    {
      name: 'GET 503 then 200: retried',
      answers: [e503, ok(makeEvent('v', 0))],
      call: (c) => c.getEvent('r'),
      calls: 2,
      fails: false,
    },
    {
      name: 'GET 503 forever: gives up after max retries',
      answers: [e503],
      call: (c) => c.getEvent('r'),
      calls: 3,
      fails: true,
    },
    {
      name: 'DELETE 502 then 200: retried',
      answers: [
        { status: 502, text: '' },
        { status: 200, text: '' },
      ],
      call: (c) => c.deleteVisitorData('v'),
      calls: 2,
      fails: false,
    },
    {
      name: 'PUT 503: never retried',
      answers: [e503, { status: 200, text: '' }],
      call: (c) => c.updateEvent({ suspect: true }, 'r'),
      calls: 1,
      fails: true,
    },
    {
      name: 'PUT 500: never retried',
      answers: [
        { status: 500, text: '' },
        { status: 200, text: '' },
      ],
      call: (c) => c.updateEvent({ suspect: true }, 'r'),
      calls: 1,
      fails: true,
    },
    {
      name: 'PUT 409 StateNotReady then 200: retried',
      answers: [e409, { status: 200, text: '' }],
      call: (c) => c.updateEvent({ suspect: true }, 'r'),
      calls: 2,
      fails: false,
    },
    {
      name: 'PUT 429 then 200: retried',
      answers: [
        { status: 429, json: { error: { code: 'TooManyRequests', message: 'x' } } },
        { status: 200, text: '' },
      ],
      call: (c) => c.updateEvent({ tag: {} }, 'r'),
      calls: 2,
      fails: false,
    },
    {
      name: 'GET 409: not retried',
      answers: [e409, ok({})],
      call: (c) => c.getEvent('r'),
      calls: 1,
      fails: true,
    },
    {
      name: 'GET 404: not retried',
      answers: [
        { status: 404, json: { error: { code: 'RequestNotFound', message: 'x' } } },
        ok({}),
      ],
      call: (c) => c.getEvent('r'),
      calls: 1,
      fails: true,
    },
    {
      name: 'per-call retries: false',
      answers: [e503, ok({})],
      call: (c) => c.getEvent('r', { retries: false }),
      calls: 1,
      fails: true,
    },
    {
      name: 'per-call retries: { max: 4 }',
      answers: [e503, e503, e503, e503, ok({ products: {} })],
      call: (c) => c.getEvent('r', { retries: { max: 4 } }),
      calls: 5,
      fails: false,
    },
  ]
  test.each(cases)('$name', async ({ answers, call, calls: wantCalls, fails }) => {
    const { client, calls } = makeClient(answers, { retries: retryPolicy })
    const outcome = await call(client).then(
      () => 'ok',
      (e: unknown) => e,
    )
    expect(calls).toHaveLength(wantCalls)
    if (fails) expect(outcome).toBeInstanceOf(RequestError)
    else expect(outcome).toBe('ok')
  })

  test('Retry-After (seconds) sets the wait, capped at maxDelayMs', async () => {
    const rl = (s: string): FakeAnswer => ({
      status: 429,
      json: { error: { code: 'TooManyRequests', message: 'x' } },
      headers: { 'retry-after': s },
    })
    const { client, sleeps } = makeClient([rl('2'), rl('60'), ok({ products: {} })], {
      retries: { max: 3, baseDelayMs: 10, maxDelayMs: 5_000 },
    })
    await client.getEvent('r')
    expect(sleeps).toEqual([2_000, 5_000])
  })

  test('429 after the last retry: TooManyRequestsError with retryAfter in seconds', async () => {
    const { client, calls } = makeClient(
      [{ status: 429, json: { error: 'slow' }, headers: { 'retry-after': '1' } }],
      { retries: { max: 1 } },
    )
    const error = (await client.getVisits('v').catch((e: unknown) => e)) as TooManyRequestsError
    expect(calls).toHaveLength(2)
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error.retryAfter).toBe(1)
  })

  test('network errors are retried for GET, not for PUT', async () => {
    const get = makeClient([new TypeError('fetch failed'), ok({ products: {} })], {
      retries: retryPolicy,
    })
    await expect(get.client.getEvent('r')).resolves.toEqual({ products: {} })
    expect(get.calls).toHaveLength(2)
    const put = makeClient([new TypeError('fetch failed'), { status: 200, text: '' }], {
      retries: retryPolicy,
    })
    await expect(put.client.updateEvent({ suspect: true }, 'r')).rejects.toBeInstanceOf(
      NetworkError,
    )
    expect(put.calls).toHaveLength(1)
  })

  test('an aborted signal rejects with its reason, before or during the call', async () => {
    const before = makeClient([ok({})])
    const reason = new Error('user cancelled')
    await expect(before.client.getEvent('r', { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    )

    const controller = new AbortController()
    const during = makeClient([
      (call) =>
        new Promise((_, reject) => {
          call.signal?.addEventListener('abort', () => reject(call.signal?.reason))
          setTimeout(() => controller.abort(reason), 1)
        }),
    ])
    await expect(during.client.getEvent('r', { signal: controller.signal })).rejects.toBe(reason)
    expect(during.calls).toHaveLength(1)
  })

  test('abort cancels a pending retry wait', async () => {
    const controller = new AbortController()
    const fake = createFakeFetch({ status: 503, text: '' })
    const client = new FingerprintJsServerApiClient({
      apiKey: API_KEY,
      fetch: fake.fetch,
      retries: { max: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      onRetry: () => setTimeout(() => controller.abort(new Error('stop')), 1),
    })
    await expect(client.getEvent('r', { signal: controller.signal })).rejects.toThrow('stop')
    expect(fake.calls).toHaveLength(1)
  })

  test('timeoutMs aborts a slow attempt with RequestTimeoutError', async () => {
    const hang = (call: { signal: AbortSignal | undefined }) =>
      new Promise<never>((_, reject) => {
        call.signal?.addEventListener('abort', () => reject(call.signal?.reason))
      })
    const { client, calls } = makeClient([hang], { timeoutMs: 5, retries: false })
    const error = await client.getEvent('r').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(calls).toHaveLength(1)
    const perCall = makeClient([hang], { retries: false })
    await expect(perCall.client.getEvent('r', { timeoutMs: 5 })).rejects.toBeInstanceOf(
      RequestTimeoutError,
    )
  })
})

describe('raw client', () => {
  test('client.raw reaches any path with the same auth and returns { data, error }', async () => {
    const { client, calls } = makeClient(
      [
        ok(makeEvent('v', 0)),
        { status: 404, json: { error: { code: 'RequestNotFound', message: 'm' } } },
      ],
      {
        authenticationMode: 'QueryParameter',
        retries: false,
      },
    )
    const found = await client.raw.GET('/events/{request_id}', {
      params: { path: { request_id: 'a/b' } },
    })
    expect(found.data).toEqual(makeEvent('v', 0))
    const missing = await client.raw.GET('/events/{request_id}', {
      params: { path: { request_id: 'x' } },
    })
    expect(missing.error).toEqual({ error: { code: 'RequestNotFound', message: 'm' } })
    expect(calls[0]!.url).toBe(`https://api.fpjs.io/events/a%2Fb?api_key=${API_KEY}`)
    expect(client.raw).toBe(client.raw)
  })
})
