/// <reference types="node" />
/**
 * Differential test: the same call, written for the official
 * `@fingerprintjs/fingerprintjs-pro-server-api` v6, runs through the official SDK and through ours
 * against one local server, and everything a program can observe is compared: the request on the
 * wire, and the resolved value or the rejection's class and fields. Where ours differs on purpose,
 * the test says so explicitly (`expected difference`) with the reason, so a new, unplanned
 * difference always fails.
 */
import { randomBytes } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import * as official from '@fingerprintjs/fingerprintjs-pro-server-api'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startServer, type Received } from '../../../scripts/test/helpers/http-server'
import * as oursModule from '@fpapi/server-api-v3'
import {
  AWKWARD_IDS,
  CODE_FOR_STATUS,
  ERROR_BODIES,
  REFUSED_IDS,
  SEARCH_FILTERS,
  VISITS_FILTERS,
  random,
  randomFilter,
  type ErrorBody,
} from './differential-cases'
import {
  brokenSealedData,
  openingKeyLists,
  randomHeader,
  readBack,
  seal,
  sendReply,
  signWebhook,
  webhookHeaderCases,
  type Reply,
} from '../../../scripts/test/helpers/differential-inputs'

type Sdk = typeof official
type Client = InstanceType<Sdk['FingerprintJsServerApiClient']>
type ClientOptions = ConstructorParameters<Sdk['FingerprintJsServerApiClient']>[0]
/** Ours, seen through the official SDK's types: the programs below are official-SDK programs. */
const ours = oursModule as unknown as Sdk

const API_KEY = 'differential-test-key-0123'

// ---------------------------------------------------------------------------------------------
// The local server: answers whatever the current case asks for and records every request.

let server: Awaited<ReturnType<typeof startServer>>
let reply: Reply = { status: 200, body: '{}' }
let oursAttempts = 0

beforeAll(async () => {
  server = await startServer((r, res) => {
    const fromOurs = String(r.headers['user-agent']).startsWith('fpapi-server-api-v3/')
    const redirect = /^\/(?:events|visitors)\/redirect-(\d{3})(?:\?|$)/.exec(r.target)
    if (redirect) {
      res.writeHead(Number(redirect[1]), { location: '/events/landed', 'content-length': '0' })
      return res.end()
    }
    // `fastRetries`: ours retries 429, 5xx on GET/DELETE and 409 on updateEvent twice.
    sendReply(res, reply, fromOurs && reply.fastRetries === true && ++oursAttempts < 3)
  })
})
afterAll(() => server.close())

// ---------------------------------------------------------------------------------------------
// Running one call through one SDK, and what a program can observe of it.

const OFFICIAL_ORIGIN = /^https:\/\/(?:eu\.|ap\.)?api\.fpjs\.io(?=\/)/

/** The request as the server saw it, minus what is the SDK's own business (User-Agent, `ii`). */
function onTheWire(r: Received) {
  const at = r.target.indexOf('?')
  const path = at < 0 ? r.target : r.target.slice(0, at)
  const rawQuery = (at < 0 ? '' : r.target.slice(at + 1))
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('ii='))
    .join('&')
  return {
    method: r.method,
    path,
    /** The query as a server reads it (decoded entries, in order). */
    query: [...new URLSearchParams(rawQuery)],
    rawQuery,
    body: r.body,
    apiKeyHeader: r.headers['auth-api-key'],
    accept: r.headers.accept,
    contentType: r.headers['content-type'],
  }
}
type Wire = ReturnType<typeof onTheWire>

function describeError(e: unknown, sdk: Sdk) {
  const is = (value: unknown, C: unknown) =>
    typeof C === 'function' && value instanceof (C as new () => unknown)
  const error = e as Record<string, unknown> | null
  return {
    name: error?.name,
    message: error?.message,
    classes: {
      Error: is(e, Error),
      TypeError: is(e, TypeError),
      SyntaxError: is(e, SyntaxError),
      SdkError: is(e, sdk.SdkError),
      RequestError: is(e, sdk.RequestError),
      TooManyRequestsError: is(e, sdk.TooManyRequestsError),
      UnsealError: is(e, sdk.UnsealError),
      UnsealAggregateError: is(e, sdk.UnsealAggregateError),
    },
    statusCode: error?.statusCode,
    errorCode: error?.errorCode,
    responseBody: error?.responseBody,
    retryAfter: error?.retryAfter,
    responseStatus: (error?.response as Response | undefined)?.status,
    cause: (error?.cause as Error | undefined)?.constructor.name,
    perKey: Array.isArray(error?.errors)
      ? (error.errors as unknown[]).map((x) => is(x, sdk.UnsealError))
      : undefined,
  }
}
type ErrorView = ReturnType<typeof describeError> & { responseText?: string }

type Outcome = { resolved: unknown } | { rejected: ErrorView }

interface Run {
  outcome: Outcome
  requests: Wire[]
  /** The official origins the client asked for, before the rewrite to the local server. */
  origins: string[]
}

/**
 * Builds a client the way an official-SDK program does (apiKey, region, authenticationMode,
 * fetch), with a fetch that sends the official origins to the local server, and runs `call`.
 */
async function run(
  sdk: Sdk,
  call: (client: Client) => Promise<unknown>,
  options: Partial<ClientOptions> = {},
): Promise<Run> {
  const start = server.received.length
  const origins: string[] = []
  oursAttempts = 0
  const local = ((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input)
    origins.push(OFFICIAL_ORIGIN.exec(url)?.[0] ?? url)
    return fetch(url.replace(OFFICIAL_ORIGIN, server.origin), init)
  }) as typeof fetch
  let outcome: Outcome
  try {
    const client = new sdk.FingerprintJsServerApiClient({
      apiKey: API_KEY,
      fetch: local,
      ...options,
    })
    outcome = { resolved: await call(client) }
  } catch (e) {
    outcome = { rejected: { ...describeError(e, sdk), responseText: await readBack(e) } }
  }
  return { outcome, requests: server.received.slice(start).map(onTheWire), origins }
}

/** Runs the same call through both SDKs, official first. */
async function both(
  call: (client: Client) => Promise<unknown>,
  options: Partial<ClientOptions> = {},
) {
  const o = await run(official, call, options)
  const u = await run(ours, call, options)
  return { official: o, ours: u }
}

/**
 * The parts of a request both SDKs must agree on. Ours' encoding, Accept and Content-Type are
 * checked apart, and the official `key[]` spelling of array filters is read as `key`: expected
 * difference, ours follows the spec's `style: form, explode: true` (`environment=a&environment=b`)
 * where the official SDK appends `[]` (see the README).
 */
function comparable({ rawQuery: _q, contentType: _c, accept: _a, ...rest }: Wire) {
  return rest
}
function officialComparable(wire: Wire) {
  const rest = comparable(wire)
  return {
    ...rest,
    query: rest.query.map(([k, v]) => [k.endsWith('[]') ? k.slice(0, -2) : k, v]),
  }
}

