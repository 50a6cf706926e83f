/// <reference types="node" />
import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import pkg from '../package.json'
import {
  FingerprintJsServerApiClient,
  SdkError,
  VERSION,
  collect,
  getIntegrationInfo,
  getRetryAfter,
  isValidWebhookSignature,
  type Visit,
} from '../src/index'
import { makeVisit } from './fixtures/events'
import { createFakeFetch } from './helpers/fake-fetch'

test('VERSION is the package version and goes into the User-Agent', () => {
  expect(VERSION).toBe(pkg.version)
  expect(getIntegrationInfo()).toBe(`fpapi-server-api-v3/${pkg.version}`)
})

describe('getRetryAfter', () => {
  const cases: { header: string | undefined; want: number }[] = [
    { header: undefined, want: 0 },
    { header: '5', want: 5 },
    { header: 'soon', want: 0 },
    { header: '-3', want: 0 },
    { header: new Date(Date.now() + 90_000).toUTCString(), want: 90 },
  ]
  test.each(cases)('Retry-After: $header -> $want s', ({ header, want }) => {
    const response = new Response(null, {
      status: 429,
      headers: header ? { 'retry-after': header } : {},
    })
    const got = getRetryAfter(response)
    // An HTTP-date is rounded to whole seconds, so allow the one-second boundary.
    expect(got === want || got === want - 1 || got === want + 1).toBe(true)
  })
})

describe('isValidWebhookSignature (sync, strict)', () => {
  const secret = 'whsec_test'
  const body = Buffer.from('{"requestId":"r1"}')
  const good = createHmac('sha256', secret).update(body).digest('hex')
  const cases: { name: string; header: string; data?: unknown; want: boolean }[] = [
    { name: 'valid', header: `v1=${good}`, want: true },
    { name: 'valid among others', header: `v2=abc,v1=${'0'.repeat(64)},v1=${good}`, want: true },
    { name: 'body as string', header: `v1=${good}`, data: '{"requestId":"r1"}', want: true },
    { name: 'wrong hash', header: `v1=${'a'.repeat(64)}`, want: false },
    { name: 'upper-case hex', header: `v1=${good.toUpperCase()}`, want: false },
    { name: 'extra text in the entry', header: `v1=${good}x`, want: false },
    { name: 'spaces', header: ` v1=${good}`, want: false },
    { name: 'empty header', header: '', want: false },
    { name: 'garbage', header: '===,,,', want: false },
  ]
  test.each(cases)('$name -> $want', ({ header, data, want }) => {
    const result = isValidWebhookSignature({ header, data: (data ?? body) as Buffer, secret })
    expect(result).toBe(want)
    expect(typeof result).toBe('boolean')
  })
  test('never throws on wrong types', () => {
    expect(isValidWebhookSignature({ header: null as never, data: body, secret })).toBe(false)
    expect(isValidWebhookSignature({ header: `v1=${good}`, data: body, secret: '' })).toBe(false)
  })
})

describe('iterators: edge cases', () => {
  const page = (n: number, key?: string) => ({
    status: 200,
    json: {
      visitorId: 'v',
      visits: Array.from({ length: n }, (_, i) => makeVisit('v', i)),
      ...(key ? { paginationKey: key } : {}),
    },
  })

  test('an error mid-stream is thrown once from next(), then the iterator is done', async () => {
    const fake = createFakeFetch(page(2, 'k1'), {
      status: 404,
      json: { error: { code: 'VisitorNotFound', message: 'gone' } },
    })
    const client = new FingerprintJsServerApiClient({
      apiKey: 'k',
      fetch: fake.fetch,
      retries: false,
    })
    const it = client.iterateVisits('v')
    const seen: Visit[] = []
    await expect(
      (async () => {
        for await (const v of it) seen.push(v)
      })(),
    ).rejects.toThrow('gone')
    expect(seen).toHaveLength(2)
    await expect(it.next()).resolves.toEqual({ done: true, value: undefined })
  })

  test('parallel next() calls get distinct items in order, fetching each page once', async () => {
    const fake = createFakeFetch(page(2, 'k1'), page(1))
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    const it = client.iterateVisits('v', { limit: 2 })
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next()])
    expect(results.map((r) => (r.done ? 'done' : r.value.requestId))).toEqual([
      makeVisit('v', 0).requestId,
      makeVisit('v', 1).requestId,
      makeVisit('v', 0).requestId,
      'done',
    ])
    expect(fake.calls).toHaveLength(2)
    expect(new URL(fake.calls[1]!.url).searchParams.get('paginationKey')).toBe('k1')
  })

  test('a server that repeats the same key stops with an SdkError instead of looping', async () => {
    const fake = createFakeFetch(page(1, 'same'))
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    await expect(collect(client.iterateVisits('v'), 1_000)).rejects.toBeInstanceOf(SdkError)
    expect(fake.calls.length).toBeLessThanOrEqual(3)
  })

  test('older servers: lastTimestamp without paginationKey pages with before', async () => {
    const fake = createFakeFetch(
      { status: 200, json: { visitorId: 'v', visits: [makeVisit('v', 0)], lastTimestamp: 1234 } },
      page(1),
    )
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    expect(await collect(client.iterateVisits('v', { limit: 1 }), 10)).toHaveLength(2)
    expect(fake.calls[1]!.url).toBe('https://api.fpjs.io/visitors/v?limit=1&before=1234')
  })

  test('an empty events page with a key continues; requestOptions reach every page', async () => {
    const fake = createFakeFetch(
      { status: 200, json: { events: [], paginationKey: 'p1' } },
      { status: 200, json: { events: [{ products: {} }] } },
    )
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    const events = await collect(
      client.iterateEvents({ limit: 5 }, { headers: { 'X-Run': '7' } }),
      10,
    )
    expect(events).toEqual([{ products: {} }])
    expect(fake.calls.map((c) => c.headers.get('x-run'))).toEqual(['7', '7'])
    expect(fake.calls[1]!.url).toBe('https://api.fpjs.io/events/search?limit=5&pagination_key=p1')
  })
})

