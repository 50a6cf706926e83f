import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createV3CompatClient } from '@fpapi/server-api-v4/migrate'
import { RequestError, SdkError } from '@fpapi/server-api-v4'
import { fakeFetch } from './fake-fetch'

const KEY = 'sk_live_compat_echo_0123456789'
const event = (n: number) => ({ event_id: `e${n}`, timestamp: 1_700_000_000_000 + n })

describe('v3 compat errors keep what the v4 client redacted', () => {
  // The v3-shaped error used to be rebuilt from the raw response: a key echoed in a response header
  // or in the status text came back into `headers`, `errorCode` and the message, and `rawBody`,
  // `requestId` and `request` were lost.
  it.each([
    {
      kind: 'an API error',
      status: 403,
      body: { error: { code: 'feature_not_enabled', message: 'x' } },
    },
    { kind: 'a proxy page', status: 502, body: '<html>bad gateway</html>' },
    {
      kind: 'a rate limit',
      status: 429,
      body: { error: { code: 'too_many_requests', message: 'x' } },
    },
  ])('$kind with the key echoed in headers and status text', async ({ status, body }) => {
    const { fetch } = fakeFetch(() => ({
      status,
      body,
      statusText: `Echo ${KEY}`,
      headers: { 'x-echo': `Bearer ${KEY}`, 'x-request-id': 'req-1' },
    }))
    const client = createV3CompatClient({ apiKey: KEY, fetch, retries: false })
    for (const call of [() => client.getEvent('r1'), () => client.getVisits('v1')]) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e as RequestError,
      )
      expect(error).toBeInstanceOf(RequestError)
      expect(error?.statusCode).toBe(status)
      const printed = [
        JSON.stringify(error),
        String(error?.message),
        String(error?.stack),
        inspect(error, { depth: Infinity }),
      ].join('\n')
      expect(printed).not.toContain(KEY)
      expect(error?.headers['x-echo']).toBe('Bearer [REDACTED]')
      expect(error?.requestId).toBe('req-1')
      expect(error?.rawBody).toBe(typeof body === 'string' ? body : JSON.stringify(body))
      expect(error?.request?.method).toBe('GET')
    }
  })
})

describe('v3 compat pagination over hostile pages', () => {
  // A null or '' cursor used to be sent back as no cursor, reading the first page again and again
  // until `limit` events (duplicates) were collected; a repeated cursor did the same.
  it.each([{ next: null }, { next: '' }])(
    'a pagination_key of $next ends the walk',
    async ({ next }) => {
      const { fetch, calls } = fakeFetch(() => ({
        body: { events: [event(1)], pagination_key: next },
      }))
      const client = createV3CompatClient({ apiKey: KEY, fetch, retries: false })
      const found = await client.searchEvents({ limit: 5 })
      expect(found.events).toHaveLength(1)
      expect(found.paginationKey).toBeUndefined()
      const visits = await client.getVisits('v1', { limit: 5 })
      expect(visits.visits).toHaveLength(1)
      expect(visits.paginationKey).toBeUndefined()
      expect(calls).toHaveLength(2)
    },
  )

  it('a cursor the server returned before: SdkError instead of the same events again', async () => {
    let n = 0
    const { fetch, calls } = fakeFetch(() => ({
      body: { events: [event(++n)], pagination_key: 'same' },
    }))
    const client = createV3CompatClient({ apiKey: KEY, fetch, retries: false })
    await expect(client.searchEvents({ limit: 10 })).rejects.toThrow(
      new SdkError('Pagination stopped: the server returned a cursor it had returned before'),
    )
    expect(calls).toHaveLength(2)
  })

  it.each([{ events: null }, { events: 'abc' }, { events: { 0: event(1) } }])(
    'a page whose events are $events: SdkError about the server, not a TypeError',
    async (body) => {
      const { fetch } = fakeFetch(() => ({ body }))
      const client = createV3CompatClient({ apiKey: KEY, fetch, retries: false })
      for (const call of [() => client.searchEvents({ limit: 5 }), () => client.getVisits('v')]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(error).toBeInstanceOf(SdkError)
        expect((error as Error).message).toMatch(/^Unexpected page from the server/)
      }
    },
  )

  it('a page without events has none', async () => {
    const { fetch } = fakeFetch(() => ({ body: {} }))
    const client = createV3CompatClient({ apiKey: KEY, fetch, retries: false })
    expect((await client.searchEvents({ limit: 5 })).events).toEqual([])
  })
})
