import { describe, expectTypeOf, test } from 'vitest'
import {
  FingerprintServerApiClient,
  Region,
  ServerApiError,
  TooManyRequestsError,
  RequestError,
  type ErrorCode,
  type Event,
  type EventUpdate,
  type IterateEventsOptions,
  type RawClient,
  type RequestOptions,
  type SearchEventsFilter,
  type SearchEventsResponse,
  type components,
} from '../src/index'

declare const client: FingerprintServerApiClient

describe('method signatures (official ones plus a last requestOptions)', () => {
  test('getEvent', () => {
    expectTypeOf(client.getEvent).parameters.toEqualTypeOf<
      [
        eventId: string,
        options?: { ruleset_id?: string } | undefined,
        requestOptions?: RequestOptions | undefined,
      ]
    >()
    expectTypeOf(client.getEvent('e')).resolves.toEqualTypeOf<Event>()
  })
  test('updateEvent / deleteVisitorData resolve to void', () => {
    expectTypeOf(client.updateEvent).parameters.toEqualTypeOf<
      [eventId: string, body: EventUpdate, requestOptions?: RequestOptions | undefined]
    >()
    expectTypeOf(client.updateEvent('e', {})).resolves.toBeVoid()
    expectTypeOf(client.deleteVisitorData('v')).resolves.toBeVoid()
  })
  test('searchEvents', () => {
    expectTypeOf(client.searchEvents({})).resolves.toEqualTypeOf<SearchEventsResponse>()
    expectTypeOf<SearchEventsFilter>().toEqualTypeOf<
      import('../src/generated/openapi').paths['/events']['get']['parameters']['query']
    >()
    // @ts-expect-error limit is a number
    void client.searchEvents({ limit: '10' })
    // @ts-expect-error environment is an array of strings
    void client.searchEvents({ environment: [1] })
  })
  test('iterateEvents yields events; iterateEventPages yields pages', () => {
    expectTypeOf(client.iterateEvents({}, { maxItems: 10, pageSize: 100 })).toEqualTypeOf<
      AsyncIterableIterator<Event>
    >()
    expectTypeOf(client.iterateEventPages()).toEqualTypeOf<
      AsyncIterableIterator<SearchEventsResponse>
    >()
    expectTypeOf<IterateEventsOptions>().toMatchTypeOf<RequestOptions>()
  })
  test('raw is the typed openapi-fetch client', () => {
    expectTypeOf(client.raw).toEqualTypeOf<RawClient>()
    // @ts-expect-error unknown path
    void client.raw.GET('/nope')
  })
})

describe('constructor options', () => {
  test('official options compile, apiKey required', () => {
    new FingerprintServerApiClient({
      apiKey: 'k',
      region: Region.EU,
      fetch,
      defaultHeaders: { a: 'b' },
    })
    new FingerprintServerApiClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1/v4',
      timeoutMs: 1,
      retries: false,
    })
    new FingerprintServerApiClient({
      apiKey: 'k',
      retries: { max: 3, baseDelayMs: 1, maxDelayMs: 2 },
    })
    // @ts-expect-error apiKey is required
    new FingerprintServerApiClient({ region: Region.EU })
    // @ts-expect-error unknown region
    new FingerprintServerApiClient({ apiKey: 'k', region: 'US' })
  })
  test('the key is not a public field', () => {
    // @ts-expect-error no apiKey property
    void client.apiKey
  })
})

describe('errors', () => {
  test('ServerApiError narrows errorCode to the ErrorCode union', () => {
    const e: unknown = null
    if (e instanceof ServerApiError) {
      expectTypeOf(e.errorCode).toEqualTypeOf<ErrorCode>()
      expectTypeOf(e.responseBody).toEqualTypeOf<components['schemas']['ErrorResponse']>()
    }
    if (e instanceof TooManyRequestsError) {
      expectTypeOf(e.retryAfter).toBeNumber()
      expectTypeOf(e.statusCode).toEqualTypeOf<429>()
    }
    if (e instanceof RequestError) expectTypeOf(e).toMatchTypeOf<RequestError>()
  })
})
