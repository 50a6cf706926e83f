import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import { call } from './helpers'

// Drives every operation of both versions over the whole seeded store, successes and errors,
// and relies on strict mode: any response that does not match the spec would be recorded.
let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ seed: 99, visitors: 12, events: 150, rateLimit: false })
})
afterAll(() => server.stop())

describe('every response of every operation matches the spec', () => {
  it('get, search, history and related visitors over all seeded data', async () => {
    const paths: string[] = []
    for (const e of server.store.list()) {
      paths.push(
        `/v4/events/${e.event_id}`,
        `/v4/events/${e.event_id}?ruleset_id=rs_mock_default`,
        `/events/${e.event_id}`,
      )
    }
    for (const visitor of server.store.visitorIds()) {
      paths.push(
        `/visitors/${visitor}?limit=500`,
        `/visitors/${visitor}?limit=3`,
        `/related-visitors?visitor_id=${visitor}`,
        `/v4/events?visitor_id=${visitor}&limit=100&total_hits=100`,
      )
    }
    const statuses = new Set<number>()
    // Ten at a time: quick, without flooding a busy machine.
    for (let i = 0; i < paths.length; i += 10) {
      const answers = await Promise.all(paths.slice(i, i + 10).map((p) => call(server, p)))
      for (const a of answers) statuses.add(a.status)
    }
    statuses.add((await call(server, '/events/search?limit=1000')).status)
    statuses.add((await call(server, '/v4/events?limit=100&reverse=true')).status)
    expect([...statuses]).toEqual([200])
    expect(server.contractViolations).toEqual([])
  }, 60_000)

  it('error answers of every kind', async () => {
    const id = server.store.list()[0]!.event_id
    const visitor = server.store.visitorIds()[0]!
    const fresh = server.store.create({ visitorId: visitor })
    const answers = [
      await call(server, '/v4/events/unknown.000000'),
      await call(server, '/events/unknown.000000'),
      await call(server, `/v4/events/${id}`, { key: null }),
      await call(server, `/events/${id}`, { key: 'nope' }),
      await call(server, `/visitors/${visitor}`, { key: server.apiKeys.ap }),
      await call(server, '/v4/events?limit=0'),
      await call(server, '/events/search'),
      await call(server, '/visitors/x?limit=x'),
      await call(server, '/related-visitors?visitor_id=nobody'),
      await call(server, `/v4/events/${fresh.event_id}`, { method: 'PATCH', body: '{}' }),
      await call(server, `/events/${fresh.event_id}`, { method: 'PUT', body: '{}' }),
      await call(server, '/v4/visitors/nobody', { method: 'DELETE' }),
      await call(server, '/visitors/nobody', { method: 'DELETE' }),
    ]
    expect(answers.map((a) => a.status)).toEqual([
      404, 404, 403, 403, 403, 400, 400, 400, 404, 409, 409, 404, 404,
    ])
    server.faults.failNext(1, { status: 502 })
    server.faults.failNext(1, { status: 504, operationId: 'getVisits' })
    expect((await call(server, `/events/${id}`)).status).toBe(502)
    expect((await call(server, `/visitors/${visitor}`)).status).toBe(504)
    expect(server.contractViolations).toEqual([])
  })
})
