/**
 * Regressions found by the differential test against the official v6 SDK (differential.test.ts),
 * checked here with an injected fetch.
 */
import { describe, expect, test } from 'vitest'
import {
  FingerprintJsServerApiClient,
  RequestError,
  SdkError,
  ServerApiError,
  TooManyRequestsError,
} from '../src/index'
import { createFakeFetch } from './helpers/fake-fetch'

const page = { visitorId: 'v', visits: [] }

function client(...answers: Parameters<typeof createFakeFetch>) {
  const fake = createFakeFetch(...answers)
  return {
    calls: fake.calls,
    client: new FingerprintJsServerApiClient({
      apiKey: 'k-123456',
      fetch: fake.fetch,
      retries: false,
    }),
  }
}

describe('null filter values mean "not given", as in the official SDK', () => {
  test('searchEvents: null values and null environment items are left out', async () => {
    const { client: c, calls } = client({ json: { events: [] } })
    await c.searchEvents({
      limit: 2,
      pagination_key: null,
      start: null,
      end: null,
      bot: null,
      environment: [null, 'e 1', undefined],
    } as never)
    expect(calls[0]!.url).toBe('https://api.fpjs.io/events/search?limit=2&environment=e%201')
    await c.searchEvents({ limit: 2, environment: null } as never)
    expect(calls[1]!.url).toBe('https://api.fpjs.io/events/search?limit=2')
  })

  test('getVisits: null values are left out', async () => {
    const { client: c, calls } = client({ json: page })
    await c.getVisits('v', {
      limit: null,
      before: null,
      paginationKey: null,
      request_id: null,
      linked_id: null,
    } as never)
    expect(calls[0]!.url).toBe('https://api.fpjs.io/visitors/v')
  })

  test('wrong types are still a TypeError naming the filter', async () => {
    const { client: c, calls } = client({ json: page })
    await expect(c.searchEvents({ limit: 2, environment: [null, 5] } as never)).rejects.toThrow(
      /^filter\.environment\[1\] must be a string/,
    )
    await expect(c.getVisits('v', { limit: '5' } as never)).rejects.toThrow(/^filter\.limit /)
    expect(calls).toHaveLength(0)
  })
})

describe('a 2xx body that is empty or not JSON: error.response stays readable', () => {
  test.each([
    ['not JSON', '{"products":'],
    ['null', 'null'],
  ])('%s', async (_, text) => {
    const { client: c } = client({ text })
    const error = (await c.getEvent('r1').catch((e: unknown) => e)) as SdkError
    expect(error).toBeInstanceOf(SdkError)
    expect(await error.response!.text()).toBe(text)
  })
})

test('a Content-Type in defaultHeaders, in any letter case, is what updateEvent sends', async () => {
  const fake = createFakeFetch({ text: '' })
  const c = new FingerprintJsServerApiClient({
    apiKey: 'k-123456',
    fetch: fake.fetch,
    defaultHeaders: { 'CONTENT-TYPE': 'application/json; charset=utf-8' },
  })
  await c.updateEvent({ suspect: true }, 'r1')
  expect(fake.calls[0]!.headers.get('content-type')).toBe('application/json; charset=utf-8')
  await c.updateEvent({ suspect: true }, 'r1', { headers: { 'content-type': 'text/plain' } })
  expect(fake.calls[1]!.headers.get('content-type')).toBe('text/plain')
})

describe("the official SDK's static error factories", () => {
  const response = (status: number, statusText: string) =>
    new Response('{}', { status, statusText, headers: { 'retry-after': '4' } })

  test('RequestError.fromErrorResponse', () => {
    const body = { error: { code: 'RequestNotFound' as const, message: 'No event' } }
    const e = RequestError.fromErrorResponse(body, response(404, 'Not Found'))
    expect(e).toBeInstanceOf(RequestError)
    expect(e).toBeInstanceOf(ServerApiError)
    expect(e).toMatchObject({ statusCode: 404, errorCode: 'RequestNotFound', message: 'No event' })
    expect(e.responseBody).toBe(body)
  })

  test('RequestError.fromPlainError: the code is the status text', () => {
    const e = RequestError.fromPlainError({ error: 'Forbidden' }, response(403, 'Forbidden'))
    expect(e).toMatchObject({ statusCode: 403, errorCode: 'Forbidden', message: 'Forbidden' })
  })

  test('TooManyRequestsError.fromPlain: the API error shape with code TooManyRequests', () => {
    const e = TooManyRequestsError.fromPlain({ error: 'Slow down' }, response(429, ''))
    expect(e).toBeInstanceOf(TooManyRequestsError)
    expect(e).toBeInstanceOf(RequestError)
    expect(e).toMatchObject({ errorCode: 'TooManyRequests', message: 'Slow down', retryAfter: 4 })
    expect(e.responseBody).toEqual({ error: { code: 'TooManyRequests', message: 'Slow down' } })
  })

  test('the classes keep their official names (a bundle renames a second class of the same name)', () => {
    expect(RequestError.name).toBe('RequestError')
    expect(TooManyRequestsError.name).toBe('TooManyRequestsError')
  })

  test('errors the client throws are instances of the exported classes', async () => {
    const { client: c } = client({ status: 429, json: { error: 'Slow' } })
    const e = await c.getVisits('v').catch((x: unknown) => x)
    expect(e).toBeInstanceOf(TooManyRequestsError)
    expect(e).toBeInstanceOf(RequestError)
  })
})
