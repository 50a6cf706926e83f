import { FingerprintJsServerApiClient } from '@fpapi/server-api-v3'
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import { createV3CompatClient } from '@fpapi/server-api-v4/migrate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runV3Program } from './v3-program'

describe('a v3 program through the compat client and through the v3 client (mock server on 127.0.0.1)', () => {
  let server: MockServer
  // one clock for both servers: the same seed then yields the same events
  const now = Date.now()
  const start = () =>
    startMockServer({
      host: '127.0.0.1',
      port: 0,
      seed: 42,
      visitors: 4,
      events: 40,
      now: () => now,
    })
  beforeEach(async () => {
    server = await start()
  })
  afterEach(async () => {
    await server.stop()
  })

  it('prints the same v3-shaped fields', async () => {
    const sample = server.store.list({ limit: 6 })
    const ids = sample.map((e) => e.event_id)
    const visitorId = sample[0]!.identification!.visitor_id
    const v3 = new FingerprintJsServerApiClient({
      apiKey: server.apiKey,
      baseUrl: server.v3BaseUrl,
      retries: false,
    })
    const viaV3 = await runV3Program(v3, ids, visitorId)

    // fresh server, same seed: the update above must not leak into the second run
    await server.stop()
    server = await start()
    const compat = createV3CompatClient(
      { apiKey: server.apiKey, baseUrl: server.v4BaseUrl, retries: false },
      { now: () => now },
    )
    const viaCompat = await runV3Program(compat, ids, visitorId)

    expect(viaCompat).toEqual(viaV3)
    expect(viaV3.at(-1)).toBe('missing event -> ServerApiError 404 RequestNotFound')
    expect(server.contractViolations).toEqual([])
  })

  it('returns for every seeded event exactly the v3 result the v3 client gets', async () => {
    const v3 = new FingerprintJsServerApiClient({
      apiKey: server.apiKey,
      baseUrl: server.v3BaseUrl,
      retries: false,
    })
    const compat = createV3CompatClient(
      { apiKey: server.apiKey, baseUrl: server.v4BaseUrl, retries: false },
      { now: () => now },
    )
    const events = server.store.list({ limit: 40 })
    expect(events.length).toBeGreaterThan(30)
    for (const { event_id } of events) {
      expect(await compat.getEvent(event_id), event_id).toEqual(await v3.getEvent(event_id))
    }
    const visitor = events[0]!.identification!.visitor_id
    const [a, b] = await Promise.all([
      v3.getVisits(visitor, { limit: 500 }),
      compat.getVisits(visitor, { limit: 500 }),
    ])
    expect(b.visits).toEqual(a.visits)
  })

  it('searches and fails the same way', async () => {
    const v3 = new FingerprintJsServerApiClient({
      apiKey: server.apiKey,
      baseUrl: server.v3BaseUrl,
      retries: false,
    })
    const compat = createV3CompatClient(
      { apiKey: server.apiKey, baseUrl: server.v4BaseUrl, retries: false },
      { now: () => now },
    )
    const [a, b] = await Promise.all([
      v3.searchEvents({ limit: 20 }),
      compat.searchEvents({ limit: 20 }),
    ])
    expect(b.events).toEqual(a.events)

    const failure = async (run: () => Promise<unknown>) => {
      const e = (await run().catch((error: unknown) => error)) as Record<string, unknown>
      return { name: e.name, statusCode: e.statusCode, errorCode: e.errorCode }
    }
    for (const [status, version] of [
      [429, 'v3'],
      [429, 'v4'],
      [500, 'v3'],
      [500, 'v4'],
    ] as const) {
      server.faults.failNext(1, { status, version, operationId: 'getEvent' })
    }
    const id = a.events![0]!.products.identification!.data!.requestId
    const rateLimited = await failure(() => v3.getEvent(id))
    expect(rateLimited).toEqual({
      name: 'TooManyRequestsError',
      statusCode: 429,
      errorCode: 'TooManyRequests',
    })
    expect(await failure(() => compat.getEvent(id))).toEqual(rateLimited)
    const failed = await failure(() => v3.getEvent(id))
    expect(failed.statusCode).toBe(500)
    expect(await failure(() => compat.getEvent(id))).toEqual(failed)
  })
})
