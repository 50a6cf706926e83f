/// <reference types="node" />
/**
 * Differential test: the same call, written for the official `@fingerprint/node-sdk` v7, runs
 * through the official SDK and through ours against one local server, and everything a program can
 * observe is compared: the request on the wire, and the resolved value or the rejection's class and
 * fields. Where ours differs on purpose, the test says so explicitly (`expected difference`) with
 * the reason, so a new, unplanned difference always fails.
 */
import { randomBytes } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import * as official from '@fingerprint/node-sdk'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as oursModule from '@fpapi/server-api-v4'
import {
  AWKWARD_IDS,
  CODE_FOR_STATUS,
  ERROR_BODIES,
  REFUSED_IDS,
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
import { startServer, type Received } from '../../../scripts/test/helpers/http-server'

type Sdk = typeof official
type Client = InstanceType<Sdk['FingerprintServerApiClient']>
type ClientOptions = ConstructorParameters<Sdk['FingerprintServerApiClient']>[0]
/** Ours, seen through the official SDK's types: the programs below are official-SDK programs. */
const ours = oursModule as unknown as Sdk

const API_KEY = 'differential-test-key-0123'

// ---------------------------------------------------------------------------------------------
// The local server: answers whatever the current case asks for and records every request.

let server: Awaited<ReturnType<typeof startServer>>
let reply: Reply = { status: 200, body: '{}' }
let oursAttempts = 0

beforeAll(async () => {
  server = await startServer((req, res) => {
    const fromOurs = !/[?&]ii=/.test(req.target) // the official SDK always sends `ii`
    const redirect = /^\/v4\/(?:events|visitors)\/redirect-(\d{3})(?:\?|$)/.exec(req.target)
    if (redirect) {
      res.writeHead(Number(redirect[1]), { location: '/v4/events/landed', 'content-length': '0' })
      return res.end()
    }
    // `fastRetries`: ours retries 429 and 5xx on GET/DELETE twice.
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
    authorization: r.headers.authorization,
    userHeader: r.headers['x-diff-case'],
    numberHeader: r.headers['x-number'],
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
      ServerApiError: is(e, sdk.ServerApiError),
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
 * Builds a client the way an official-SDK program does (apiKey, region, fetch, defaultHeaders),
 * with a fetch that sends the official origins to the local server, and runs `call` with it.
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
    const client = new sdk.FingerprintServerApiClient({
      apiKey: API_KEY,
      fetch: local,
      defaultHeaders: { 'X-Diff-Case': 'yes' },
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

/** The parts of a request both SDKs must agree on (ours' encoding and content type are checked apart). */
const comparable = ({ rawQuery: _q, contentType: _c, accept: _a, ...rest }: Wire) => rest

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

/** Ours sends its JSON bodies as application/json; the official SDK's string body goes as text/plain. */
function expectContentTypes(o: Wire, u: Wire) {
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
  expect(comparable(u)).toEqual(comparable(o))
  expectOurQueryEncoding(u)
  expectContentTypes(o, u)
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
    event_id: id,
    timestamp: 1708102555327,
    identification: {
      visitor_id: 'Ibk1527CUFmcnjLwIs4A',
      confidence: { score: 0.97, version: '1.1', future_detail: 'x' },
    },
    bot: 'a_bot_kind_from_the_future',
    vpn_confidence: 'extreme',
    tags: { nested: { list: [1, 'two', null, { deep: true }] } },
    some_future_field: { nested: [1, 2, 3] },
    unicode_field: 'Zürich 日本 😀',
    big_number: 12345678901234567890,
  }
}
const eventReply = (id = 'ev-1'): Reply => ({ status: 200, body: JSON.stringify(sampleEvent(id)) })
const pageReply: Reply = {
  status: 200,
  body: JSON.stringify({
    events: [sampleEvent('s1'), sampleEvent('s2')],
    pagination_key: 'next &=?#+ page',
    future_page_field: true,
  }),
}

describe('searchEvents: every filter of the spec gives the same query', () => {
  const handWritten: [string, Record<string, unknown> | null | undefined][] = [
    ['no filter', undefined],
    ['null filter', null],
    ['empty filter', {}],
    ['limit 1', { limit: 1 }],
    ['limit 100', { limit: 100 }],
    ['limit above the API maximum (the server decides)', { limit: 101 }],
    ['pagination_key with reserved characters', { pagination_key: 'a b&c=d#e+f?g%h/ü' }],
    ['empty array', { environment: [] }],
    ['array of null and undefined only', { environment: [null, undefined] }],
    ['only undefined and null values', { bot: undefined, vpn: null, linked_id: undefined }],
    ['false booleans are sent', { suspect: false, vpn: false, reverse: false }],
    ['zero numbers are sent', { min_suspect_score: 0, start: 0, total_hits: 0 }],
    ['start/end as strings', { start: '2024-02-16T00:00:00Z', end: '1708102555327' }],
    ['empty strings are sent', { visitor_id: '', linked_id: '' }],
    ['unknown enum value', { bot: 'some_future_value', sdk_platform: 'web3' }],
    ['unknown filter passes through', { some_future_filter: 'x y' }],
    ['repeated array values', { environment: ['a', 'a', 'b b', 'ü&='] }],
    ['exponent numbers', { min_suspect_score: 1e21, total_hits: 0.000001 }],
    ['numbers and booleans inside arrays', { environment: [1, true, 'x'] }],
    ['a filter name with reserved characters', { 'we ird&key=': 'v', ü: 'ü' }],
  ]
  const r = random(0x5eed_2026)
  const generated = Array.from(
    { length: 80 },
    (_, i) => [`generated #${i}`, randomFilter(r)] as [string, Record<string, unknown>],
  )
  test.each([...handWritten, ...generated])('%s', async (_, filter) => {
    reply = pageReply
    const result = await both((c) => c.searchEvents(filter as never))
    expectSameRequestAndOutcome(result)
    expect(result.ours.outcome).toEqual({ resolved: JSON.parse(pageReply.body!) })
  })

  // Expected difference: ours refuses, with a TypeError naming the filter and before any request,
  // values the official SDK would send as `limit=0`, `NaN` or `[object Object]`.
  test.each([
    ['limit 0', { limit: 0 }, 'filter.limit'],
    ['negative limit', { limit: -1 }, 'filter.limit'],
    ['fractional limit', { limit: 1.5 }, 'filter.limit'],
    ['NaN limit', { limit: Number.NaN }, 'filter.limit'],
    ['limit as a string', { limit: '10' }, 'filter.limit'],
    ['object value', { visitor_id: { id: 'x' } }, 'filter.visitor_id'],
    ['nested array', { environment: [['a']] }, 'filter.environment'],
    [
      'infinite number',
      { min_suspect_score: Number.POSITIVE_INFINITY },
      'filter.min_suspect_score',
    ],
    ['NaN number', { total_hits: Number.NaN }, 'filter.total_hits'],
    ['a Date', { start: new Date(1708102555327) }, 'filter.start'],
    ['a bigint', { total_hits: 10n }, 'filter.total_hits'],
  ])('expected difference: %s is a TypeError in ours', async (_, filter, name) => {
    reply = pageReply
    const result = await both((c) => c.searchEvents(filter as never))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toContain(name)
  })
})

describe('getEvent / updateEvent / deleteVisitorData: ids with awkward characters', () => {
  const operations = [
    {
      name: 'getEvent',
      reply: eventReply,
      call: (id: string) => (c: Client) => c.getEvent(id),
      path: (id: string) => `/v4/events/${encodeURIComponent(id)}`,
    },
    {
      name: 'updateEvent',
      reply: () => ({ status: 200, body: '' }),
      call: (id: string) => (c: Client) => c.updateEvent(id, { linked_id: 'order ü &=' }),
      path: (id: string) => `/v4/events/${encodeURIComponent(id)}`,
    },
    {
      name: 'deleteVisitorData',
      reply: () => ({ status: 200, body: '' }),
      call: (id: string) => (c: Client) => c.deleteVisitorData(id),
      path: (id: string) => `/v4/visitors/${encodeURIComponent(id)}`,
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
    reply = op.reply(id)
    const result = await both(op.call(id))
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
    expect(error.message).toMatch(/^(eventId|visitorId) must be a non-empty string/)
  })

  test.each([
    ['ruleset_id with reserved characters', { ruleset_id: 'rs 1&x=y#z+ü' }],
    ['ruleset_id undefined', { ruleset_id: undefined }],
    ['ruleset_id null', { ruleset_id: null }],
    ['empty options', {}],
    ['null options', null],
    ['an unknown option passes through', { ruleset_id: 'rs', future_option: 'yes' }],
  ])('getEvent options: %s', async (_, options) => {
    reply = eventReply()
    expectSameRequestAndOutcome(await both((c) => c.getEvent('ev-1', options as never)))
  })

  // Expected difference: ours checks `ruleset_id` is a string (TypeError before any request).
  test('expected difference: getEvent with a numeric ruleset_id', async () => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1', { ruleset_id: 7 as never }))
    expect(result.official.requests[0]!.query).toEqual([['ruleset_id', '7']])
    expect(result.ours.requests).toHaveLength(0)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { TypeError: true },
      message: expect.stringMatching(/^options\.ruleset_id/),
    })
  })

  test.each([
    ['linked_id', { linked_id: 'order 9 &=?#' }],
    ['suspect false', { suspect: false }],
    ['tags, nested', { tags: { reviewed: true, score: 0.5, list: ['a', { b: null }] } }],
    ['everything', { linked_id: 'ü', suspect: true, tags: {} }],
    ['empty body', {}],
    ['undefined fields are left out', { linked_id: undefined, suspect: true, tags: undefined }],
    ['an unknown field passes through', { linked_id: 'x', future_field: [1, 2] }],
  ])('updateEvent body: %s', async (_, body) => {
    reply = { status: 200, body: '' }
    expectSameRequestAndOutcome(await both((c) => c.updateEvent('ev-1', body as never)))
  })

  // Expected difference: ours checks the fields the spec types and refuses the rest with a
  // TypeError before any request; the official SDK sends whatever JSON.stringify makes of it.
  test.each([
    ['a string', 'linked'],
    ['an array', [{ linked_id: 'x' }]],
    ['linked_id a number', { linked_id: 5 }],
    ['suspect a string', { suspect: 'yes' }],
    ['tags a string', { tags: 'x' }],
  ])('expected difference: updateEvent body %s is a TypeError in ours', async (_, body) => {
    reply = { status: 200, body: '' }
    const result = await both((c) => c.updateEvent('ev-1', body as never))
    expect(result.official.requests).toHaveLength(1)
    expect(result.ours.requests).toHaveLength(0)
    const error = rejected(result.ours.outcome)
    expect(error.classes.TypeError).toBe(true)
    expect(error.message).toMatch(/^body/)
  })

  test.each([
    [undefined, 'https://api.fpjs.io'],
    [official.Region.Global, 'https://api.fpjs.io'],
    [official.Region.EU, 'https://eu.api.fpjs.io'],
    [official.Region.AP, 'https://ap.api.fpjs.io'],
  ])('region %s goes to %s', async (region, origin) => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), { region })
    expectSameRequestAndOutcome(result)
    expect(result.ours.origins).toEqual([origin])
  })
})