/**
 * Ours percent-encodes the query with encodeURIComponent (RFC 3986: space as %20), the official SDK
 * with URLSearchParams (form encoding: space as +, and `!'()~` escaped). Servers decode both to the
 * same values (compared above); this pins down ours' exact bytes.
 */
function expectOurQueryEncoding(wire: Wire) {
  const encoded = wire.query
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  // fetch's URL parser then escapes `'` in the query of http(s) URLs.
  expect(wire.rawQuery).toBe(encoded.replaceAll("'", '%27'))
}

/**
 * Expected differences in the headers: ours asks for JSON (`Accept: application/json`), the
 * official SDK sends no Accept; ours sends its JSON body as application/json, the official SDK's
 * string body goes as text/plain.
 */
function expectContentHeaders(o: Wire, u: Wire) {
  expect(o.accept).toBe('*/*')
  expect(u.accept).toBe('application/json')
  if (o.body === '') {
    expect(u.contentType).toBeUndefined()
  } else {
    expect(o.contentType).toBe('text/plain;charset=UTF-8')
    expect(u.contentType).toBe('application/json')
  }
}

/** Both SDKs made the same single request and reached the same outcome. */
function expectSameRequestAndOutcome(result: Awaited<ReturnType<typeof both>>) {
  expect(result.official.requests).toHaveLength(1)
  expect(result.ours.requests).toHaveLength(1)
  const [o, u] = [result.official.requests[0]!, result.ours.requests[0]!]
  expect(comparable(u)).toEqual(officialComparable(o))
  expectOurQueryEncoding(u)
  expectContentHeaders(o, u)
  expect(result.ours.origins).toEqual(result.official.origins)
  expect(result.ours.outcome).toEqual(result.official.outcome)
}

function rejected(outcome: Outcome): ErrorView {
  if (!('rejected' in outcome))
    throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`)
  return outcome.rejected
}

// ---------------------------------------------------------------------------------------------

function sampleEvent(id: string) {
  return {
    products: {
      identification: {
        data: {
          requestId: id,
          visitorId: 'Ibk1527CUFmcnjLwIs4A',
          confidence: { score: 0.97, revision: 'v1.1', futureDetail: 'x' },
        },
      },
      botd: { data: { bot: { result: 'a_bot_kind_from_the_future' } } },
      someFutureProduct: { data: { nested: [1, 2, 3] } },
    },
    tags: { nested: { list: [1, 'two', null, { deep: true }] } },
    unicodeField: 'Zürich 日本 😀',
    bigNumber: 12345678901234567890,
  }
}
const eventReply = (id = 'ev-1'): Reply => ({ status: 200, body: JSON.stringify(sampleEvent(id)) })
const searchReply: Reply = {
  status: 200,
  body: JSON.stringify({
    events: [sampleEvent('s1'), sampleEvent('s2')],
    paginationKey: 'next &=?#+ page',
    futurePageField: true,
  }),
}
const visitsReply: Reply = {
  status: 200,
  body: JSON.stringify({
    visitorId: 'v-1',
    visits: [{ requestId: 'r1', futureVisitField: 1 }],
    paginationKey: 'r1',
    lastTimestamp: 1708102555327,
  }),
}
const relatedReply: Reply = {
  status: 200,
  body: JSON.stringify({ relatedVisitors: [{ visitorId: 'v-2', future: true }] }),
}
const emptyReply = (): Reply => ({ status: 200, body: '' })

// ---------------------------------------------------------------------------------------------
// Filters.

describe('searchEvents: every filter of the spec gives the same query', () => {
  const handWritten: [string, Record<string, unknown>][] = [
    ['limit only', { limit: 10 }],
    ['limit above the API maximum (the server decides)', { limit: 1000 }],
    ['pagination_key with reserved characters', { limit: 1, pagination_key: 'a b&c=d#e+f?g%h/ü' }],
    ['empty environment', { limit: 1, environment: [] }],
    ['environment of null and undefined only', { limit: 1, environment: [null, undefined] }],
    ['environment with null items', { limit: 1, environment: ['a', null, 'b'] }],
    ['null values are left out', { limit: 1, bot: null, pagination_key: null, start: null }],
    ['a null environment is left out', { limit: 1, environment: null }],
    ['undefined values are left out', { limit: 1, vpn: undefined, linked_id: undefined }],
    ['false booleans are sent', { limit: 1, suspect: false, vpn: false, reverse: false }],
    ['zero numbers are sent', { limit: 1, min_suspect_score: 0, start: 0, end: 0 }],
    ['empty strings are sent', { limit: 1, visitor_id: '', linked_id: '' }],
    ['unknown enum value', { limit: 1, bot: 'some_future_value', sdk_platform: 'web3' }],
    ['unknown filter passes through', { limit: 1, some_future_filter: 'x y' }],
    ['repeated environment values', { limit: 1, environment: ['a', 'a', 'b b', 'ü&='] }],
    ['exponent numbers', { limit: 1, min_suspect_score: 1e21 }],
    ['a filter name with reserved characters', { limit: 1, 'we ird&key=': 'v', ü: 'ü' }],
    ['proximity_precision_radius', { limit: 1, proximity_precision_radius: 450 }],
    ['ii and api_key as filter names', { limit: 1, api_key: 'x' }],
  ]
  const r = random(0x5eed_2033)
  const generated = Array.from(
    { length: 80 },
    (_, i) =>
      [`generated #${i}`, randomFilter(r, SEARCH_FILTERS, ['limit'])] as [
        string,
        Record<string, unknown>,
      ],
  )
  test.each([...handWritten, ...generated])('%s', async (_, filter) => {
    reply = searchReply
    const result = await both((c) => c.searchEvents(filter as never))
    expectSameRequestAndOutcome(result)
    expect(result.ours.outcome).toEqual({ resolved: JSON.parse(searchReply.body!) })
  })

  test('expected difference: an array filter is spelled `environment=` by ours, `environment[]=` by the official SDK', async () => {
    reply = searchReply
    const result = await both((c) => c.searchEvents({ limit: 2, environment: ['e 1', 'e2'] }))
    expect(result.official.requests[0]!.rawQuery).toBe(
      'limit=2&environment%5B%5D=e+1&environment%5B%5D=e2',
    )
    expect(result.ours.requests[0]!.rawQuery).toBe('limit=2&environment=e%201&environment=e2')
  })

  // Expected difference: ours refuses, with a TypeError naming the filter and before any request,
  // values the official SDK would send as `limit=0`, `NaN`, `[object Object]`, or without the
  // `limit` the spec requires (the API answers 400 to those).
  test.each([
    ['no filter', undefined, 'filter'],
    ['null filter', null, 'filter'],
    ['empty filter', {}, 'filter.limit'],
    ['limit 0', { limit: 0 }, 'filter.limit'],
    ['negative limit', { limit: -1 }, 'filter.limit'],
    ['fractional limit', { limit: 1.5 }, 'filter.limit'],
    ['NaN limit', { limit: Number.NaN }, 'filter.limit'],
    ['limit as a string', { limit: '10' }, 'filter.limit'],
    ['start as a string', { limit: 1, start: '2024-02-16' }, 'filter.start'],
    ['object value', { limit: 1, visitor_id: { id: 'x' } }, 'filter.visitor_id'],
    ['environment a string', { limit: 1, environment: 'prod' }, 'filter.environment'],
    ['nested array', { limit: 1, environment: [['a']] }, 'filter.environment'],
    ['infinite number', { limit: 1, min_suspect_score: Infinity }, 'filter.min_suspect_score'],
    ['a Date', { limit: 1, end: new Date(1708102555327) }, 'filter.end'],
  ])('expected difference: %s is a TypeError in ours', async (_, filter, name) => {
    reply = searchReply
    const result = await both((c) => c.searchEvents(filter as never))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toContain(name)
  })
})

