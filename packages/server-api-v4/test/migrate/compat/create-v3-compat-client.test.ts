import {
  RequestError as V3RequestError,
  TooManyRequestsError as V3TooManyRequestsError,
} from '@fpapi/server-api-v3'
import { RequestError, SdkError, TooManyRequestsError } from '@fpapi/server-api-v4'
import { createV3CompatClient, toV3Event, toV3Visit } from '@fpapi/server-api-v4/migrate'
import type { V4ClientLike } from '@fpapi/server-api-v4/migrate'
import { describe, expect, it, vi } from 'vitest'
import { androidEvent, fullBrowserEvent, minimalEvent } from '../fixtures/v4-events'
import { fakeFetch } from './fake-fetch'

const NOW = 1_763_000_000_000
const DAY = 86_400_000
const SECRET = 'compat-secret-key-123'

function setup(
  replies: Parameters<typeof fakeFetch>[0],
  extra: Parameters<typeof createV3CompatClient>[1] = {},
) {
  const { fetch, calls } = fakeFetch(replies)
  const client = createV3CompatClient(
    { apiKey: SECRET, region: 'EU', fetch, retries: false },
    { now: () => NOW, ...extra },
  )
  return { client, calls }
}

const apiError = (status: number, code: string, message = `${code} happened`) => ({
  status,
  body: { error: { code, message } },
})