describe('constructor options', () => {
  // Expected difference: ours checks its options when the client is made, with a TypeError naming
  // the option (a subclass of Error, which the official SDK throws for a missing key); the official
  // SDK accepts an unknown region and fails on the first call with Error('Unsupported region').
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
})

test('an apiKey with a trailing newline is sent trimmed, as fetch trims header values', async () => {
  reply = eventReply()
  const result = await both((c) => c.getEvent('ev-1'), { apiKey: `${API_KEY}\r\n` })
  expectSameRequestAndOutcome(result)
  expect(result.ours.requests[0]!.authorization).toBe(`Bearer ${API_KEY}`)
})

// Expected difference: whitespace BEFORE the key. fetch trims only the ends of the header value,
// so the official SDK sends `Bearer  \tkey`; ours trims the key itself and sends `Bearer key`.
test('expected difference: an apiKey with leading whitespace is sent trimmed by ours', async () => {
  reply = eventReply()
  const result = await both((c) => c.getEvent('ev-1'), { apiKey: ` \t${API_KEY}` })
  expect(result.official.requests[0]!.authorization).toBe(`Bearer  \t${API_KEY}`)
  expect(result.ours.requests[0]!.authorization).toBe(`Bearer ${API_KEY}`)
})

// Expected difference: ours refuses a key with whitespace inside or characters a header can't
// carry when the client is made (a key with a space is a pasting mistake); the official SDK sends
// it, or, for characters fetch can't send, fails on the first call with a network SdkError.
test.each([
  ['an inner space', 'two words', 'Bearer two words'],
  ['a non-Latin-1 character', 'ключ', undefined],
])('expected difference: an apiKey with %s is a TypeError in ours', async (_, apiKey, sent) => {
  reply = eventReply()
  const result = await both((c) => c.getEvent('ev-1'), { apiKey })
  if (sent) {
    expect(result.official.requests[0]!.authorization).toBe(sent)
  } else {
    expect(rejected(result.official.outcome)).toMatchObject({
      name: 'SdkError',
      cause: 'TypeError',
    })
  }
  expect(result.ours.requests).toHaveLength(0)
  expect(rejected(result.ours.outcome)).toMatchObject({
    classes: { TypeError: true },
    message: expect.stringMatching(/^apiKey /),
  })
  // The key never appears in ours' message.
  expect(rejected(result.ours.outcome).message).not.toContain(apiKey.trim())
})