describe('getVisits / getVisitorHistory: every filter of the spec gives the same query', () => {
  const handWritten: [string, Record<string, unknown> | null | undefined][] = [
    ['no filter', undefined],
    ['null filter', null],
    ['empty filter', {}],
    ['limit 0 (the spec allows it)', { limit: 0 }],
    ['before 0', { before: 0 }],
    ['every filter', { request_id: 'r 1', linked_id: 'l&=', limit: 5, paginationKey: 'p#1' }],
    ['null values are left out', { request_id: null, linked_id: null, paginationKey: null }],
    ['null numbers are left out', { limit: null, before: null }],
    ['unknown filter passes through', { some_future_filter: true }],
  ]
  const r = random(0x715175)
  const generated = Array.from(
    { length: 30 },
    (_, i) =>
      [`generated #${i}`, randomFilter(r, VISITS_FILTERS)] as [string, Record<string, unknown>],
  )
  const cases = [...handWritten, ...generated].flatMap(([label, filter]) => [
    ['getVisits', label, filter] as const,
    ['getVisitorHistory', label, filter] as const,
  ])
  test.each(cases)('%s, %s', async (method, _, filter) => {
    reply = visitsReply
    const result = await both((c) => c[method]('visitor 1/ü', filter as never))
    expectSameRequestAndOutcome(result)
    expect(result.ours.requests[0]!.path).toBe('/visitors/visitor%201%2F%C3%BC')
  })

  // Expected difference: a TypeError in ours before any request for values of the wrong type.
  test.each([
    ['limit as a string', { limit: '5' }, 'filter.limit'],
    ['negative limit', { limit: -1 }, 'filter.limit'],
    ['before as a string', { before: '2024' }, 'filter.before'],
    ['request_id a number', { request_id: 5 }, 'filter.request_id'],
    ['a string filter', 'limit=5', 'filter'],
  ])('expected difference: %s is a TypeError in ours', async (_, filter, name) => {
    reply = visitsReply
    const result = await both((c) => c.getVisits('v-1', filter as never))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toContain(name)
  })
})

describe('getRelatedVisitors', () => {
  test.each([
    ['a visitor id', { visitor_id: 'v-1' }],
    ['reserved characters', { visitor_id: 'v 1&x=y#z+ü' }],
    ['an unknown filter passes through', { visitor_id: 'v', future: 1 }],
  ])('%s', async (_, filter) => {
    reply = relatedReply
    expectSameRequestAndOutcome(await both((c) => c.getRelatedVisitors(filter as never)))
  })

  // Expected difference: `visitor_id` is required by the spec; ours refuses a missing or blank
  // one with a TypeError before any request, the official SDK sends the request without it.
  test.each([
    ['no filter', undefined],
    ['null filter', null],
    ['no visitor_id', {}],
    ['visitor_id null', { visitor_id: null }],
    ['visitor_id blank', { visitor_id: ' ' }],
  ])('expected difference: %s is a TypeError in ours', async (_, filter) => {
    reply = relatedReply
    const result = await both((c) => c.getRelatedVisitors(filter as never))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { TypeError: true },
      message: expect.stringMatching(/^filter/),
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Ids, bodies, regions, authentication.

describe('ids with awkward characters', () => {
  const operations = [
    {
      name: 'getEvent',
      reply: eventReply,
      call: (id: string) => (c: Client) => c.getEvent(id),
      path: (id: string) => `/events/${encodeURIComponent(id)}`,
    },
    {
      name: 'updateEvent',
      reply: emptyReply,
      call: (id: string) => (c: Client) => c.updateEvent({ linkedId: 'order ü &=' }, id),
      path: (id: string) => `/events/${encodeURIComponent(id)}`,
    },
    {
      name: 'deleteVisitorData',
      reply: emptyReply,
      call: (id: string) => (c: Client) => c.deleteVisitorData(id),
      path: (id: string) => `/visitors/${encodeURIComponent(id)}`,
    },
    {
      name: 'getVisits',
      reply: () => visitsReply,
      call: (id: string) => (c: Client) => c.getVisits(id),
      path: (id: string) => `/visitors/${encodeURIComponent(id)}`,
    },
  ]
  const cases = operations.flatMap((op) => AWKWARD_IDS.map((id) => [op.name, id, op] as const))
  test.each(cases)('%s(%j)', async (_, id, op) => {
    reply = op.reply(id)
    const result = await both(op.call(id))
    expectSameRequestAndOutcome(result)
    // Ours puts every id in exactly one percent-encoded path segment: nothing normalizes it away.
    expect(result.ours.requests[0]!.path).toBe(op.path(id))
  })

  const refused = operations.flatMap((op) => REFUSED_IDS.map((id) => [op.name, id, op] as const))
  test.each(refused)('%s(%j) is a TypeError in both, before any request', async (_, id, op) => {
    reply = op.reply(String(id))
    const result = await both(op.call(id as string))
    expect(result.official.requests).toHaveLength(0)
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.official.outcome).classes.TypeError).toBe(true)
    expect(rejected(result.ours.outcome).classes.TypeError).toBe(true)
  })

  // Expected difference: ids that are blank or not strings are refused by ours with a TypeError
  // naming the argument; the official SDK sends them (`%20`, `42`).
  const untyped: [string, unknown][] = [
    ['blank', ' '],
    ['blank tab', '\t'],
    ['number', 42],
    ['boolean', true],
  ]
  const untypedCases = operations.flatMap((op) =>
    untyped.map(([label, id]) => [op.name, label, id, op] as const),
  )
  test.each(untypedCases)('expected difference: %s with a %s id', async (_, __, id, op) => {
    reply = op.reply(String(id))
    const result = await both(op.call(id as string))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toMatch(/^(requestId|visitorId) must be a non-empty string/)
  })
})

describe('updateEvent bodies', () => {
  test.each([
    ['linkedId', { linkedId: 'order 9 &=?#' }],
    ['suspect false', { suspect: false }],
    ['tag, nested', { tag: { reviewed: true, score: 0.5, list: ['a', { b: null }] } }],
    ['everything', { linkedId: 'ü', suspect: true, tag: {} }],
    ['empty body', {}],
    ['undefined fields are left out', { linkedId: undefined, suspect: true, tag: undefined }],
    ['an unknown field passes through', { linkedId: 'x', future_field: [1, 2] }],
    ['v4 spellings pass through', { linked_id: 'x', tags: { a: 1 } }],
  ])('%s', async (_, body) => {
    reply = emptyReply()
    expectSameRequestAndOutcome(await both((c) => c.updateEvent(body as never, 'ev-1')))
  })

  test.each([
    ['null', null],
    ['undefined', undefined],
  ])('a %s body is a TypeError in both, before any request', async (_, body) => {
    const result = await both((c) => c.updateEvent(body as never, 'ev-1'))
    expect(result.official.requests).toHaveLength(0)
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.official.outcome).classes.TypeError).toBe(true)
    expect(rejected(result.ours.outcome).classes.TypeError).toBe(true)
  })

  // Expected difference: ours checks the fields the spec types and refuses the rest with a
  // TypeError before any request; the official SDK sends whatever JSON.stringify makes of it.
  test.each([
    ['a string', 'linked'],
    ['an array', [{ linkedId: 'x' }]],
    ['linkedId a number', { linkedId: 5 }],
    ['suspect a string', { suspect: 'yes' }],
    ['tag a string', { tag: 'x' }],
  ])('expected difference: a body that is %s is a TypeError in ours', async (_, body) => {
    reply = emptyReply()
    const result = await both((c) => c.updateEvent(body as never, 'ev-1'))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toMatch(/^body/)
  })
})