describe('createV3CompatClient', () => {
  it('getEvent(requestId) calls v4 with a Bearer key and returns the v3 shape', async () => {
    const { client, calls } = setup([{ body: fullBrowserEvent }])
    const event = await client.getEvent(fullBrowserEvent.event_id)
    expect(event).toEqual(toV3Event(fullBrowserEvent))
    expect(event.products.identification?.data?.visitorId).toBe('Vb7kT0cWq2LrN5aZ1yHd')
    expect(calls[0]!.method).toBe('GET')
    expect(calls[0]!.url.href).toBe(`https://eu.api.fpjs.io/v4/events/${fullBrowserEvent.event_id}`)
    expect(calls[0]!.headers.get('authorization')).toBe(`Bearer ${SECRET}`)
  })

  it('updateEvent(body, requestId) sends the v4 PATCH with renamed keys', async () => {
    const { client, calls } = setup([{ status: 200 }])
    await client.updateEvent({ linkedId: 'o-1', tag: { a: 1 }, suspect: true }, 'req-1')
    expect(calls[0]!.method).toBe('PATCH')
    expect(calls[0]!.url.pathname).toBe('/v4/events/req-1')
    expect(calls[0]!.body).toEqual({ linked_id: 'o-1', tags: { a: 1 }, suspect: true })
  })

  it('deleteVisitorData(visitorId) calls DELETE /v4/visitors/{id}', async () => {
    const { client, calls } = setup([{ status: 200 }])
    await client.deleteVisitorData('vis-1')
    expect(`${calls[0]!.method} ${calls[0]!.url.pathname}`).toBe('DELETE /v4/visitors/vis-1')
  })

  it('searchEvents keeps exclusive bounds, converts events and returns the v4 key as paginationKey', async () => {
    const { client, calls } = setup([
      { body: { events: [fullBrowserEvent, androidEvent], pagination_key: 'k1' } },
    ])
    const page = await client.searchEvents({
      limit: 2,
      bot: 'bad',
      start: 1000,
      end: 5000,
      environment: ['e1', 'e2'],
    })
    expect(page).toEqual({
      events: [toV3Event(fullBrowserEvent), toV3Event(androidEvent)],
      paginationKey: 'k1',
    })
    const q = calls[0]!.url.searchParams
    expect(Object.fromEntries(q)).toMatchObject({
      limit: '2',
      bot: 'bad',
      start: '1001',
      end: '4999',
    })
    expect(q.getAll('environment')).toEqual(['e1', 'e2'])
  })

  it('searchEvents with limit above 100 reads several v4 pages', async () => {
    const many = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...minimalEvent,
        event_id: `${from + i}.abcdef`,
        timestamp: from + i,
      }))
    const { client, calls } = setup([
      { body: { events: many(100, 1), pagination_key: 'p1' } },
      { body: { events: many(50, 101), pagination_key: 'p2' } },
    ])
    const page = await client.searchEvents({ limit: 150 })
    expect(page.events).toHaveLength(150)
    expect(page.paginationKey).toBe('p2')
    expect(
      calls.map((c) => [c.url.searchParams.get('limit'), c.url.searchParams.get('pagination_key')]),
    ).toEqual([
      ['100', null],
      ['50', 'p1'],
    ])
  })

  it('searchEvents rejects a removed filter before any request, or drops it when asked (open question 11)', async () => {
    const strict = setup([])
    await expect(strict.client.searchEvents({ limit: 1, datacenter: true })).rejects.toThrow(
      /filter\.datacenter is not supported by Server API v4/,
    )
    expect(strict.calls).toHaveLength(0)
    const onWarning = vi.fn()
    const lenient = setup([{ body: { events: [] } }], { dropUnsupportedFilters: true, onWarning })
    expect(await lenient.client.searchEvents({ limit: 1, datacenter: true })).toEqual({
      events: [],
    })
    expect(lenient.calls[0]!.url.searchParams.has('datacenter')).toBe(false)
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('filter.datacenter dropped'))
  })

  describe('getVisits (emulated with v4 search)', () => {
    it('searches by visitor_id from now - 365 days, newest first, 100 visits by default (open question 10)', async () => {
      const { client, calls } = setup([{ body: { events: [fullBrowserEvent] } }])
      const res = await client.getVisits('Vb7kT0cWq2LrN5aZ1yHd')
      expect(res).toEqual({
        visitorId: 'Vb7kT0cWq2LrN5aZ1yHd',
        visits: [toV3Visit(fullBrowserEvent)],
      })
      expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
        visitor_id: 'Vb7kT0cWq2LrN5aZ1yHd',
        start: String(NOW - 365 * DAY),
        limit: '100',
      })
    })

    it('maps linked_id, before (exclusive) and paginationKey, and returns lastTimestamp and the next key', async () => {
      const { client, calls } = setup(
        [{ body: { events: [fullBrowserEvent], pagination_key: 'next-1' } }],
        {
          visitsLookbackMs: 30 * DAY,
        },
      )
      const res = await client.getVisits('v', {
        linked_id: 'L',
        before: 5000,
        paginationKey: 'prev',
        limit: 1,
      })
      expect(res.paginationKey).toBe('next-1')
      expect(res.lastTimestamp).toBe(1762781134552)
      expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
        visitor_id: 'v',
        linked_id: 'L',
        end: '4999',
        pagination_key: 'prev',
        start: String(NOW - 30 * DAY),
        limit: '1',
      })
    })

    it('serves request_id with getEvent and keeps it only for the same visitor', async () => {
      const same = setup([{ body: fullBrowserEvent }])
      expect(
        (await same.client.getVisits('Vb7kT0cWq2LrN5aZ1yHd', { request_id: 'r' })).visits,
      ).toHaveLength(1)
      expect(same.calls[0]!.url.pathname).toBe('/v4/events/r')
      const other = setup([{ body: fullBrowserEvent }])
      expect(await other.client.getVisits('someone-else', { request_id: 'r' })).toEqual({
        visitorId: 'someone-else',
        visits: [],
      })
      const missing = setup([apiError(404, 'event_not_found')])
      expect((await missing.client.getVisits('v', { request_id: 'r' })).visits).toEqual([])
    })

    it('answers an unknown visitor (v4 404) with no visits, as v3 did (open question 10)', async () => {
      const { client } = setup([apiError(404, 'visitor_not_found')])
      expect(await client.getVisits('nobody')).toEqual({ visitorId: 'nobody', visits: [] })
    })

    it('limit 0 asks nothing; limits outside 0..500 are a TypeError', async () => {
      const { client, calls } = setup([])
      expect(await client.getVisits('v', { limit: 0 })).toEqual({ visitorId: 'v', visits: [] })
      await expect(client.getVisits('v', { limit: 501 })).rejects.toThrow(TypeError)
      await expect(client.getVisits('', {})).rejects.toThrow('visitorId must be a non-empty string')
      expect(calls).toHaveLength(0)
    })

    it('getVisitorHistory is the same call', async () => {
      const { client } = setup([{ body: { events: [] } }])
      expect(await client.getVisitorHistory('v')).toEqual({ visitorId: 'v', visits: [] })
    })

    it('throws v3 plain-body errors', async () => {
      const { client } = setup([
        { ...apiError(403, 'secret_api_key_not_found', 'bad key'), statusText: 'Forbidden' },
      ])
      const error = await client.getVisits('v').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RequestError)
      expect(error).toMatchObject({
        statusCode: 403,
        errorCode: 'Forbidden',
        responseBody: { error: 'bad key' },
      })
    })
  })

  describe('errors', () => {
    it.each([
      [404, 'event_not_found', 'RequestNotFound'],
      [403, 'secret_api_key_required', 'TokenRequired'],
      [400, 'request_cannot_be_parsed', 'RequestCannotBeParsed'],
      [500, 'failed', 'Failed'],
      [503, 'service_unavailable', 'Failed'],
    ])('%i %s becomes a v3 RequestError with code %s', async (status, v4Code, v3Code) => {
      const { client } = setup([apiError(status, v4Code, 'what happened')])
      const error = await client.getEvent('r').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RequestError)
      expect(error).toBeInstanceOf(V3RequestError)
      expect(error).toMatchObject({
        statusCode: status,
        errorCode: v3Code,
        message: 'what happened',
        responseBody: { error: { code: v3Code, message: 'what happened' } },
      })
      expect((error as Error).cause).toMatchObject({ errorCode: v4Code })
    })

    it('429 becomes a TooManyRequestsError with the v3 code', async () => {
      const { client } = setup([apiError(429, 'too_many_requests')])
      const error = await client.updateEvent({ suspect: true }, 'r').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TooManyRequestsError)
      expect(error).toBeInstanceOf(V3TooManyRequestsError)
      expect(error).toMatchObject({ statusCode: 429, errorCode: 'TooManyRequests', retryAfter: 0 })
    })

    it('a non-API body (proxy page) stays an unknown RequestError', async () => {
      const { client } = setup([
        { status: 502, statusText: 'Bad Gateway', body: '<html>oops</html>' },
      ])
      const error = await client.getEvent('r').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RequestError)
      expect(error).toMatchObject({ statusCode: 502, errorCode: 'Bad Gateway' })
    })

    it('builds errors with the classes given, e.g. those of the official v3 SDK', async () => {
      class OfficialRequestError extends Error {
        constructor(
          message: string,
          readonly responseBody: unknown,
          readonly statusCode: number,
          readonly errorCode: string,
        ) {
          super(message)
        }
      }
      const { client } = setup([apiError(404, 'event_not_found')], {
        errorClasses: { RequestError: OfficialRequestError },
      })
      const error = await client.getEvent('r').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(OfficialRequestError)
      expect(error).toMatchObject({ statusCode: 404, errorCode: 'RequestNotFound' })
    })

    it('bad arguments are a TypeError before any request', async () => {
      const { client, calls } = setup([])
      await expect(client.getEvent('')).rejects.toThrow(TypeError)
      await expect(client.updateEvent({ linked_id: 'x' } as never, 'r')).rejects.toThrow(
        /body.linked_id/,
      )
      await expect(client.updateEvent({}, '')).rejects.toThrow(
        'requestId must be a non-empty string',
      )
      await expect(client.searchEvents({} as never)).rejects.toThrow(/filter.limit/)
      expect(calls).toHaveLength(0)
    })

    it('never shows the API key in errors', async () => {
      const { client } = setup([apiError(403, 'secret_api_key_not_found')])
      const error = await client.getEvent('r').catch((e: unknown) => e)
      expect(JSON.stringify(error)).not.toContain(SECRET)
      expect(String((error as Error).message)).not.toContain(SECRET)
    })
  })

  describe('iterators (as in @fpapi/server-api-v3)', () => {
    const event = (i: number) => ({
      ...minimalEvent,
      event_id: `${1000 + i}.abcdef`,
      timestamp: 1000 + i,
    })

    it('iterateEvents walks every page lazily and stops at maxItems', async () => {
      const { client, calls } = setup([
        { body: { events: [event(1), event(2)], pagination_key: 'p1' } },
        { body: { events: [event(3), event(4)], pagination_key: 'p2' } },
      ])
      const ids: string[] = []
      for await (const e of client.iterateEvents({ limit: 2 }, { maxItems: 3 })) {
        ids.push(e.products.identification!.data!.requestId)
      }
      expect(ids).toEqual(['1001.abcdef', '1002.abcdef', '1003.abcdef'])
      expect(calls.map((c) => c.url.searchParams.get('pagination_key'))).toEqual([null, 'p1'])
    })

    it('iterateEvents().pages() yields whole v3 pages until the last one', async () => {
      const { client } = setup([
        { body: { events: [event(1)], pagination_key: 'p1' } },
        { body: { events: [event(2)] } },
      ])
      const pages = []
      for await (const page of client.iterateEvents({ limit: 1 }).pages()) pages.push(page)
      expect(pages.map((p) => [p.events?.length, p.paginationKey])).toEqual([
        [1, 'p1'],
        [1, undefined],
      ])
    })

    it('iterateVisits walks the emulated history', async () => {
      const { client, calls } = setup([
        { body: { events: [event(1)], pagination_key: 'k' } },
        { body: { events: [event(2)] } },
      ])
      const visits = []
      for await (const v of client.iterateVisits('vis', { limit: 1 })) visits.push(v.requestId)
      expect(visits).toEqual(['1001.abcdef', '1002.abcdef'])
      expect(calls[1]!.url.searchParams.get('pagination_key')).toBe('k')
    })

    it('checks arguments when called, before any request', () => {
      const { client, calls } = setup([])
      expect(() => client.iterateVisits('')).toThrow(TypeError)
      expect(() => client.iterateVisits('v', { limit: 0 })).toThrow('filter.limit must be positive')
      expect(() => client.iterateEvents({ limit: 1 }, { maxItems: 0 })).toThrow('options.maxItems')
      expect(calls).toHaveLength(0)
    })

    it('works when the method is taken off the client', async () => {
      const { client } = setup([{ body: { events: [] } }])
      const { iterateEvents } = client
      const all = []
      for await (const e of iterateEvents({ limit: 5 })) all.push(e)
      expect(all).toEqual([])
    })
  })

  it('getRelatedVisitors rejects with an SdkError saying what to do', async () => {
    const { client, calls } = setup([])
    const error = await client.getRelatedVisitors({ visitor_id: 'v' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toMatch(/removed.*Remove the call/s)
    expect(calls).toHaveLength(0)
  })

  it('ignores authenticationMode, warning when it asked for the query parameter (open question 18)', async () => {
    const onWarning = vi.fn()
    const { fetch, calls } = fakeFetch([{ body: minimalEvent }])
    const client = createV3CompatClient(
      { apiKey: SECRET, authenticationMode: 'QueryParameter', fetch, retries: false },
      { onWarning },
    )
    await client.getEvent('r')
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('Authorization: Bearer'))
    expect(calls[0]!.url.search).not.toContain(SECRET)
    expect(calls[0]!.url.origin).toBe('https://api.fpjs.io')
  })

  it('works on any object with the four v4 methods', async () => {
    const fake: V4ClientLike = {
      getEvent: async (id) => ({ ...minimalEvent, event_id: id }),
      updateEvent: async () => {},
      searchEvents: async () => ({ events: [] }),
      deleteVisitorData: async () => {},
    }
    const client = createV3CompatClient(fake)
    expect((await client.getEvent('abc')).products.identification?.data?.requestId).toBe('abc')
  })

  it('rejects what is neither a client nor options', () => {
    expect(() => createV3CompatClient(null as never)).toThrow(TypeError)
    expect(() => createV3CompatClient({} as never)).toThrow(TypeError)
    expect(() => createV3CompatClient(fakeFetch([]) as never, { visitsLookbackMs: -1 })).toThrow(
      TypeError,
    )
  })
})