describe('headers: Authorization and user headers', () => {
  test.each([
    ['a user header', { 'X-Diff-Case': 'custom value' }],
    ['an Authorization override', { Authorization: 'Bearer another-key' }],
    ['a user Accept, lower case', { accept: 'application/json; q=0.9' }],
    ['a user Accept, upper case', { ACCEPT: 'text/plain' }],
  ])('getEvent with %s', async (_, defaultHeaders) => {
    reply = eventReply()
    const result = await both((c) => c.getEvent('ev-1'), { defaultHeaders })
    expectSameRequestAndOutcome(result)
    const sent = Object.entries(defaultHeaders)[0]!
    if (sent[0].toLowerCase() === 'accept') expect(result.ours.requests[0]!.accept).toBe(sent[1])
  })

  test.each([
    ['lower case', { 'content-type': 'application/merge-patch+json' }],
    ['mixed case', { 'Content-Type': 'application/json; charset=utf-8' }],
  ])('a user Content-Type (%s) is what updateEvent sends', async (_, defaultHeaders) => {
    reply = { status: 200, body: '' }
    const result = await both((c) => c.updateEvent('ev-1', { suspect: true }), { defaultHeaders })
    const value = Object.values(defaultHeaders)[0]
    expect(result.official.requests[0]!.contentType).toBe(value)
    expect(result.ours.requests[0]!.contentType).toBe(value)
    expect(comparable(result.ours.requests[0]!)).toEqual(comparable(result.official.requests[0]!))
  })

  // Expected difference: a header whose value is undefined is left out by ours; the official SDK
  // hands it to fetch, which sends the text `undefined`. A number is sent as text by both.
  test('expected difference: an undefined header value is not sent as "undefined"', async () => {
    reply = eventReply()
    const defaultHeaders = { 'X-Diff-Case': undefined, 'X-Number': 5 } as never
    const result = await both((c) => c.getEvent('ev-1'), { defaultHeaders })
    const [o, u] = [result.official.requests[0]!, result.ours.requests[0]!]
    expect(o).toMatchObject({ userHeader: 'undefined', numberHeader: '5' })
    expect(comparable(u)).toEqual({ ...comparable(o), userHeader: undefined })
    expect(result.ours.outcome).toEqual(result.official.outcome)
  })

  // Expected difference: a lower-case `authorization` in defaultHeaders replaces ours' own, as the
  // documented "defaultHeaders override the defaults" says; the official SDK sends both, joined
  // into one invalid value (`Bearer key, Bearer other`).
  test('expected difference: a lower-case authorization header replaces the key', async () => {
    reply = eventReply()
    const defaultHeaders = { authorization: 'Bearer another-key' }
    const result = await both((c) => c.getEvent('ev-1'), { defaultHeaders })
    expect(result.official.requests[0]!.authorization).toBe(`Bearer ${API_KEY}, Bearer another-key`)
    expect(result.ours.requests[0]!.authorization).toBe('Bearer another-key')
    expect(result.ours.outcome).toEqual(result.official.outcome)
  })
})