describe('regions and authentication modes', () => {
  test.each([
    [undefined, 'https://api.fpjs.io'],
    [official.Region.Global, 'https://api.fpjs.io'],
    [official.Region.EU, 'https://eu.api.fpjs.io'],
    [official.Region.AP, 'https://ap.api.fpjs.io'],
    ['EU', 'https://eu.api.fpjs.io'],
  ])('region %s goes to %s', async (region, want) => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), { region: region as never })
    expectSameRequestAndOutcome(result)
    expect(result.ours.origins).toEqual([want])
  })

  const calls: [string, (c: Client) => Promise<unknown>, Reply][] = [
    ['getEvent', (c) => c.getEvent('ev-1'), eventReply()],
    ['updateEvent', (c) => c.updateEvent({ suspect: true }, 'ev-1'), emptyReply()],
    ['searchEvents', (c) => c.searchEvents({ limit: 3, linked_id: 'l' }), searchReply],
    ['getVisits', (c) => c.getVisits('v-1', { limit: 2 }), visitsReply],
    ['deleteVisitorData', (c) => c.deleteVisitorData('v-1'), emptyReply()],
    ['getRelatedVisitors', (c) => c.getRelatedVisitors({ visitor_id: 'v-1' }), relatedReply],
  ]
  const modes = [
    [undefined, 'header'],
    [official.AuthenticationMode.AuthHeader, 'header'],
    [official.AuthenticationMode.QueryParameter, 'query'],
    ['QueryParameter', 'query'],
  ] as const
  test.each(
    calls.flatMap(([name, call, answer]) =>
      modes.map(([mode, where]) => [name, mode, where, call, answer] as const),
    ),
  )('%s, authenticationMode %s: the key goes in the %s', async (_, mode, where, call, answer) => {
    reply = answer
    const result = await both(call, { authenticationMode: mode as never })
    expectSameRequestAndOutcome(result)
    const wire = result.ours.requests[0]!
    if (where === 'header') {
      expect(wire.apiKeyHeader).toBe(API_KEY)
      expect(wire.query.some(([k]) => k === 'api_key')).toBe(false)
    } else {
      expect(wire.apiKeyHeader).toBeUndefined()
      expect(wire.query.filter(([k]) => k === 'api_key')).toEqual([['api_key', API_KEY]])
    }
  })

  test('an apiKey with a trailing newline is sent trimmed in the header by both', async () => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), { apiKey: `${API_KEY}\r\n` })
    expectSameRequestAndOutcome(result)
    expect(result.ours.requests[0]!.apiKeyHeader).toBe(API_KEY)
  })

  // Expected difference: in the query, fetch trims nothing, so the official SDK sends the
  // newline (`api_key=key%0D%0A`, which the API refuses); ours trims the key itself.
  test('expected difference: an apiKey with a trailing newline, in the query', async () => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), {
      apiKey: `${API_KEY}\r\n`,
      authenticationMode: 'QueryParameter',
    })
    expect(result.official.requests[0]!.query).toContainEqual(['api_key', `${API_KEY}\r\n`])
    expect(result.ours.requests[0]!.query).toContainEqual(['api_key', API_KEY])
  })

  // Expected difference: ours checks its options when the client is made, with a TypeError naming
  // the option (a subclass of Error, which the official SDK throws for a missing key). The official
  // SDK accepts an unknown region and fails on the first call with Error('Unsupported region'),
  // and with an unknown authentication mode it sends no key at all.
  test.each([
    ['an empty apiKey', { apiKey: '' }, 'construct'],
    ['no apiKey', { apiKey: undefined }, 'construct'],
    ['an unknown region', { region: 'Mars' }, 'call'],
    ['a lower-case region', { region: 'eu' }, 'call'],
  ])('expected difference: %s', async (_, options, officialFailsAt) => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), options as never)
    const off = rejected(result.official.outcome)
    expect(off.classes.Error).toBe(true)
    expect(off.message).toBe(
      officialFailsAt === 'construct' ? 'Api key is not set' : 'Unsupported region',
    )
    expect(result.official.requests).toHaveLength(0)
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { Error: true, TypeError: true },
      message: expect.stringMatching(/^(apiKey|region) /),
    })
  })

  test('expected difference: an unknown authenticationMode', async () => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), { authenticationMode: 'Cookie' as never })
    const sent = result.official.requests[0]!
    expect(sent.apiKeyHeader).toBeUndefined()
    expect(sent.query).toEqual([])
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { TypeError: true },
      message: expect.stringMatching(/^authenticationMode /),
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Error answers.

type Method = 'GET' | 'PUT' | 'DELETE'
interface Operation {
  name: string
  method: Method
  /** The error statuses the spec lists for the operation. */
  statuses: number[]
  call: (c: Client) => Promise<unknown>
}
const OPERATIONS: Operation[] = [
  { name: 'getEvent', method: 'GET', statuses: [403, 404], call: (c) => c.getEvent('ev-1') },
  {
    name: 'updateEvent',
    method: 'PUT',
    statuses: [400, 403, 404, 409],
    call: (c) => c.updateEvent({ suspect: true }, 'ev-1'),
  },
  {
    name: 'searchEvents',
    method: 'GET',
    statuses: [400, 403],
    call: (c) => c.searchEvents({ limit: 5, visitor_id: 'v 1' }),
  },
  {
    name: 'getVisits',
    method: 'GET',
    statuses: [400, 403, 429],
    call: (c) => c.getVisits('visitor-1', { limit: 5 }),
  },
  {
    name: 'deleteVisitorData',
    method: 'DELETE',
    statuses: [400, 403, 404, 429],
    call: (c) => c.deleteVisitorData('visitor-1'),
  },
  {
    name: 'getRelatedVisitors',
    method: 'GET',
    statuses: [400, 403, 404, 429],
    call: (c) => c.getRelatedVisitors({ visitor_id: 'visitor-1' }),
  },
]

