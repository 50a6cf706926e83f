/// <reference types="node" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  FingerprintServerApiClient,
  ServerApiError,
  TooManyRequestsError,
} from '@fpapi/server-api-v4'
import { json, startServer } from '../../../scripts/test/helpers/http-server'
import { sampleEvent } from './helpers'

type Server = Awaited<ReturnType<typeof startServer>>
let server: Server
let rateLimited = 0

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.target.split('?')[0] ?? ''
    if (req.headers.authorization !== 'Bearer integration-key') {
      return json(res, 403, { error: { code: 'secret_api_key_required', message: 'Forbidden' } })
    }
    if (path.startsWith('/v4/limited')) {
      rateLimited++
      return json(
        res,
        429,
        { error: { code: 'too_many_requests', message: 'slow down' } },
        { 'retry-after': '0' },
      )
    }
    if (req.method === 'GET' && path === '/v4/events') {
      return json(res, 200, { events: [sampleEvent('a'), sampleEvent('b')] })
    }
    if (req.method === 'GET' && path.startsWith('/v4/events/')) {
      const id = decodeURIComponent(path.slice('/v4/events/'.length))
      if (id === 'missing')
        return json(res, 404, { error: { code: 'event_not_found', message: 'Event not found' } })
      return json(res, 200, sampleEvent(id))
    }
    if (req.method === 'PATCH' && path.startsWith('/v4/events/')) return json(res, 200, {})
    if (req.method === 'DELETE' && path.startsWith('/v4/visitors/')) return json(res, 200, {})
    json(res, 404, { error: { code: 'failed', message: `no route ${req.method} ${req.target}` } })
  })
})

afterAll(async () => {
  await server.close()
})

const makeClient = () =>
  new FingerprintServerApiClient({
    apiKey: 'integration-key',
    baseUrl: `${server.origin}/v4`,
    retries: { max: 2, baseDelayMs: 1, maxDelayMs: 5 },
  })

describe('over real HTTP on 127.0.0.1', () => {
  test.each([
    { id: '../visitors/x', target: '/v4/events/..%2Fvisitors%2Fx' },
    { id: 'a/b', target: '/v4/events/a%2Fb' },
    { id: 'a?b=c', target: '/v4/events/a%3Fb%3Dc' },
    { id: '%2e%2e', target: '/v4/events/%252e%252e' },
    { id: '%2e%2e/%2e%2e/admin', target: '/v4/events/%252e%252e%2F%252e%252e%2Fadmin' },
    { id: 'a#frag', target: '/v4/events/a%23frag' },
    { id: 'a b+c', target: '/v4/events/a%20b%2Bc' },
    { id: '...', target: '/v4/events/...' },
  ])('getEvent($id) keeps the id in one path segment: $target', async ({ id, target }) => {
    const before = server.received.length
    const event = await makeClient().getEvent(id)
    expect(event.event_id).toBe(id)
    expect(server.received[before]?.target).toBe(target)
  })

  test('deleteVisitorData encodes too, and the request line has no query', async () => {
    const before = server.received.length
    await makeClient().deleteVisitorData('../../events?x=1')
    expect(server.received[before]).toMatchObject({
      method: 'DELETE',
      target: '/v4/visitors/..%2F..%2Fevents%3Fx%3D1',
    })
  })

  test('searchEvents sends arrays as repeated keys and Accept: application/json', async () => {
    const before = server.received.length
    const page = await makeClient().searchEvents({
      environment: ['e1', 'e2'],
      limit: 2,
      reverse: true,
    })
    expect(page.events.map((e) => e.event_id)).toEqual(['a', 'b'])
    const r = server.received[before]
    expect(r?.target).toBe('/v4/events?environment=e1&environment=e2&limit=2&reverse=true')
    expect(r?.headers.accept).toBe('application/json')
    expect(r?.headers['user-agent']).toMatch(/^fpapi-server-api-v4\//)
  })

  test('updateEvent sends JSON with Content-Type: application/json', async () => {
    const before = server.received.length
    await makeClient().updateEvent('ev', { linked_id: 'order-1', suspect: true })
    const r = server.received[before]
    expect(r).toMatchObject({
      method: 'PATCH',
      target: '/v4/events/ev',
      body: '{"linked_id":"order-1","suspect":true}',
    })
    expect(r?.headers['content-type']).toBe('application/json')
  })

  test('API errors arrive typed', async () => {
    const error = await makeClient()
      .getEvent('missing')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerApiError)
    expect(error).toMatchObject({ statusCode: 404, errorCode: 'event_not_found' })
  })

  test('429 is retried with Retry-After, then surfaces as TooManyRequestsError', async () => {
    const client = makeClient()
    rateLimited = 0
    const { response } = await client.raw.GET('/events/{event_id}', {
      params: { path: { event_id: 'x' } },
      baseUrl: `${server.origin}/v4/limited`,
    })
    expect(response.status).toBe(429)
    expect(rateLimited).toBe(3)
    const limited = new FingerprintServerApiClient({
      apiKey: 'integration-key',
      baseUrl: `${server.origin}/v4/limited`,
      retries: { max: 1, baseDelayMs: 1 },
    })
    const error = await limited.getEvent('x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error).toMatchObject({ retryAfter: 0, errorCode: 'too_many_requests' })
  })

  test('iterateEvents over HTTP', async () => {
    const ids: string[] = []
    for await (const e of makeClient().iterateEvents({ visitor_id: 'v' })) ids.push(e.event_id)
    expect(ids).toEqual(['a', 'b'])
  })
})