// ---------------------------------------------------------------------------------------------
// Error answers.

type Method = 'GET' | 'PATCH' | 'DELETE'
interface Operation {
  name: string
  method: Method
  /** The error statuses the spec lists for the operation. */
  statuses: number[]
  call: (c: Client) => Promise<unknown>
}
const OPERATIONS: Operation[] = [
  {
    name: 'getEvent',
    method: 'GET',
    statuses: [400, 403, 404, 429, 500],
    call: (c) => c.getEvent('ev-1', { ruleset_id: 'rs' }),
  },
  {
    name: 'updateEvent',
    method: 'PATCH',
    statuses: [400, 403, 404, 409],
    call: (c) => c.updateEvent('ev-1', { suspect: true }),
  },
  {
    name: 'searchEvents',
    method: 'GET',
    statuses: [400, 403, 404, 500],
    call: (c) => c.searchEvents({ visitor_id: 'v 1', limit: 5 }),
  },
  {
    name: 'deleteVisitorData',
    method: 'DELETE',
    statuses: [400, 403, 404, 429],
    call: (c) => c.deleteVisitorData('visitor-1'),
  },
]

/** Which answers ours retries (by design): 429/408 always, 409 on PATCH, 5xx on GET/DELETE. */
function oursRetries(method: Method, status: number): boolean {
  if (status === 429 || status === 408) return true
  if (status === 409) return method === 'PATCH'
  return [500, 502, 503, 504].includes(status) && method !== 'PATCH'
}