/** Which answers ours retries (by design): 429/408 always, 409 on PUT, 5xx on GET/DELETE. */
function oursRetries(method: Method, status: number): boolean {
  if (status === 429 || status === 408) return true
  if (status === 409) return method === 'PUT'
  return [500, 502, 503, 504].includes(status) && method !== 'PUT'
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What ours must throw, given the answer and what the official SDK threw for it. Every field is
 * the official SDK's unless one of these deliberate differences applies:
 * - `error.name` is the class name: `ServerApiError` (a subclass of RequestError) for an answer in
 *   one of the API's error shapes, where the official SDK's class and name are `RequestError`.
 * - `retryAfter` reads `Retry-After` as the HTTP spec says: delay-seconds or an HTTP-date, 0 when
 *   absent or unreadable (the official SDK's `parseInt` gives -1 for `-1`, 1 for `1.5`, 0 for a date).
 * - a body that is not JSON (a proxy's page, an empty or truncated body) gives a RequestError with
 *   the status, where the official SDK throws `SdkError('Failed to parse JSON response')` without
 *   one; for JSON of another shape, ours' RequestError names the status in its message and keeps the
 *   body in `responseBody` (the official SDK: 'Unknown error', `responseBody` undefined). With an
 *   empty reason phrase ours' errorCode is `HTTP <status>` instead of ''.
 * - the API's shape needs a string `code` and `message` (as the spec types them): `{"error":{"code":
 *   404,...}}` is not an API error for ours, the official SDK reads it as one with a numeric code.
 * - a 429 whose body is not in the API's shapes is still a TooManyRequestsError in ours, with the
 *   API's body shape, so rate-limit handling and `e.responseBody.error` work.
 */
function expectedError(
  off: ErrorView,
  status: number,
  statusText: string,
  text: string,
  retryAfter: number,
): ErrorView {
  let parsed: unknown
  let isJson = true
  try {
    parsed = JSON.parse(text)
  } catch {
    isJson = false
  }
  const error = isObject(parsed) ? parsed.error : undefined
  const apiShape =
    isObject(error) && typeof error.code === 'string' && typeof error.message === 'string'
  const plain = typeof error === 'string'
  const base = { ...off, retryAfter: status === 429 ? retryAfter : undefined }
  if (apiShape || (plain && status === 429)) {
    expect(off.classes.RequestError).toBe(true)
    return { ...base, name: status === 429 ? 'TooManyRequestsError' : 'ServerApiError' }
  }
  if (plain) {
    expect(off).toMatchObject({ name: 'RequestError', errorCode: statusText })
    return { ...base, name: 'ServerApiError', errorCode: statusText || `HTTP ${status}` }
  }
  if (isObject(error) && 'code' in error && 'message' in error) {
    // Only the official SDK reads this as the API's shape (any type of code and message).
    expect(off).toMatchObject({ errorCode: error.code, message: error.message })
  } else if (isJson) {
    expect(off).toMatchObject({ name: 'RequestError', message: 'Unknown error' })
  } else {
    expect(off).toMatchObject({
      name: 'SdkError',
      message: 'Failed to parse JSON response',
      cause: 'SyntaxError',
    })
  }
  const classes = { ...off.classes, RequestError: true, SdkError: true, Error: true }
  if (status === 429) {
    const body = { error: { code: 'TooManyRequests', message: 'Too many requests' } }
    return {
      ...base,
      name: 'TooManyRequestsError',
      message: 'Too many requests',
      classes: { ...classes, TooManyRequestsError: true },
      statusCode: 429,
      errorCode: 'TooManyRequests',
      responseBody: body,
      cause: undefined,
    }
  }
  return {
    ...base,
    name: 'RequestError',
    message: `Unknown error (HTTP ${status}${statusText ? ` ${statusText}` : ''})`,
    classes,
    statusCode: status,
    errorCode: statusText || `HTTP ${status}`,
    responseBody: text === '' ? undefined : isJson ? parsed : text,
    cause: undefined,
  }
}

async function errorCase(
  op: Operation,
  status: number,
  body: ErrorBody,
  extra: Partial<Reply> = {},
  retryAfter = 0,
) {
  const headers = { 'content-type': body.contentType, 'retry-after': '0', ...extra.headers }
  const text = body.text(status)
  reply = { status, body: text, ...extra, headers }
  const result = await both(op.call)
  const statusText = extra.statusText ?? STATUS_CODES[status] ?? ''
  const off = rejected(result.official.outcome)
  const mine = rejected(result.ours.outcome)
  expect(mine).toEqual(expectedError(off, status, statusText, text, retryAfter))
  // The official SDK sends once; ours retries some answers by design (same request each time).
  expect(result.official.requests).toHaveLength(1)
  expect(result.ours.requests).toHaveLength(oursRetries(op.method, status) ? 3 : 1)
  for (const request of result.ours.requests) {
    expect(comparable(request)).toEqual(officialComparable(result.official.requests[0]!))
  }
  return { official: off, ours: mine }
}

describe('error answers: every status the spec lists, with every kind of body', () => {
  const cases = OPERATIONS.flatMap((op) =>
    op.statuses.flatMap((status) =>
      ERROR_BODIES.map((body) => [op.name, status, body.name, op, body] as const),
    ),
  )
  test.each(cases)('%s, %i, %s', async (_, status, __, op, body) => {
    const { ours: mine } = await errorCase(op, status, body)
    // Sanity: the API's own shape always gives a RequestError with its code.
    if (body.name === 'API error shape') {
      expect(mine.classes.RequestError).toBe(true)
      expect(mine.errorCode).toBe(CODE_FOR_STATUS[status])
    }
  })
})

describe('error answers the spec does not list (proxies, gateways)', () => {
  const bodies = ERROR_BODIES.filter((b) =>
    ['API error shape', 'plain error shape (getVisits)', 'HTML page', 'empty'].includes(b.name),
  )
  const cases = OPERATIONS.flatMap((op) =>
    [401, 405, 408, 413, 422, 429, 500, 502, 503, 504, 599].flatMap((status) =>
      bodies.map((body) => [op.name, status, body.name, op, body] as const),
    ),
  )
  test.each(cases)('%s, %i, %s', async (_, status, __, op, body) => {
    await errorCase(op, status, body)
  })

  test.each(
    OPERATIONS.flatMap((op) => [
      [op.name, 'Custom Reason', op] as const,
      [op.name, '', op] as const,
    ]),
  )('%s, reason phrase %j', async (_, statusText, op) => {
    await errorCase(
      op,
      418,
      ERROR_BODIES.find((b) => b.name === 'message only')!,
      { statusText },
    )
    const plain = ERROR_BODIES.find((b) => b.name === 'plain error shape (getVisits)')!
    const { official: off } = await errorCase(op, 418, plain, { statusText })
    expect(off.errorCode).toBe(statusText)
  })

  test.each(OPERATIONS)('a chunked error body without Content-Length: $name', async (op) => {
    await errorCase(op, 404, ERROR_BODIES[0]!, { chunked: true })
    await errorCase(
      op,
      502,
      ERROR_BODIES.find((b) => b.name === 'HTML page')!,
      { chunked: true },
    )
  })
})

describe('429 and its Retry-After header', () => {
  const future = () => new Date(Date.now() + 120_000).toUTCString()
  // [label, header value, what ours reads, what the official SDK reads]
  const values: [string, () => string, number | [number, number], number][] = [
    ['0', () => '0', 0, 0],
    ['seconds', () => '7', 7, 7],
    ['seconds with spaces', () => ' 3 ', 3, 3],
    ['an HTTP-date two minutes ahead', future, [119, 120], 0],
    ['an HTTP-date in the past', () => 'Wed, 21 Oct 2015 07:28:00 GMT', 0, 0],
    ['garbage', () => 'soon', 0, 0],
    ['digits then garbage', () => '7 seconds', 0, 7],
    ['negative', () => '-1', 0, -1],
    ['fractional', () => '1.5', 0, 1],
    ['absent', () => '', 0, 0],
  ]
  const bodies = ERROR_BODIES.filter((b) =>
    ['API error shape', 'plain error shape (getVisits)', 'HTML page'].includes(b.name),
  )
  const cases = OPERATIONS.flatMap((op) =>
    values.flatMap(([label, value, want, officialWant]) =>
      bodies.map(
        (body) => [op.name, label, body.name, op, value, want, officialWant, body] as const,
      ),
    ),
  )
  test.each(cases)(
    '%s, Retry-After %s, %s',
    async (_, __, ___, op, value, want, officialWant, body) => {
      const headers = { 'retry-after': value() }
      const go = async (retryAfter: number) => {
        const { official: off, ours: mine } = await errorCase(
          op,
          429,
          body,
          { headers, fastRetries: true },
          retryAfter,
        )
        // The official SDK reads it with parseInt (and only on the API's own shapes).
        if (off.classes.TooManyRequestsError) expect(off.retryAfter).toBe(officialWant)
        return mine
      }
      if (typeof want === 'number') {
        await go(want)
        return
      }
      // An HTTP-date is read against the clock: accept either side of a second boundary.
      const mine = await go(want[1]).catch(() => go(want[0]))
      expect(mine.retryAfter).toBeGreaterThanOrEqual(want[0])
    },
  )
})

// ---------------------------------------------------------------------------------------------
// 2xx answers.

describe('2xx answers', () => {
  test.each([
    ['getEvent', (c: Client) => c.getEvent('ev-1'), eventReply()],
    ['searchEvents', (c: Client) => c.searchEvents({ limit: 2 }), searchReply],
    ['getVisits', (c: Client) => c.getVisits('v-1'), visitsReply],
    ['getRelatedVisitors', (c: Client) => c.getRelatedVisitors({ visitor_id: 'v' }), relatedReply],
    [
      'getEvent, JSON with a charset',
      (c: Client) => c.getEvent('ev-1'),
      { ...eventReply(), headers: { 'content-type': 'application/json; charset=utf-8' } },
    ],
    [
      'getEvent, JSON as text/plain',
      (c: Client) => c.getEvent('ev-1'),
      { ...eventReply(), headers: { 'content-type': 'text/plain' } },
    ],
    [
      'getEvent, JSON without a content type',
      (c: Client) => c.getEvent('ev-1'),
      { ...eventReply(), headers: { 'content-type': '' } },
    ],
    ['getEvent, chunked', (c: Client) => c.getEvent('ev-1'), { ...eventReply(), chunked: true }],
    [
      'getEvent, byte order mark',
      (c: Client) => c.getEvent('ev-1'),
      { status: 200, body: `\ufeff${JSON.stringify(sampleEvent('bom'))}` },
    ],
  ] as const)('%s: unknown fields and enum values pass through', async (_, call, answer) => {
    reply = answer
    expectSameRequestAndOutcome(await both(call))
  })

  const voidAnswers: [string, Reply][] = [
    ['200, empty', { status: 200, body: '' }],
    ['200, empty and chunked', { status: 200, body: '', chunked: true }],
    ['200, {}', { status: 200, body: '{}' }],
    ['200, HTML', { status: 200, body: '<p>ok</p>', headers: { 'content-type': 'text/html' } }],
    ['200, not JSON', { status: 200, body: '{"trunc' }],
  ]
  const voidCalls = [
    ['updateEvent', (c: Client) => c.updateEvent({ linkedId: 'x' }, 'ev-1')] as const,
    ['deleteVisitorData', (c: Client) => c.deleteVisitorData('v-1')] as const,
  ]
  test.each(
    voidCalls.flatMap(([name, call]) =>
      voidAnswers.map(([label, answer]) => [name, label, call, answer] as const),
    ),
  )('%s, %s: resolves to undefined', async (_, __, call, answer) => {
    reply = answer
    const result = await both(call)
    expectSameRequestAndOutcome(result)
    expect(result.ours.outcome).toEqual({ resolved: undefined })
  })

  // Expected difference: every 2xx is a success for ours. The official SDK treats only 200 as one:
  // for another 2xx it parses the body as an error (SdkError when empty, `RequestError('Unknown
  // error')` when it is JSON).
  test.each(
    voidCalls.flatMap(([name, call]) =>
      (
        [
          ['201, {}', { status: 201, body: '{}' }, 'RequestError'],
          ['202, empty', { status: 202, body: '' }, 'SdkError'],
          ['204', { status: 204 }, 'SdkError'],
        ] as const
      ).map(([label, answer, officialName]) => [name, label, call, answer, officialName] as const),
    ),
  )('expected difference: %s, %s resolves in ours', async (_, __, call, answer, officialName) => {
    reply = answer
    const result = await both(call)
    expect(rejected(result.official.outcome).name).toBe(officialName)
    expect(result.ours.outcome).toEqual({ resolved: undefined })
  })

  test('expected difference: getEvent, 201 with an event resolves in ours', async () => {
    reply = { ...eventReply(), status: 201 }
    const result = await both((c) => c.getEvent('ev-1'))
    expect(rejected(result.official.outcome)).toMatchObject({
      name: 'RequestError',
      message: 'Unknown error',
      statusCode: 201,
    })
    expect(result.ours.outcome).toEqual({ resolved: sampleEvent('ev-1') })
  })

  test('getEvent, body not JSON: an SdkError in both', async () => {
    reply = { status: 200, body: '{"requestId":' }
    const result = await both((c) => c.getEvent('ev-1'))
    const off = rejected(result.official.outcome)
    expect(off).toMatchObject({ name: 'SdkError', message: 'Failed to parse JSON response' })
    // Expected difference: ours' message adds the content type it got, to tell a proxy's page apart.
    expect(rejected(result.ours.outcome)).toEqual({
      ...off,
      message: 'Failed to parse JSON response (content-type: application/json)',
    })
  })

  // Expected difference: an empty 200 (or a 204) is reported by ours as the empty body it is, and
  // left unread; the official SDK tries to parse it and says "Failed to parse".
  test.each([
    ['200 with Content-Length 0', { status: 200, body: '' }],
    ['200, empty and chunked', { status: 200, body: '', chunked: true }],
    ['204', { status: 204 }],
  ] as const)('expected difference: getEvent, %s', async (_, answer) => {
    reply = answer
    const result = await both((c) => c.getEvent('ev-1'))
    const off = rejected(result.official.outcome)
    expect(off).toMatchObject({ name: 'SdkError', message: 'Failed to parse JSON response' })
    expect(rejected(result.ours.outcome)).toEqual({
      ...off,
      message: 'Expected JSON response but response body is empty',
      cause: undefined,
    })
  })

  // Expected difference: an event or a page is always an object; ours rejects other JSON with an
  // SdkError at once instead of resolving to a value that fails later (`null.products`).
  test.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"event"'],
    ['a number', '42'],
  ])('expected difference: getEvent, 200 with %s', async (_, body) => {
    reply = { status: 200, body }
    const result = await both((c) => c.getEvent('ev-1'))
    expect(result.official.outcome).toEqual({ resolved: JSON.parse(body) })
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { SdkError: true },
      message: expect.stringMatching(/^Expected a JSON object in the response body/),
      responseStatus: 200,
    })
  })
})

