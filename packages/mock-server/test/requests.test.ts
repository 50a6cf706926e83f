import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import { request } from 'node:http'
import { call } from './helpers'

let server: MockServer
let eventId: string

beforeAll(async () => {
  server = await startMockServer({
    seed: 2,
    events: 40,
    visitors: 5,
    rateLimit: false,
    maxBodyBytes: 1024,
  })
  eventId = server.store.list()[0]!.event_id
})
afterAll(() => server.stop())

describe('request validation against the spec', () => {
  const cases: Array<{
    name: string
    path: string
    init?: RequestInit
    status: number
    code: string | RegExp
    message: RegExp
  }> = [
    {
      name: 'v4 limit above maximum',
      path: '/v4/events?limit=101',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /query parameter "limit".*<= 100/,
    },
    {
      name: 'v4 limit not an integer',
      path: '/v4/events?limit=ten',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"limit".*integer/,
    },
    {
      name: 'v4 boolean filter',
      path: '/v4/events?vpn=yes',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"vpn".*boolean/,
    },
    {
      name: 'v4 enum filter',
      path: '/v4/events?bot=evil',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"bot".*allowed values.*all, good, bad, none/,
    },
    {
      name: 'v4 array item enum',
      path: '/v4/events?bot_info_confidence=sure',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"bot_info_confidence"/,
    },
    {
      name: 'v4 start neither ms nor date-time',
      path: '/v4/events?start=yesterday',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"start"/,
    },
    {
      name: 'v4 scalar repeated',
      path: '/v4/events?limit=1&limit=2',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"limit".*repeated/,
    },
    {
      name: 'v4 total_hits range',
      path: '/v4/events?total_hits=0',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"total_hits"/,
    },
    {
      name: 'v4 bad ip_address',
      path: '/v4/events?ip_address=300.1.1.1',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"ip_address"/,
    },
    {
      name: 'v4 bad pagination_key',
      path: '/v4/events?pagination_key=garbage',
      status: 400,
      code: 'request_cannot_be_parsed',
      message: /"pagination_key"/,
    },
    {
      name: 'v3 search without required limit',
      path: '/events/search',
      status: 400,
      code: 'RequestCannotBeParsed',
      message: /query parameter "limit": is required/,
    },
    {
      name: 'v3 proximity_precision_radius enum',
      path: '/events/search?limit=1&proximity_precision_radius=11',
      status: 400,
      code: 'RequestCannotBeParsed',
      message: /"proximity_precision_radius"/,
    },
    {
      name: 'v3 visits negative limit',
      path: '/visitors/abc?limit=-1',
      status: 400,
      code: /^Bad Request/,
      message: /"limit".*>= 0/,
    },
    {
      name: 'v3 related without visitor_id',
      path: '/related-visitors',
      status: 400,
      code: 'RequestCannotBeParsed',
      message: /"visitor_id": is required/,
    },
  ]
  for (const c of cases) {
    it(`${c.name} -> ${c.status}`, async () => {
      const res = await call(server, c.path, c.init)
      expect(res.status).toBe(c.status)
      if (typeof res.body.error === 'string') {
        // v3 get visits answers with ErrorPlainResponse: the message is the whole error.
        expect(res.body.error).toMatch(c.code)
        expect(res.body.error).toMatch(c.message)
      } else {
        expect(res.body.error.code).toEqual(c.code)
        expect(res.body.error.message).toMatch(c.message)
      }
    })
  }

  it('ignores undeclared query parameters such as the SDKs’ ii', async () => {
    expect((await call(server, '/v4/events?limit=1&ii=some-sdk/1.0')).status).toBe(200)
  })

  it('accepts RFC 3339 start/end in v4', async () => {
    const e = server.store.list()[3]!
    const iso = new Date(e.timestamp).toISOString()
    const res = await call(server, `/v4/events?start=${iso}&end=${iso}`)
    expect(res.status).toBe(200)
    expect(res.body.events.map((x: { event_id: string }) => x.event_id)).toEqual([e.event_id])
  })

  it('filters by CIDR range', async () => {
    const e = server.store.list().find((x) => x.ip_address?.includes('.'))!
    const prefix = e.ip_address!.split('.').slice(0, 2).join('.')
    const res = await call(server, `/v4/events?limit=100&ip_address=${prefix}.0.0/16`)
    expect(res.status).toBe(200)
    const want = server.store.list().filter((x) => x.ip_address?.startsWith(`${prefix}.`))
    expect(res.body.events.map((x: { event_id: string }) => x.event_id)).toEqual(
      want.map((x) => x.event_id),
    )
  })

  it('rejects invalid update bodies with the body location', async () => {
    const wrongType = await call(server, `/v4/events/${eventId}`, {
      method: 'PATCH',
      body: JSON.stringify({ suspect: 'yes' }),
    })
    expect(wrongType.status).toBe(400)
    expect(wrongType.body.error.message).toMatch(/\/suspect must be boolean/)
    const notJson = await call(server, `/events/${eventId}`, { method: 'PUT', body: '{linkedId:' })
    expect(notJson.status).toBe(400)
    expect(notJson.body.error).toMatchObject({
      code: 'RequestCannotBeParsed',
      message: expect.stringMatching(/not valid JSON/),
    })
    const empty = await call(server, `/v4/events/${eventId}`, { method: 'PATCH' })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/body is required/)
  })

  it('answers 413 for an oversized body and keeps serving', async () => {
    const big = JSON.stringify({ tags: { blob: 'x'.repeat(5000) } })
    const res = await call(server, `/v4/events/${eventId}`, { method: 'PATCH', body: big })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    expect((await call(server, `/v4/events/${eventId}`)).status).toBe(200)
  })

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    expect((await call(server, '/v4/nothing-here')).status).toBe(404)
    const res = await call(server, `/v4/events/${eventId}`, { method: 'PUT', body: '{}' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toContain('PATCH')
  })

  it('validates a v3 webhook payload (the spec describes it as TRACE /webhook; POST carries the body)', async () => {
    const valid = {
      requestId: '1708102555327.NLOjmg',
      url: 'https://shop.example.com/',
      ip: '85.214.1.2',
      time: '2026-01-01T00:00:00Z',
      timestamp: 1767225600000,
      sdk: { platform: 'js', version: '3.11.14' },
    }
    expect(
      (await call(server, '/webhook', { method: 'POST', body: JSON.stringify(valid) })).status,
    ).toBe(200)
    const invalid = await call(server, '/webhook', {
      method: 'POST',
      body: JSON.stringify({ ...valid, timestamp: 'soon' }),
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.message).toMatch(/\/timestamp must be integer/)
    expect(await trace(server)).toBe(200)
  })
})

/** fetch refuses the TRACE method, so this one goes through node:http. */
function trace(server: MockServer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/webhook`,
      { method: 'TRACE', headers: { 'auth-api-key': server.apiKey } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end()
  })
}
