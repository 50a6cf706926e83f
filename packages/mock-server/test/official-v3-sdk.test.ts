import {
  AuthenticationMode,
  FingerprintJsServerApiClient,
  Region,
  RequestError,
  TooManyRequestsError,
} from '@fingerprintjs/fingerprintjs-pro-server-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockEvent, type MockServer } from '@fpapi/mock-server'

let server: MockServer
let client: FingerprintJsServerApiClient

beforeAll(async () => {
  server = await startMockServer({ seed: 21, visitors: 6, events: 240, rateLimit: false })
  client = new FingerprintJsServerApiClient({
    apiKey: server.apiKey,
    region: Region.Global,
    fetch: server.fetch,
  })
})
afterAll(() => server.stop())

function busiestVisitor(): string {
  const ids = server.store.visitorIds()
  return ids.reduce((a, b) =>
    server.store.byVisitor(b).length > server.store.byVisitor(a).length ? b : a,
  )
}

/** The identification part of the v3 view, derived from the stored event by hand. */
function expectedIdentification(e: MockEvent) {
  return {
    visitorId: e.identification!.visitor_id,
    requestId: e.event_id,
    timestamp: e.timestamp,
    time: new Date(e.timestamp).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ip: e.ip_address,
    tag: e.tags ?? {},
    visitorFound: e.identification!.visitor_found,
    ...(e.linked_id !== undefined ? { linkedId: e.linked_id } : {}),
  }
}

