/// <reference types="node" />
/**
 * The client over real HTTP on 127.0.0.1, against a tiny Server API v3 started inside the test
 * (test/helpers/fake-v3-server.ts). It checks what only a socket shows: the raw request line,
 * headers as sent, and the visitor-history paging rules over many pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  AuthenticationMode,
  FingerprintJsServerApiClient,
  RequestError,
  ServerApiError,
  TooManyRequestsError,
  type Visit,
  type VisitorsResponse,
} from '../src/index'
import { FAKE_API_KEY, startFakeV3Server } from './helpers/fake-v3-server'
import { startRecordServer } from './helpers/record-server'

let server: Awaited<ReturnType<typeof startFakeV3Server>>
let client: FingerprintJsServerApiClient

beforeAll(async () => {
  server = await startFakeV3Server([
    { id: 'longHistory01', visits: 1_234 },
    { id: 'shortHistory1', visits: 7 },
    { id: 'noHistory0001', visits: 0 },
  ])
  client = new FingerprintJsServerApiClient({ apiKey: FAKE_API_KEY, baseUrl: server.baseUrl })
})
afterAll(() => server.close())

const lastRecord = () => server.records[server.records.length - 1]!

describe('path parameters never change the request path or query', () => {
  const cases = [
    { id: '../visitors/x', target: '/visitors/..%2Fvisitors%2Fx' },
    { id: 'a/b', target: '/visitors/a%2Fb' },
    { id: 'a?b=c', target: '/visitors/a%3Fb%3Dc' },
    { id: '%2e%2e', target: '/visitors/%252e%252e' },
    { id: '..%2F..%2Fevents', target: '/visitors/..%252F..%252Fevents' },
    { id: 'a#frag', target: '/visitors/a%23frag' },
    { id: 'a b+c', target: '/visitors/a%20b%2Bc' },
  ]
  test.each(cases)('getVisits($id) sends GET $target', async ({ id, target }) => {
    const page = await client.getVisits(id)
    expect(lastRecord().method).toBe('GET')
    expect(lastRecord().rawTarget).toBe(target)
    // The fake decodes the segment: it must see exactly the id we sent.
    expect(page.visitorId).toBe(id)
  })

  test.each(cases)('getEvent($id) stays under /events/', async ({ id, target }) => {
    const error = await client.getEvent(id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerApiError)
    expect(lastRecord().rawTarget).toBe(target.replace('/visitors/', '/events/'))
  })

  test.each(cases)('deleteVisitorData($id) stays one segment', async ({ id, target }) => {
    await client.deleteVisitorData(id).catch(() => undefined)
    expect(lastRecord().method).toBe('DELETE')
    expect(lastRecord().rawTarget).toBe(target)
  })
})

describe('over HTTP', () => {
  test('headers as sent: auth, Accept, User-Agent; JSON content type on PUT', async () => {
    const [first] = (await client.getVisits('shortHistory1', { limit: 1 })).visits
    const rec = lastRecord()
    expect(rec.headers['auth-api-key']).toBe(FAKE_API_KEY)
    expect(rec.headers.accept).toBe('application/json')
    expect(rec.headers['user-agent']).toMatch(/^fpapi-server-api-v3\/\d+\.\d+\.\d+/)
    await client.updateEvent({ linkedId: 'order-77', tag: { channel: 'web' } }, first!.requestId)
    const put = lastRecord()
    expect(put.method).toBe('PUT')
    expect(put.headers['content-type']).toBe('application/json')
    expect(JSON.parse(put.body)).toEqual({ linkedId: 'order-77', tag: { channel: 'web' } })
    expect(server.updates.at(-1)).toEqual({
      requestId: first!.requestId,
      body: JSON.parse(put.body),
    })
  })

  test('QueryParameter mode: api_key in the query, no header; errors show it redacted', async () => {
    const qp = new FingerprintJsServerApiClient({
      apiKey: FAKE_API_KEY,
      baseUrl: server.baseUrl,
      authenticationMode: AuthenticationMode.QueryParameter,
    })
    const event = await qp.searchEvents({ limit: 1, visitor_id: 'shortHistory1' })
    expect(event.events).toHaveLength(1)
    expect(lastRecord().rawTarget).toBe(
      `/events/search?limit=1&visitor_id=shortHistory1&api_key=${FAKE_API_KEY}`,
    )
    expect(lastRecord().headers['auth-api-key']).toBeUndefined()
    const error = (await qp.getEvent('missing').catch((e: unknown) => e)) as RequestError
    expect(error.request?.url).toBe(`${server.baseUrl}/events/missing?api_key=[REDACTED]`)
    expect(JSON.stringify(error)).not.toContain(FAKE_API_KEY)
  })

  test('search arrays go as repeated keys', async () => {
    await client.searchEvents({ limit: 2, environment: ['env_main', 'env_2'] })
    expect(lastRecord().rawTarget).toBe(
      '/events/search?limit=2&environment=env_main&environment=env_2',
    )
  })

  test('an HTML 404 (wrong base URL) gives a RequestError with the raw text', async () => {
    const lost = new FingerprintJsServerApiClient({
      apiKey: FAKE_API_KEY,
      baseUrl: `${server.baseUrl}/wrong-prefix`,
    })
    const error = (await lost.getEvent('r1').catch((e: unknown) => e)) as RequestError
    expect(error).toBeInstanceOf(RequestError)
    expect(error).not.toBeInstanceOf(ServerApiError)
    expect(error.statusCode).toBe(404)
    expect(error.responseBody).toBe('<html><body>no route</body></html>')
    expect(error.rawBody).toBe('<html><body>no route</body></html>')
    const { response, error: rawError } = await client.raw.GET('/related-visitors', {
      params: { query: { visitor_id: 'nobody' } },
    })
    expect(response.status).toBe(404)
    expect(rawError).toEqual({ error: { code: 'VisitorNotFound', message: 'visitor not found' } })
  })

  test('429 with a plain body and Retry-After after the retries', async () => {
    const sleeps: number[] = []
    const limited = new FingerprintJsServerApiClient({
      apiKey: FAKE_API_KEY,
      baseUrl: server.baseUrl,
      retries: { max: 1 },
      sleep: async (ms) => void sleeps.push(ms),
    })
    const error = (await limited
      .getVisits('rate-limited')
      .catch((e: unknown) => e)) as TooManyRequestsError
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error.retryAfter).toBe(1)
    expect(error.errorCode).toBe('TooManyRequests')
    expect(sleeps).toEqual([1_000])
  })
})

describe('redirects never carry the key elsewhere', () => {
  test('a 3xx is not followed: RequestError with the status, the other host sees nothing', async () => {
    const elsewhere = await startRecordServer(() => ({ status: 200, json: { products: {} } }))
    const redirecting = await startRecordServer(() => ({
      status: 302,
      text: '',
      headers: { location: `${elsewhere.baseUrl}/steal` },
    }))
    try {
      const victim = new FingerprintJsServerApiClient({
        apiKey: FAKE_API_KEY,
        baseUrl: redirecting.baseUrl,
      })
      const error = (await victim.getEvent('r1').catch((e: unknown) => e)) as RequestError
      expect(error).toBeInstanceOf(RequestError)
      expect(error.statusCode).toBe(302)
      const raw = await victim.raw.GET('/events/{request_id}', {
        params: { path: { request_id: 'r1' } },
      })
      expect(raw.response.status).toBe(302)
      expect(elsewhere.records).toEqual([])
    } finally {
      await elsewhere.close()
      await redirecting.close()
    }
  })
})

describe('visitor history paging (more events than one scan returns)', () => {
  const all = () => server.history.get('longHistory01')!

  test('one page: limit counts scanned events; the keys are present while more exist', async () => {
    const page = await client.getVisits('longHistory01')
    expect(page.visits).toHaveLength(100) // default scan
    expect(page.paginationKey).toBe(all()[99]!.requestId)
    expect(page.lastTimestamp).toBe(all()[99]!.timestamp)
    const capped = await client.getVisits('longHistory01', { limit: 10_000 })
    expect(capped.visits).toHaveLength(500) // maximum scan
  })

  test('iterateVisits follows paginationKey to the end, newest first, no duplicates', async () => {
    const before = server.records.length
    const seen: Visit[] = []
    for await (const visit of client.iterateVisits('longHistory01', { limit: 200 }))
      seen.push(visit)
    expect(seen).toHaveLength(1_234)
    expect(seen.map((v) => v.requestId)).toEqual(all().map((v) => v.requestId))
    expect(server.records.length - before).toBe(7) // ceil(1234 / 200)
  })

  test('filters apply after the scan: short and empty pages do not stop the iteration', async () => {
    const pages: VisitorsResponse[] = []
    for await (const page of client
      .iterateVisits('longHistory01', { limit: 50, linked_id: 'order-3' })
      .pages()) {
      pages.push(page)
    }
    expect(pages).toHaveLength(25) // ceil(1234 / 50)
    expect(pages.slice(0, -1).every((p) => typeof p.paginationKey === 'string')).toBe(true)
    expect(pages.at(-1)!.paginationKey).toBeUndefined()
    expect(pages.at(-1)!.lastTimestamp).toBeUndefined()
    const found = pages.flatMap((p) => p.visits)
    expect(found).toHaveLength(Math.ceil(1_234 / 3))
    expect(found.every((v) => v.linkedId === 'order-3')).toBe(true)

    // request_id matches one visit deep in the history: most pages are empty.
    const target = all()[1_111]!.requestId
    const hits: Visit[] = []
    for await (const visit of client.iterateVisits('longHistory01', {
      limit: 500,
      request_id: target,
    }))
      hits.push(visit)
    expect(hits.map((v) => v.requestId)).toEqual([target])
  })

  test('maxItems stops early without fetching further pages', async () => {
    const before = server.records.length
    const seen: Visit[] = []
    for await (const visit of client.iterateVisits(
      'longHistory01',
      { limit: 100 },
      { maxItems: 150 },
    ))
      seen.push(visit)
    expect(seen).toHaveLength(150)
    expect(server.records.length - before).toBe(2)
  })

  test('break stops fetching', async () => {
    const before = server.records.length
    for await (const visit of client.iterateVisits('longHistory01', { limit: 10 })) {
      void visit
      break
    }
    expect(server.records.length - before).toBe(1)
  })

  test('short and empty histories: one page, no keys', async () => {
    const short = await client.getVisits('shortHistory1')
    expect(short.visits).toHaveLength(7)
    expect(short).not.toHaveProperty('paginationKey')
    const visits: Visit[] = []
    for await (const v of client.iterateVisits('noHistory0001')) visits.push(v)
    expect(visits).toEqual([])
  })

  test('iterateEvents follows pagination_key to the end', async () => {
    const ids: string[] = []
    for await (const event of client.iterateEvents({ limit: 3, visitor_id: 'shortHistory1' })) {
      ids.push(event.products.identification!.data!.requestId)
    }
    expect(ids).toEqual(server.history.get('shortHistory1')!.map((v) => v.requestId))
  })
})