describe('hostile pages stop the iterators with an SdkError', () => {
  const answers = [
    { name: 'null body', answer: { status: 200, text: 'null' } },
    {
      name: 'visits is a string',
      answer: { status: 200, json: { visitorId: 'v', visits: 'nope' } },
    },
    { name: 'array body', answer: { status: 200, json: [] } },
  ]
  test.each(answers)('iterateVisits: $name', async ({ answer }) => {
    const client = new FingerprintJsServerApiClient({
      apiKey: 'k',
      fetch: createFakeFetch(answer).fetch,
    })
    await expect(collect(client.iterateVisits('v'), 10)).rejects.toBeInstanceOf(SdkError)
  })
  test('iterateEvents: events missing is an empty last page; events an object is an error', async () => {
    const empty = new FingerprintJsServerApiClient({
      apiKey: 'k',
      fetch: createFakeFetch({ status: 200, json: {} }).fetch,
    })
    await expect(collect(empty.iterateEvents({ limit: 1 }), 10)).resolves.toEqual([])
    const odd = new FingerprintJsServerApiClient({
      apiKey: 'k',
      fetch: createFakeFetch({ status: 200, json: { events: {} } }).fetch,
    })
    await expect(collect(odd.iterateEvents({ limit: 1 }), 10)).rejects.toBeInstanceOf(SdkError)
  })
})

describe('pages respect maxItems', () => {
  test('iterateVisits().pages(): stops fetching at the cap and trims the last page', async () => {
    const pageOf = (from: number, key?: string) => ({
      status: 200,
      json: {
        visitorId: 'v',
        visits: Array.from({ length: 25 }, (_, i) => makeVisit('v', from + i)),
        ...(key ? { paginationKey: key } : {}),
      },
    })
    const fake = createFakeFetch(
      pageOf(0, 'k1'),
      pageOf(25, 'k2'),
      pageOf(50, 'k3'),
      pageOf(75, 'k4'),
      pageOf(100),
    )
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    const sizes: number[] = []
    for await (const page of client.iterateVisits('v', { limit: 25 }, { maxItems: 60 }).pages()) {
      sizes.push(page.visits.length)
      expect(page.paginationKey).toBeTypeOf('string') // metadata kept
    }
    expect(sizes).toEqual([25, 25, 10])
    expect(fake.calls).toHaveLength(3)
  })

  test('iterateEvents().pages(): same rule', async () => {
    const events = (n: number) => Array.from({ length: n }, () => ({ products: {} }))
    const fake = createFakeFetch(
      { status: 200, json: { events: events(25), paginationKey: 'a' } },
      { status: 200, json: { events: events(25), paginationKey: 'b' } },
      { status: 200, json: { events: events(25), paginationKey: 'c' } },
      { status: 200, json: { events: events(25) } },
    )
    const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: fake.fetch })
    const sizes: number[] = []
    for await (const page of client.iterateEvents({ limit: 25 }, { maxItems: 80 }).pages()) {
      sizes.push(page.events!.length)
    }
    expect(sizes).toEqual([25, 25, 25, 5])
    expect(fake.calls).toHaveLength(4)
  })
})

test('a fetch returning a node-fetch style Response (body without cancel) still works', async () => {
  const nodeFetchLike = (async () => ({
    ok: true,
    status: 200,
    statusText: 'OK',
    headers: new Headers({ 'content-type': 'application/json' }),
    body: { pipe() {}, on() {} },
    text: async () => '{"products":{}}',
    json: async () => ({ products: {} }),
    clone() {
      return this
    },
  })) as unknown as typeof fetch
  const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch: nodeFetchLike })
  await expect(client.deleteVisitorData('v')).resolves.toBeUndefined()
  await expect(client.getEvent('r')).resolves.toEqual({ products: {} })
})
