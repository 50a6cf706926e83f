import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import { call } from './helpers'

let server: MockServer
let eventId: string

beforeAll(async () => {
  server = await startMockServer({ events: 20, visitors: 4, rateLimit: false })
  eventId = server.store.list()[0]!.event_id
})
afterAll(() => server.stop())

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the per-key rate and keeps serving', async () => {
    // A frozen clock: no tokens come back while the burst is sent, whatever the machine's speed.
    let clock = Date.now()
    const limited = await startMockServer({
      events: 5,
      visitors: 2,
      rateLimit: { perSecond: 2, burst: 10 },
      now: () => clock,
    })
    try {
      const id = limited.store.list()[0]!.event_id
      const results = await Promise.all(
        Array.from({ length: 40 }, () => call(limited, `/v4/events/${id}`)),
      )
      expect(results.filter((r) => r.status === 200)).toHaveLength(10)
      const refused = results.filter((r) => r.status === 429)
      expect(refused).toHaveLength(30)
      for (const r of refused) {
        expect(r.body.error.code).toBe('too_many_requests')
        expect(r.headers.get('retry-after')).toBe('1')
      }
      // The bucket belongs to the key, so the v3 view of the same key is limited too.
      const v3 = await call(limited, `/visitors/${limited.store.visitorIds()[0]}`)
      expect(v3.status).toBe(429)
      expect(v3.body.error).toMatch(/^Too Many Requests \(HTTP 429\)/)
      // Another region's key is still answered (403), and time brings tokens back.
      expect((await call(limited, `/v4/events/${id}`, { key: limited.apiKeys.eu })).status).toBe(
        403,
      )
      clock += 1000
      expect((await call(limited, `/v4/events/${id}`)).status).toBe(200)
      expect(limited.contractViolations).toEqual([])
    } finally {
      await limited.stop()
    }
  })
})

describe('failure injection', () => {
  it('failNext makes the next N requests fail, then the server answers normally', async () => {
    server.resetRateLimits()
    server.faults.failNext(2, { status: 503 })
    expect(server.faults.pending).toBe(2)
    const a = await call(server, `/v4/events/${eventId}`)
    const b = await call(server, `/events/${eventId}`)
    expect(a).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } })
    expect(b).toMatchObject({ status: 503, body: { error: { code: 'Failed' } } })
    expect((await call(server, `/v4/events/${eventId}`)).status).toBe(200)
  })

  it('failNext can target one operation and version', async () => {
    server.resetRateLimits()
    server.faults.failNext(1, {
      status: 500,
      operationId: 'searchEvents',
      version: 'v4',
      message: 'boom',
    })
    expect((await call(server, `/v4/events/${eventId}`)).status).toBe(200)
    expect((await call(server, '/events/search?limit=1')).status).toBe(200)
    const hit = await call(server, '/v4/events?limit=1')
    expect(hit).toMatchObject({ status: 500, body: { error: { code: 'failed', message: 'boom' } } })
    expect(server.faults.pending).toBe(0)
  })

  it('dropNext closes the connection without an answer, and the next request works', async () => {
    server.resetRateLimits()
    server.faults.dropNext(1)
    await expect(
      fetch(`${server.v4BaseUrl}/events/${eventId}`, {
        headers: { authorization: `Bearer ${server.apiKey}` },
      }),
    ).rejects.toThrow()
    expect((await call(server, `/v4/events/${eventId}`)).status).toBe(200)
  })

  it('delayNext holds the answer back', async () => {
    server.resetRateLimits()
    server.faults.delayNext(1, 200)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 20)
    await expect(
      fetch(`${server.v4BaseUrl}/events/${eventId}`, {
        headers: { authorization: `Bearer ${server.apiKey}` },
        signal: controller.signal,
      }),
    ).rejects.toThrow()
    clearTimeout(timer)
    expect((await call(server, `/v4/events/${eventId}`)).status).toBe(200)
  })

  it('reset discards pending faults; bad arguments are TypeErrors', () => {
    server.faults.failNext(3)
    server.faults.reset()
    expect(server.faults.pending).toBe(0)
    expect(() => server.faults.failNext(0)).toThrow(TypeError)
    expect(() => server.faults.failNext(1, { status: 200 })).toThrow(/options\.status/)
    expect(() => server.faults.dropNext(-1)).toThrow(TypeError)
    expect(() => server.faults.delayNext(1, -5)).toThrow(TypeError)
  })

  it('409 StateNotReady for young events, configurable through stateNotReadyMs', async () => {
    server.resetRateLimits()
    let clock = Date.now()
    const timed = await startMockServer({
      events: 5,
      visitors: 2,
      stateNotReadyMs: 5000,
      now: () => clock,
    })
    try {
      const fresh = timed.store.create({ visitorId: timed.store.visitorIds()[0] })
      const body = JSON.stringify({ linked_id: 'later' })
      const early = await call(timed, `/v4/events/${fresh.event_id}`, { method: 'PATCH', body })
      expect(early).toMatchObject({ status: 409, body: { error: { code: 'state_not_ready' } } })
      const earlyV3 = await call(timed, `/events/${fresh.event_id}`, {
        method: 'PUT',
        body: JSON.stringify({ linkedId: 'later' }),
      })
      expect(earlyV3).toMatchObject({ status: 409, body: { error: { code: 'StateNotReady' } } })
      clock += 5000
      expect(
        (await call(timed, `/v4/events/${fresh.event_id}`, { method: 'PATCH', body })).status,
      ).toBe(200)
      expect(timed.store.get(fresh.event_id)!.linked_id).toBe('later')
      // Seeded events are old enough from the start.
      const seeded = timed.store.list()[1]!
      expect(
        (await call(timed, `/v4/events/${seeded.event_id}`, { method: 'PATCH', body })).status,
      ).toBe(200)
    } finally {
      await timed.stop()
    }
  })
})