describe('transport: redirects, network failures', () => {
  // Expected difference: ours never follows a redirect (fetch would forward the `Auth-API-Key`
  // header to whatever host the Location names; the API itself never redirects): the 3xx becomes
  // a RequestError with its status. The official SDK follows it.
  test.each([301, 302, 303, 307, 308])('expected difference: a %i redirect', async (status) => {
    reply = eventReply('landed')
    const result = await both((c) => c.getEvent(`redirect-${status}`))
    expect(result.official.requests.map((r) => r.path)).toEqual([
      `/events/redirect-${status}`,
      '/events/landed',
    ])
    expect(result.official.outcome).toEqual({ resolved: sampleEvent('landed') })
    expect(result.ours.requests.map((r) => r.path)).toEqual([`/events/redirect-${status}`])
    expect(rejected(result.ours.outcome)).toMatchObject({
      name: 'RequestError',
      statusCode: status,
      classes: { RequestError: true },
    })
  })

  // Expected difference: when fetch itself fails, the official SDK lets fetch's own error through
  // (here a TypeError); ours throws a NetworkError (an SdkError) whose message adds the cause's and
  // keeps the fetch's error as `cause`. (`retries: false`, which the official SDK ignores, keeps
  // ours from retrying with backoff in this test.)
  test('expected difference: fetch rejects', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    const result = await both((c) => c.getEvent('ev-1'), {
      fetch: failing,
      retries: false,
    } as never)
    expect(rejected(result.official.outcome)).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
    })
    expect(rejected(result.ours.outcome)).toMatchObject({
      name: 'NetworkError',
      message: 'Network or fetch error: fetch failed',
      classes: { SdkError: true, TypeError: false },
      cause: 'TypeError',
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Module-level exports a program may call.

describe('getRetryAfter and getIntegrationInfo', () => {
  test.each([
    ['7', 7, 7],
    [' 3 ', 3, 3],
    [null, 0, 0],
    ['soon', 0, 0],
    // Expected differences, as for TooManyRequestsError.retryAfter above.
    ['-1', 0, -1],
    ['1.5', 0, 1],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0, 0],
  ])('getRetryAfter(%j)', (value, want, officialWant) => {
    const response = () =>
      new Response(null, value === null ? {} : { headers: { 'retry-after': value } })
    expect(official.getRetryAfter(response())).toBe(officialWant)
    expect(ours.getRetryAfter(response())).toBe(want)
  })

  test('getIntegrationInfo names each SDK', () => {
    expect(official.getIntegrationInfo()).toMatch(/^fingerprint-pro-server-node-sdk\//)
    expect(ours.getIntegrationInfo()).toMatch(/^fpapi-server-api-v3\//)
  })
})

// ---------------------------------------------------------------------------------------------
// Error classes a program builds itself (test doubles, wrappers).

describe('error classes a program builds itself', () => {
  const body = { error: { code: 'RequestNotFound', message: 'No such event' } } as const
  const plain = { error: 'Slow down' } as const
  const response = (status = 404) =>
    new Response(JSON.stringify(body), {
      status,
      statusText: status === 404 ? 'Not Found' : 'Too Many Requests',
      headers: { 'retry-after': '5' },
    })
  const build: [string, number, (sdk: Sdk, r: Response) => unknown][] = [
    ['new SdkError', 404, (sdk, r) => new sdk.SdkError('Broken', r, new RangeError('inner'))],
    ['new RequestError', 404, (sdk, r) => new sdk.RequestError('Failed', body, 404, 'custom', r)],
    ['RequestError.unknown', 404, (sdk, r) => sdk.RequestError.unknown(r)],
    [
      'RequestError.fromErrorResponse',
      404,
      (sdk, r) => sdk.RequestError.fromErrorResponse(body, r),
    ],
    ['RequestError.fromPlainError', 404, (sdk, r) => sdk.RequestError.fromPlainError(plain, r)],
    ['new TooManyRequestsError', 429, (sdk, r) => new sdk.TooManyRequestsError(body, r)],
    [
      'TooManyRequestsError.fromPlain',
      429,
      (sdk, r) => sdk.TooManyRequestsError.fromPlain(plain, r),
    ],
    ['new UnsealError', 404, (sdk) => new sdk.UnsealError({} as never, new Error('bad tag'))],
    [
      'new UnsealAggregateError',
      404,
      (sdk) => new sdk.UnsealAggregateError([new sdk.UnsealError({} as never)]),
    ],
  ]
  test.each(build)('%s', (label, status, make) => {
    const [r1, r2] = [response(status), response(status)]
    const view = (sdk: Sdk, r: Response) => {
      try {
        const e = make(sdk, r)
        return {
          ...describeError(e, sdk),
          sameResponse: (e as { response?: unknown }).response === r,
          text: String(e),
        }
      } catch (e) {
        return { threw: describeError(e, sdk) }
      }
    }
    const want = view(official, r1)
    // Expected differences, as for thrown errors: RequestError.unknown names the status in its
    // message, and the factories for the API's error shapes build a ServerApiError (a subclass of
    // RequestError), whose name is its class name.
    const apiShape = /^RequestError\.from/.test(label)
    const expected =
      label === 'RequestError.unknown'
        ? {
            ...want,
            message: 'Unknown error (HTTP 404 Not Found)',
            text: 'RequestError: Unknown error (HTTP 404 Not Found)',
          }
        : apiShape && 'name' in want
          ? {
              ...want,
              name: 'ServerApiError',
              text: String(want.text).replace(/^RequestError/, 'ServerApiError'),
            }
          : want
    expect(view(ours, r2)).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// Sealed results.

describe('unsealEventsResponse', () => {
  const keys = [randomBytes(32), randomBytes(32), randomBytes(32)] as const
  const aes = official.DecryptionAlgorithm.Aes256Gcm
  const event = JSON.stringify(sampleEvent('sealed-1'))
  const sealed = seal(event, keys[1])

  async function unsealBoth(data: Buffer, decryptionKeys: { key: Buffer; algorithm: string }[]) {
    const go = async (sdk: Sdk) => {
      try {
        return { resolved: await sdk.unsealEventsResponse(data, decryptionKeys as never) }
      } catch (e) {
        return { rejected: describeError(e, sdk) }
      }
    }
    return { official: { outcome: await go(official) }, ours: { outcome: await go(ours) } }
  }
  const entries = (...ks: Buffer[]) => ks.map((key) => ({ key, algorithm: aes }))

  test.each(openingKeyLists(keys, aes))('opens with %s', async (_, decryptionKeys) => {
    const result = await unsealBoth(sealed, decryptionKeys)
    expect(result.official.outcome).toEqual({ resolved: JSON.parse(event) })
    expect(result.ours.outcome).toEqual(result.official.outcome)
    expect(await ours.unseal(sealed, decryptionKeys as never)).toBe(
      await official.unseal(sealed, decryptionKeys as never),
    )
  })

  // Generated: tampering at random places, cutting at random lengths, all with several keys.
  const r = random(0x0c0ffee3)
  const broken = brokenSealedData(r, sealed, event, keys[1])
  test.each(broken)('%s', async (_, data) => {
    const result = await unsealBoth(data, entries(keys[0], keys[1], keys[2]))
    const off = rejected(result.official.outcome)
    const mine = rejected(result.ours.outcome)
    if (!off.classes.UnsealAggregateError) {
      // Expected difference: the official SDK checks the 4-byte header once, before any key, and
      // throws a plain Error('Invalid sealed data header'); ours reports every failure to open the
      // data the same way (an UnsealAggregateError with one UnsealError per key, each saying why),
      // so one `catch` handles them all. Both are `instanceof Error`.
      expect(off).toMatchObject({ message: 'Invalid sealed data header', classes: { Error: true } })
      expect(mine.classes.UnsealAggregateError).toBe(true)
      expect(mine.perKey).toEqual([true, true, true])
      return
    }
    expect(mine).toEqual(off)
    expect(mine.perKey).toEqual([true, true, true])
  })

  test.each([
    ['not an event', '{"visitorId":"x"}'],
    ['null', 'null'],
    ['an array', '[1]'],
    ['a string', '"products"'],
  ])('decrypted data that is %s: the same Error in both', async (_, plain) => {
    const result = await unsealBoth(seal(plain, keys[1]), entries(keys[1]))
    const off = rejected(result.official.outcome)
    expect(off.message).toBe('Sealed data is not valid events response')
    expect(rejected(result.ours.outcome)).toEqual(off)
  })

  test('decrypted data with `products` of any value is an event for both', async () => {
    const result = await unsealBoth(seal('{"products":null}', keys[1]), entries(keys[1]))
    expect(result.ours.outcome).toEqual(result.official.outcome)
    expect(result.ours.outcome).toEqual({ resolved: { products: null } })
  })

  // Expected difference: decrypted text that is not JSON gives the official SDK JSON.parse's own
  // SyntaxError; ours says what the data is not (the SyntaxError is kept as `cause`).
  test('expected difference: decrypted data that is not JSON', async () => {
    const result = await unsealBoth(seal('not json', keys[1]), entries(keys[1]))
    expect(rejected(result.official.outcome).classes.SyntaxError).toBe(true)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { Error: true, SyntaxError: false },
      message: 'Sealed data is not valid JSON',
      cause: 'SyntaxError',
    })
  })

  test('parseEventsResponse: the same answers', () => {
    const parse = (sdk: Sdk, text: string) => {
      try {
        return { resolved: sdk.parseEventsResponse(text) }
      } catch (e) {
        return { rejected: describeError(e, sdk) }
      }
    }
    for (const text of [event, '{"products":{}}', '{}', 'null', '[]']) {
      expect(parse(ours, text)).toEqual(parse(official, text))
    }
  })

  // Expected difference: malformed key lists are a TypeError in ours, before any decryption; the
  // official SDK throws an empty UnsealAggregateError (no keys) or Error('Unsupported ...').
  test.each([
    ['no keys', [], 'UnsealAggregateError'],
    ['an unknown algorithm', [{ key: keys[1], algorithm: 'aes-128-cbc' }], 'Error'],
  ])('expected difference: %s is a TypeError in ours', async (_, decryptionKeys, officialName) => {
    const result = await unsealBoth(sealed, decryptionKeys as never)
    expect(rejected(result.official.outcome).name).toBe(officialName)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { TypeError: true },
      message: expect.stringMatching(/^decryptionKeys/),
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Webhook signatures.

describe('isValidWebhookSignature', () => {
  const secret = 'whsec_differential'
  const body = JSON.stringify(sampleEvent('hook'))
  const good = signWebhook(body, secret)
  const other = signWebhook(body, 'another secret')
  const check = (sdk: Sdk, header: unknown, data: string | Buffer = body, key = secret) => {
    try {
      return sdk.isValidWebhookSignature({
        header: header as string,
        data: data as Buffer,
        secret: key,
      })
    } catch (e) {
      return describeError(e, sdk)
    }
  }

  const r = random(0x5157_3)
  const headers = Array.from({ length: 300 }, () => randomHeader(r, good, other))
  test('generated headers: the same answer, except where only the official SDK reads loosely', () => {
    let checked = 0
    for (const entries of headers) {
      for (const separator of [',', ', ']) {
        const header = entries.join(separator)
        for (const data of [body, Buffer.from(body)]) {
          const want = check(official, header, data)
          const got = check(ours, header, data)
          // Expected difference: ours accepts only `v1=<64 lowercase hex>` entries; the official
          // SDK splits an entry on '=' and ignores what follows a second '=' (`v1=<hex>=junk`).
          const strictlyValid = header.split(',').includes(`v1=${good}`)
          const looseOnly =
            !strictlyValid && header.split(',').some((e) => e.startsWith(`v1=${good}=`))
          expect(got, JSON.stringify(header)).toBe(looseOnly ? false : want)
          if (looseOnly) expect(want).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBe(1200)
  })

  test.each(webhookHeaderCases(good, other))('%s', (_, header, want) => {
    expect(check(official, header)).toBe(want)
    expect(check(ours, header)).toBe(want)
  })

  // Expected differences: ours never throws and refuses an empty secret (an unset variable must
  // not make every signature made with an empty key valid); the official SDK throws a TypeError
  // for a header that is not a string and accepts an HMAC keyed with ''.
  test('expected difference: a missing header is false in ours, a TypeError in the official SDK', () => {
    expect(check(official, undefined)).toMatchObject({ classes: { TypeError: true } })
    expect(check(ours, undefined)).toBe(false)
  })
  test('expected difference: an empty secret is refused by ours', () => {
    const header = `v1=${signWebhook(body, '')}`
    expect(check(official, header, body, '')).toBe(true)
    expect(check(ours, header, body, '')).toBe(false)
  })
})