const RATE_LIMITED_BODY = { error: { code: 'too_many_requests', message: 'Too many requests' } }

/**
 * What ours must throw, given what the official SDK threw for the same answer. Every field is the
 * official SDK's unless one of these deliberate differences applies:
 * - `retryAfter` (ours only): the Retry-After header in seconds, 0 when absent or unreadable.
 * - a 429 whose body is not the API's error shape (a proxy's page) is still a TooManyRequestsError
 *   in ours, with the API's body shape, so rate-limit handling and `e.responseBody.error` work;
 *   the official SDK throws a plain RequestError('Unknown error') for it.
 * - a plain RequestError's message names the status (`Unknown error (HTTP 502 Bad Gateway)`)
 *   instead of `Unknown error`, and with an empty reason phrase its errorCode is `HTTP 502`
 *   instead of ''.
 */
function expectedError(off: ErrorView, status: number, statusText: string, retryAfter: number) {
  const view: ErrorView = { ...off, retryAfter: status === 429 ? retryAfter : undefined }
  if (off.classes.ServerApiError) return view
  if (status === 429) {
    return {
      ...view,
      name: 'TooManyRequestsError',
      message: 'Too many requests',
      errorCode: 'too_many_requests',
      responseBody: RATE_LIMITED_BODY,
      classes: { ...view.classes, ServerApiError: true, TooManyRequestsError: true },
    }
  }
  return {
    ...view,
    message: `Unknown error (HTTP ${status}${statusText ? ` ${statusText}` : ''})`,
    errorCode: statusText === '' ? `HTTP ${status}` : view.errorCode,
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
  reply = { status, body: body.text(status), ...extra, headers }
  const result = await both(op.call)
  const statusText = extra.statusText ?? STATUS_CODES[status] ?? ''
  const off = rejected(result.official.outcome)
  const mine = rejected(result.ours.outcome)
  expect(off.statusCode).toBe(status)
  expect(mine).toEqual(expectedError(off, status, statusText, retryAfter))
  // The official SDK sends once; ours retries some answers by design (same request each time).
  expect(result.official.requests).toHaveLength(1)
  expect(result.ours.requests).toHaveLength(oursRetries(op.method, status) ? 3 : 1)
  for (const request of result.ours.requests) {
    expect(comparable(request)).toEqual(comparable(result.official.requests[0]!))
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
    // Sanity: the API's own shape always gives a ServerApiError with its code.
    if (body.name === 'API error shape') {
      expect(mine.classes.ServerApiError).toBe(true)
      expect(mine.errorCode).toBe(CODE_FOR_STATUS[status])
    }
  })
})