describe('official v3 SDK against the mock server', () => {
  it('getEvent renders the stored event as v3 products', async () => {
    for (const stored of server.store.list({ limit: 20 })) {
      const res = await client.getEvent(stored.event_id)
      const p = res.products
      expect(p.identification?.data).toMatchObject(expectedIdentification(stored))
      if (stored.vpn !== undefined) expect(p.vpn?.data?.result).toBe(stored.vpn)
      if (stored.bot !== undefined) {
        expect(p.botd?.data?.bot.result).toBe(
          stored.bot === 'not_detected' ? 'notDetected' : stored.bot,
        )
      }
      expect(p.tor?.data?.result).toBe(stored.ip_blocklist?.tor_node)
      expect(p.suspectScore?.data?.result).toBe(stored.suspect_score)
      expect(p.rootApps?.data?.result).toBe(stored.root_apps)
      expect(p.jailbroken?.data?.result).toBe(stored.jailbroken)
      expect(p.proximity?.data?.id).toBe(stored.proximity?.id)
      expect(p.velocity?.data?.events?.intervals?.['5m']).toBe(
        stored.velocity?.events?.['5_minutes'],
      )
    }
  })

  it('getEvent of an unknown id is 404 RequestNotFound', async () => {
    const err = await client.getEvent('1700000000000.nope00').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RequestError)
    expect(err).toMatchObject({ statusCode: 404, errorCode: 'RequestNotFound' })
  })

  it('updateEvent (PUT) writes linkedId, tag and suspect into the one store', async () => {
    const target = server.store.list()[5]!
    await client.updateEvent(
      { linkedId: 'v3-order-7', tag: { channel: 'email' }, suspect: false },
      target.event_id,
    )
    const stored = server.store.get(target.event_id)!
    expect(stored).toMatchObject({
      linked_id: 'v3-order-7',
      suspect: false,
      tags: { ...target.tags, channel: 'email' },
    })
    const again = await client.getEvent(target.event_id)
    expect(again.products.identification?.data).toMatchObject({
      linkedId: 'v3-order-7',
      suspect: false,
      tag: stored.tags,
    })
  })

  it('updateEvent of a fresh event is 409 StateNotReady', async () => {
    const fresh = server.store.create()
    await expect(client.updateEvent({ linkedId: 'x' }, fresh.event_id)).rejects.toMatchObject({
      statusCode: 409,
      errorCode: 'StateNotReady',
    })
  })

  it('searchEvents pages by the timestamp key and filters like the store data says', async () => {
    const seen: string[] = []
    let pagination_key: string | undefined
    do {
      const page = await client.searchEvents({
        limit: 70,
        ...(pagination_key ? { pagination_key } : {}),
      })
      const ids = (page.events ?? []).map((e) => e.products.identification!.data!.requestId)
      seen.push(...ids)
      pagination_key = page.paginationKey
      if (pagination_key) {
        expect(pagination_key).toBe(String(server.store.get(ids[ids.length - 1]!)!.timestamp))
      }
    } while (pagination_key)
    expect(seen).toEqual(server.store.list().map((e) => e.event_id))

    const flagged = await client.searchEvents({ limit: 500, ip_blocklist: true, reverse: true })
    const want = server.store
      .list()
      .filter(
        (e) =>
          e.ip_blocklist &&
          (e.ip_blocklist.email_spam || e.ip_blocklist.attack_source || e.ip_blocklist.tor_node),
      )
      .reverse()
    expect(flagged.events?.map((e) => e.products.identification!.data!.requestId)).toEqual(
      want.map((e) => e.event_id),
    )
  })

  it('searchEvents accepts the SDK’s environment[] array form', async () => {
    const env = server.store.list().find((e) => e.environment_id !== undefined)!.environment_id!
    const res = await client.searchEvents({ limit: 500, environment: [env] })
    expect(res.events?.length).toBe(
      server.store.list().filter((e) => e.environment_id === env).length,
    )
  })

  it('getVisits scans `limit` events, then filters; pages with paginationKey and lastTimestamp', async () => {
    const visitor = busiestVisitor()
    const history = server.store.byVisitor(visitor)
    expect(history.length).toBeGreaterThan(12)

    const first = await client.getVisits(visitor, { limit: 5 })
    expect(first.visitorId).toBe(visitor)
    expect(first.visits.map((v) => v.requestId)).toEqual(history.slice(0, 5).map((e) => e.event_id))
    expect(first.paginationKey).toBe(history[4]!.event_id)
    expect(first.lastTimestamp).toBe(history[4]!.timestamp)

    const second = await client.getVisits(visitor, {
      limit: 5,
      paginationKey: first.paginationKey!,
    })
    expect(second.visits.map((v) => v.requestId)).toEqual(
      history.slice(5, 10).map((e) => e.event_id),
    )

    const before = await client.getVisits(visitor, { limit: 3, before: history[9]!.timestamp })
    expect(before.visits.map((v) => v.requestId)).toEqual(
      history.slice(10, 13).map((e) => e.event_id),
    )

    // request_id filters after the scan: an event outside the scanned window is not found.
    const target = history[7]!
    expect(
      (await client.getVisits(visitor, { limit: 5, request_id: target.event_id })).visits,
    ).toEqual([])
    const hit = await client.getVisits(visitor, { limit: 10, request_id: target.event_id })
    expect(hit.visits.map((v) => v.requestId)).toEqual([target.event_id])
    expect(hit.paginationKey).toBe(history[9]!.event_id)

    const all = await client.getVisits(visitor, { limit: 500 })
    expect(all.visits).toHaveLength(history.length)
    expect(all.paginationKey).toBeUndefined()
    expect(all.lastTimestamp).toBeUndefined()

    const byDefault = await client.getVisits(visitor)
    expect(byDefault.visits).toHaveLength(Math.min(100, history.length))
  })

  it('getVisits filters by linked_id within the scanned window', async () => {
    const withLinked = server.store.list().find((e) => e.linked_id !== undefined)!
    const visitor = withLinked.identification!.visitor_id
    const res = await client.getVisits(visitor, { linked_id: withLinked.linked_id!, limit: 500 })
    const want = server.store.byVisitor(visitor).filter((e) => e.linked_id === withLinked.linked_id)
    expect(res.visits.map((v) => v.requestId)).toEqual(want.map((e) => e.event_id))
  })

  it('getRelatedVisitors lists visitors sharing a device', async () => {
    const visitor = server.store
      .visitorIds()
      .find((v) => server.store.relatedVisitors(v).length > 0)!
    const res = await client.getRelatedVisitors({ visitor_id: visitor })
    expect(res.relatedVisitors.map((r) => r.visitorId)).toEqual(
      server.store.relatedVisitors(visitor),
    )
    await expect(
      client.getRelatedVisitors({ visitor_id: 'unknownVisitor0000001' }),
    ).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'VisitorNotFound',
    })
  })

  it('works with the api_key query parameter as well', async () => {
    const queryClient = new FingerprintJsServerApiClient({
      apiKey: server.apiKey,
      region: Region.Global,
      authenticationMode: AuthenticationMode.QueryParameter,
      fetch: server.fetch,
    })
    const stored = server.store.list()[0]!
    const res = await queryClient.getEvent(stored.event_id)
    expect(res.products.identification?.data?.requestId).toBe(stored.event_id)
  })

  it('deleteVisitorData removes the visitor from get, search and history', async () => {
    const visitor = server.store.visitorIds()[3]!
    const some = server.store.byVisitor(visitor)[0]!
    await client.deleteVisitorData(visitor)
    await expect(client.getEvent(some.event_id)).rejects.toMatchObject({ statusCode: 404 })
    expect((await client.getVisits(visitor)).visits).toEqual([])
    const search = await client.searchEvents({ limit: 500, visitor_id: visitor })
    expect(search.events ?? []).toEqual([])
    await expect(client.deleteVisitorData(visitor)).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'VisitorNotFound',
    })
  })

  it('surfaces Retry-After through the SDK’s TooManyRequestsError', async () => {
    server.faults.failNext(1, { status: 429, retryAfter: 7, operationId: 'getVisits' })
    const err = await client.getVisits(busiestVisitor()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TooManyRequestsError)
    expect((err as TooManyRequestsError).retryAfter).toBe(7)
  })

  it('every response matched the v3 spec', () => {
    expect(server.contractViolations).toEqual([])
  })
})
