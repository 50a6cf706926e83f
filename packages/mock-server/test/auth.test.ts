import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'

let server: MockServer
let eventId: string
let visitorId: string

beforeAll(async () => {
  server = await startMockServer({
    events: 10,
    visitors: 3,
    region: 'eu',
    keys: { eu: ['eu-key-1', 'eu-key-2'], us: 'us-key' },
  })
  eventId = server.store.list()[0]!.event_id
  visitorId = server.store.visitorIds()[0]!
})
afterAll(() => server.stop())

async function send(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers })
  return {
    status: res.status,
    body: (await res.json()) as { error: { code: string; message: string } | string },
  }
}

describe('authentication like the real API', () => {
  it('reports the configured keys, one per region', () => {
    expect(server.region).toBe('eu')
    expect(server.apiKey).toBe('eu-key-1')
    expect({ ...server.apiKeys }).toEqual({ us: 'us-key', eu: 'eu-key-1', ap: 'mock-secret-ap' })
  })

  const v4: Array<{ name: string; headers: Record<string, string>; code: string }> = [
    { name: 'no Authorization header', headers: {}, code: 'secret_api_key_required' },
    {
      name: 'not a Bearer header',
      headers: { authorization: 'Basic abc' },
      code: 'secret_api_key_required',
    },
    {
      name: 'v3 header sent to v4',
      headers: { 'auth-api-key': 'eu-key-1' },
      code: 'secret_api_key_required',
    },
    {
      name: 'unknown key',
      headers: { authorization: 'Bearer nope' },
      code: 'secret_api_key_not_found',
    },
    {
      name: 'key of the us region',
      headers: { authorization: 'Bearer us-key' },
      code: 'wrong_region',
    },
    {
      name: 'key of the ap region',
      headers: { authorization: 'Bearer mock-secret-ap' },
      code: 'wrong_region',
    },
  ]
  for (const c of v4) {
    it(`v4: ${c.name} -> 403 ${c.code}`, async () => {
      const res = await send(`/v4/events/${eventId}`, c.headers)
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ error: { code: c.code } })
    })
  }

  const v3: Array<{ name: string; path: string; headers: Record<string, string>; code: string }> = [
    { name: 'no key', path: `/events/${eventId}`, headers: {}, code: 'TokenRequired' },
    {
      name: 'empty header',
      path: `/events/${eventId}`,
      headers: { 'auth-api-key': ' ' },
      code: 'TokenRequired',
    },
    {
      name: 'unknown header key',
      path: `/events/${eventId}`,
      headers: { 'auth-api-key': 'nope' },
      code: 'TokenNotFound',
    },
    {
      name: 'unknown query key',
      path: `/events/${eventId}?api_key=nope`,
      headers: {},
      code: 'TokenNotFound',
    },
    {
      name: 'wrong region',
      path: `/events/${eventId}?api_key=us-key`,
      headers: {},
      code: 'WrongRegion',
    },
  ]
  for (const c of v3) {
    it(`v3: ${c.name} -> 403 ${c.code}`, async () => {
      const res = await send(c.path, c.headers)
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ error: { code: c.code } })
    })
  }

  it('v3 visits answers auth failures in its plain error format', async () => {
    const res = await send(`/visitors/${visitorId}?api_key=us-key`)
    expect(res.status).toBe(403)
    expect(res.body.error).toMatch(/^Forbidden \(HTTP 403\): .*"eu" region/)
  })

  it('accepts every configured key of the region, by header or query', async () => {
    expect((await send(`/v4/events/${eventId}`, { authorization: 'Bearer eu-key-2' })).status).toBe(
      200,
    )
    expect((await send(`/events/${eventId}`, { 'auth-api-key': 'eu-key-1' })).status).toBe(200)
    expect((await send(`/events/${eventId}?api_key=eu-key-2`)).status).toBe(200)
  })

  it('never echoes a key in an error message', async () => {
    const res = await send(`/v4/events/${eventId}`, { authorization: 'Bearer us-key' })
    expect(JSON.stringify(res.body)).not.toContain('us-key')
  })

  it('rejects bad key configuration before listening', async () => {
    await expect(startMockServer({ keys: { us: [] } })).rejects.toThrow(/options\.keys\.us/)
    await expect(startMockServer({ keys: { us: 'same', eu: 'same' } })).rejects.toThrow(TypeError)
    await expect(startMockServer({ region: 'mars' as 'us' })).rejects.toThrow(/options\.region/)
    await expect(startMockServer({ port: 70000 })).rejects.toThrow(/options\.port/)
  })
})

describe('keys stay out of logs', () => {
  it('are readable but not enumerable on the server object', async () => {
    const { inspect } = await import('node:util')
    expect(server.apiKeys.eu).toBe('eu-key-1')
    expect(Object.keys(server)).not.toContain('apiKey')
    const printed = `${JSON.stringify(server)} ${inspect(server, { depth: 4 })}`
    for (const key of ['eu-key-1', 'eu-key-2', 'us-key', 'mock-secret-ap'])
      expect(printed).not.toContain(key)
  })
})