describe('error answers the spec does not list (proxies, gateways)', () => {
  const bodies = ERROR_BODIES.filter((b) =>
    ['API error shape', 'HTML page', 'empty', 'truncated JSON'].includes(b.name),
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
    const html = ERROR_BODIES.find((b) => b.name === 'HTML page')!
    const { official: off } = await errorCase(op, 418, html, { statusText })
    expect(off.errorCode).toBe(statusText)
  })

  test.each(OPERATIONS)('a chunked error body without Content-Length: $name', async (op) => {
    await errorCase(op, 404, ERROR_BODIES[0]!, { chunked: true })
    await errorCase(op, 502, ERROR_BODIES[3]!, { chunked: true })
  })
})

describe('429 and its Retry-After header', () => {
  const future = () => new Date(Date.now() + 120_000).toUTCString()
  const values: [string, () => string, number | [number, number]][] = [
    ['0', () => '0', 0],
    ['seconds', () => '7', 7],
    ['seconds with spaces', () => ' 3 ', 3],
    ['an HTTP-date two minutes ahead', future, [119, 120]],
    ['an HTTP-date in the past', () => 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['garbage', () => 'soon', 0],
    ['negative', () => '-1', 0],
    ['fractional', () => '1.5', 0],
    ['absent', () => '', 0],
  ]
  const bodies = ERROR_BODIES.filter((b) => ['API error shape', 'HTML page'].includes(b.name))
  const cases = OPERATIONS.flatMap((op) =>
    values.flatMap(([label, value, want]) =>
      bodies.map((body) => [op.name, label, body.name, op, value, want, body] as const),
    ),
  )
  test.each(cases)('%s, Retry-After %s, %s', async (_, __, ___, op, value, want, body) => {
    const headers = { 'retry-after': value() }
    const run = async (retryAfter: number) =>
      errorCase(op, 429, body, { headers, fastRetries: true }, retryAfter)
    if (typeof want === 'number') {
      await run(want)
      return
    }
    // An HTTP-date is read against the clock: accept either side of a second boundary.
    const { ours: mine } = await run(want[1]).catch(() => run(want[0]))
    expect(mine.retryAfter).toBeGreaterThanOrEqual(want[0])
  })
})

// ---------------------------------------------------------------------------------------------
// 2xx answers.

describe('2xx answers', () => {
  test.each([
    ['getEvent', (c: Client) => c.getEvent('ev-1'), eventReply()],
    ['searchEvents', (c: Client) => c.searchEvents({ limit: 2 }), pageReply],
    [
      'getEvent, JSON with a charset',
      (c: Client) => c.getEvent('ev-1'),
      { ...eventReply(), headers: { 'content-type': 'application/json; charset=utf-8' } },
    ],
    ['getEvent, 201', (c: Client) => c.getEvent('ev-1'), { ...eventReply(), status: 201 }],
    [
      'getEvent, empty body with Content-Length 0',
      (c: Client) => c.getEvent('ev-1'),
      { status: 200, body: '' },
    ],
    ['getEvent, 204', (c: Client) => c.getEvent('ev-1'), { status: 204 }],
  ] as const)('%s: unknown fields and enum values pass through', async (_, call, answer) => {
    reply = answer
    const result = await both(call)
    expectSameRequestAndOutcome(result)
  })

  const voidAnswers: [string, Reply][] = [
    ['200, empty', { status: 200, body: '' }],
    ['200, empty and chunked', { status: 200, body: '', chunked: true }],
    ['200, {}', { status: 200, body: '{}' }],
    [
      '200, JSON as text/plain',
      { status: 200, body: '{"ok":true}', headers: { 'content-type': 'text/plain' } },
    ],
    ['200, HTML', { status: 200, body: '<p>ok</p>', headers: { 'content-type': 'text/html' } }],
    ['200, not JSON', { status: 200, body: '{"trunc' }],
    ['202', { status: 202, body: '' }],
    ['204', { status: 204 }],
  ]
  const voidCases = [
    ['updateEvent', (c: Client) => c.updateEvent('ev-1', { linked_id: 'x' })] as const,
    ['deleteVisitorData', (c: Client) => c.deleteVisitorData('v-1')] as const,
  ].flatMap(([name, call]) =>
    voidAnswers.map(([label, answer]) => [name, label, call, answer] as const),
  )
  test.each(voidCases)('%s, %s: resolves to undefined', async (_, __, call, answer) => {
    reply = answer
    const result = await both(call)
    expectSameRequestAndOutcome(result)
    expect(result.ours.outcome).toEqual({ resolved: undefined })
  })

  test('getEvent, body not JSON: an SdkError in both', async () => {
    reply = { status: 200, body: '{"event_id":' }
    const result = await both((c) => c.getEvent('ev-1'))
    const off = rejected(result.official.outcome)
    expect(off.classes.SdkError).toBe(true)
    expect(off.message).toBe('Failed to parse JSON response')
    // Expected difference: ours' message adds the content type it got, to tell a proxy's page apart.
    expect(rejected(result.ours.outcome)).toEqual({
      ...off,
      message: 'Failed to parse JSON response (content-type: application/json)',
    })
  })

  // Expected difference: a 200 whose body is empty but sent chunked (no Content-Length) is reported
  // by ours as the empty body it is; the official SDK tries to parse it and says "Failed to parse".
  test('getEvent, empty chunked body: an SdkError in both, ours says it is empty', async () => {
    reply = { status: 200, body: '', chunked: true }
    const result = await both((c) => c.getEvent('ev-1'))
    const off = rejected(result.official.outcome)
    expect(off.classes.SdkError).toBe(true)
    expect(off.cause).toBe('SyntaxError')
    expect(rejected(result.ours.outcome)).toEqual({
      ...off,
      message: 'Expected JSON response but response body is empty',
      cause: undefined,
    })
  })

  // Expected difference: ours reads a JSON body whatever the content type says (gateways and
  // mocks often send `text/plain`); the official SDK rejects it unread with an SdkError.
  test.each([
    ['text/plain', 'text/plain'],
    ['text/plain with a charset', 'text/plain; charset=utf-8'],
    ['no content type', ''],
    ['application/problem+json', 'application/problem+json'],
  ])('expected difference: getEvent, JSON sent as %s', async (_, contentType) => {
    reply = { ...eventReply(), headers: { 'content-type': contentType } }
    const result = await both((c) => c.getEvent('ev-1'))
    expect(rejected(result.official.outcome)).toMatchObject({
      classes: { SdkError: true },
      message: 'Expected JSON response but received non-JSON content type',
    })
    expect(result.ours.outcome).toEqual({ resolved: sampleEvent('ev-1') })
  })

  // Expected difference: an event or a page is always an object; ours rejects other JSON with an
  // SdkError at once instead of resolving to a value that fails later (`null.event_id`).
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

describe('transport: redirects, byte order marks, network failures', () => {
  test.each([301, 302, 303, 307, 308])('a %i redirect is followed the same way', async (status) => {
    reply = eventReply('landed')
    const get = await both((c) => c.getEvent(`redirect-${status}`))
    expect(get.ours.requests.map(comparable)).toEqual(get.official.requests.map(comparable))
    expect(get.ours.requests.map((r) => r.path)).toEqual([
      `/v4/events/redirect-${status}`,
      '/v4/events/landed',
    ])
    expect(get.ours.outcome).toEqual(get.official.outcome)
    reply = { status: 200, body: '' }
    const patch = await both((c) => c.updateEvent(`redirect-${status}`, { suspect: true }))
    expect(patch.ours.requests.map(comparable)).toEqual(patch.official.requests.map(comparable))
    expect(patch.ours.outcome).toEqual(patch.official.outcome)
  })

  test('a byte order mark before a JSON body is skipped by both', async () => {
    reply = { status: 200, body: `\ufeff${JSON.stringify(sampleEvent('bom'))}` }
    expectSameRequestAndOutcome(await both((c) => c.getEvent('bom')))
    reply = { status: 404, body: `\ufeff{"error":{"code":"event_not_found","message":"No"}}` }
    const result = await both((c) => c.getEvent('bom'))
    expect(rejected(result.ours.outcome)).toEqual(rejected(result.official.outcome))
    expect(rejected(result.ours.outcome).errorCode).toBe('event_not_found')
  })

  // Expected difference: when fetch itself fails, ours throws a NetworkError (a subclass of
  // SdkError, so `instanceof SdkError` still holds) whose message adds the cause's; the official
  // SDK throws a plain SdkError('Network or fetch error'). Both keep the fetch's error as `cause`.
  // (PATCH, which ours never retries after a network failure: no backoff wait in this test.)
  test('expected difference: fetch rejects', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    const result = await both((c) => c.updateEvent('ev-1', { suspect: true }), { fetch: failing })
    const off = rejected(result.official.outcome)
    expect(off).toMatchObject({ name: 'SdkError', message: 'Network or fetch error' })
    expect(rejected(result.ours.outcome)).toEqual({
      ...off,
      name: 'NetworkError',
      message: 'Network or fetch error: fetch failed',
    })
  })
})

describe('error classes a program builds itself (test doubles, wrappers)', () => {
  const body = { error: { code: 'event_not_found', message: 'No such event' } } as const
  const response = () =>
    new Response(JSON.stringify(body), {
      status: 404,
      statusText: 'Not Found',
      headers: { 'retry-after': '5' },
    })
  const build: [string, (sdk: Sdk, r: Response) => unknown][] = [
    ['new SdkError', (sdk, r) => new sdk.SdkError('Broken', r, new RangeError('inner'))],
    ['new RequestError', (sdk, r) => new sdk.RequestError('Failed', body, 404, 'custom', r)],
    ['new ServerApiError', (sdk, r) => new sdk.ServerApiError(body, 404, r)],
    ['ServerApiError.fromErrorResponse', (sdk, r) => sdk.ServerApiError.fromErrorResponse(body, r)],
    ['new TooManyRequestsError', (sdk, r) => new sdk.TooManyRequestsError(body, r)],
    ['RequestError.unknown', (sdk, r) => sdk.RequestError.unknown(r, '<html>')],
    ['new UnsealError', (sdk) => new sdk.UnsealError({} as never, new Error('bad tag'))],
    [
      'new UnsealAggregateError',
      (sdk) => new sdk.UnsealAggregateError([new sdk.UnsealError({} as never)]),
    ],
  ]
  test.each(build)('%s', (label, make) => {
    const [r1, r2] = [response(), response()]
    const [off, mine] = [make(official, r1), make(ours, r2)]
    const view = (e: unknown, sdk: Sdk, r: Response) => ({
      ...describeError(e, sdk),
      sameResponse: (e as { response?: unknown }).response === r,
      text: String(e),
    })
    const want = view(off, official, r1)
    // Expected differences, as for thrown errors: ours' TooManyRequestsError reads `retryAfter`
    // from the response, and RequestError.unknown names the status in its message.
    const expected =
      label === 'new TooManyRequestsError'
        ? { ...want, retryAfter: 5 }
        : label === 'RequestError.unknown'
          ? {
              ...want,
              message: 'Unknown error (HTTP 404 Not Found)',
              text: 'RequestError: Unknown error (HTTP 404 Not Found)',
            }
          : want
    expect(view(mine, ours, r2)).toEqual(expected)
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
    // `unseal` gives the text itself.
    expect(await ours.unseal(sealed, decryptionKeys as never)).toBe(
      await official.unseal(sealed, decryptionKeys as never),
    )
  })

  // Generated: tampering at random places, cutting at random lengths, all with several keys.
  const r = random(0x0c0ffee)
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
    ['not an event', '{"visitor_id":"x"}'],
    ['null', 'null'],
    ['an array', '[1]'],
  ])('decrypted data that is %s: the same Error in both', async (_, plain) => {
    const result = await unsealBoth(seal(plain, keys[1]), entries(keys[1]))
    const off = rejected(result.official.outcome)
    expect(off.message).toBe('Sealed data is not valid events response')
    expect(rejected(result.ours.outcome)).toEqual(off)
  })

  // Expected difference: decrypted text that is not JSON gives the official SDK JSON.parse's own
  // SyntaxError; ours says what the data is not (the SyntaxError is kept as `cause`).
  test('expected difference: decrypted data that is not JSON', async () => {
    const result = await unsealBoth(seal('not json', keys[1]), entries(keys[1]))
    expect(rejected(result.official.outcome).classes.SyntaxError).toBe(true)
    expect(rejected(result.ours.outcome)).toMatchObject({
      classes: { Error: true, SyntaxError: false },
      message: expect.stringMatching(/^Sealed data is not valid/),
    })
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

  const r = random(0x5157)
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
