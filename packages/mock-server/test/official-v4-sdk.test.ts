import {
  FingerprintServerApiClient,
  Region,
  RequestError,
  TooManyRequestsError,
} from '@fingerprint/node-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'

// The official v4 SDK (`@fingerprint/node-sdk`) has no base URL option: `server.fetch` sends its
// requests for api.fpjs.io to the mock server.
let server: MockServer
let client: FingerprintServerApiClient

beforeAll(async () => {
  server = await startMockServer({ seed: 11, visitors: 15, events: 180, rateLimit: false })
  client = new FingerprintServerApiClient({
    apiKey: server.apiKey,
    region: Region.Global,
    fetch: server.fetch,
  })
})
afterAll(() => server.stop())

describe('official v4 SDK against the mock server', () => {
  it('getEvent returns exactly what the store holds', async () => {
    for (const stored of server.store.list({ limit: 25 })) {
      expect(await client.getEvent(stored.event_id)).toEqual(stored)
    }
  })

  it('getEvent with ruleset_id adds the evaluated rule_action', async () => {
    const bad = server.store.list().find((e) => e.bot === 'bad')!
    const event = await client.getEvent(bad.event_id, { ruleset_id: 'rs_mock_default' })
    expect(event.rule_action).toMatchObject({
      ruleset_id: 'rs_mock_default',
      type: 'block',
      rule_id: 'r_block_bad_bots',
      status_code: 403,
    })
    const calm = server.store
      .list()
      .find((e) => e.bot === 'not_detected' && !e.vpn && !e.ip_blocklist?.tor_node)!
    expect(
      (await client.getEvent(calm.event_id, { ruleset_id: 'rs_mock_default' })).rule_action,
    ).toEqual({
      ruleset_id: 'rs_mock_default',
      type: 'allow',
    })
    const err = await client
      .getEvent(calm.event_id, { ruleset_id: 'rs_unknown' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RequestError)
    expect(err).toMatchObject({ statusCode: 400, errorCode: 'ruleset_not_found' })
  })

  it('getEvent of an unknown id is a typed 404 event_not_found', async () => {
    const err = await client.getEvent('1700000000000.nope00').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RequestError)
    expect(err).toMatchObject({ statusCode: 404, errorCode: 'event_not_found' })
  })

  it('updateEvent changes the stored event (tags merge, linked_id and suspect replace)', async () => {
    const target = server.store.list()[3]!
    await client.updateEvent(target.event_id, {
      linked_id: 'checkout-991',
      suspect: true,
      tags: { reviewed: 'yes' },
    })
    const stored = server.store.get(target.event_id)!
    expect(stored.linked_id).toBe('checkout-991')
    expect(stored.suspect).toBe(true)
    expect(stored.tags).toEqual({ ...target.tags, reviewed: 'yes' })
    expect(await client.getEvent(target.event_id)).toEqual(stored)
  })

  it('updateEvent of a fresh event is 409 state_not_ready until it settles', async () => {
    const fresh = server.store.create({ visitorId: server.store.visitorIds()[0] })
    const err = await client
      .updateEvent(fresh.event_id, { linked_id: 'too-soon' })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ statusCode: 409, errorCode: 'state_not_ready' })
    expect(server.store.get(fresh.event_id)!.linked_id).toBeUndefined()
  })

  it('searchEvents pages through the whole default window newest first', async () => {
    const seen: string[] = []
    let pagination_key: string | undefined
    let pages = 0
    do {
      const page = await client.searchEvents({
        limit: 50,
        ...(pagination_key ? { pagination_key } : {}),
      })
      seen.push(...page.events.map((e) => e.event_id))
      pagination_key = page.pagination_key
      pages++
    } while (pagination_key)
    const expected = server.store
      .list()
      .filter((e) => e.timestamp >= Date.now() - 7 * 86_400_000)
      .map((e) => e.event_id)
    expect(seen).toEqual(expected)
    expect(pages).toBe(Math.ceil(expected.length / 50))
  })

  it('searchEvents applies filters, reverse, start/end and total_hits like the store data says', async () => {
    const visitor = server.store.visitorIds()[1]!
    const history = server.store.byVisitor(visitor)
    const res = await client.searchEvents({
      visitor_id: visitor,
      limit: 100,
      reverse: true,
      total_hits: 1000,
    })
    expect(res.events).toEqual([...history].reverse())
    expect(res.total_hits).toBe(history.length)

    const android = await client.searchEvents({ sdk_platform: 'android', vpn: true, limit: 100 })
    const want = server.store.list().filter((e) => e.sdk?.platform === 'android' && e.vpn === true)
    expect(android.events.map((e) => e.event_id)).toEqual(want.map((e) => e.event_id))

    const middle = server.store.list()[40]!.timestamp
    const windowed = await client.searchEvents({ start: middle, end: middle, limit: 5 })
    expect(windowed.events.map((e) => e.timestamp)).toEqual([middle])
  })

  it('deleteVisitorData removes the visitor from get and search', async () => {
    const visitor = server.store.visitorIds()[2]!
    const some = server.store.byVisitor(visitor)[0]!
    await client.deleteVisitorData(visitor)
    expect(server.store.byVisitor(visitor)).toEqual([])
    await expect(client.getEvent(some.event_id)).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'event_not_found',
    })
    await expect(client.searchEvents({ visitor_id: visitor })).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'visitor_not_found',
    })
    await expect(client.deleteVisitorData(visitor)).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'visitor_not_found',
    })
  })

  it('reports a rate limit as the SDK’s TooManyRequestsError', async () => {
    server.faults.failNext(1, { status: 429, retryAfter: 3, operationId: 'getEvent' })
    const err = await client.getEvent(server.store.list()[0]!.event_id).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TooManyRequestsError)
    expect((err as TooManyRequestsError).response.headers.get('retry-after')).toBe('3')
  })

  it('sends nothing the spec rejects and gets nothing the spec forbids', () => {
    expect(server.contractViolations).toEqual([])
  })
})
