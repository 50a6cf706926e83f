import type * as Official from '@fingerprintjs/fingerprintjs-pro-server-api'
import { describe, expectTypeOf, test } from 'vitest'
import {
  AuthenticationMode,
  FingerprintJsServerApiClient,
  Region,
  RequestError,
  TooManyRequestsError,
  type ErrorResponse,
  type EventsGetResponse,
  type Options,
  type RelatedVisitorsResponse,
  type SearchEventsResponse,
  type SearchEventsResponseEvent,
  type Visit,
  type VisitorsResponse,
  type components,
} from '../src/index'

declare const client: FingerprintJsServerApiClient

describe('drop-in for the official v6 SDK', () => {
  type Theirs = Official.FingerprintJsServerApiClient
  type Ours = FingerprintJsServerApiClient
  test('every official call compiles against ours (argument lists are accepted)', () => {
    expectTypeOf<Parameters<Theirs['getEvent']>>().toExtend<Parameters<Ours['getEvent']>>()
    expectTypeOf<Parameters<Theirs['updateEvent']>>().toExtend<Parameters<Ours['updateEvent']>>()
    expectTypeOf<Parameters<Theirs['searchEvents']>>().toExtend<Parameters<Ours['searchEvents']>>()
    expectTypeOf<Parameters<Theirs['getVisits']>>().toExtend<Parameters<Ours['getVisits']>>()
    expectTypeOf<Parameters<Theirs['getVisitorHistory']>>().toExtend<
      Parameters<Ours['getVisitorHistory']>
    >()
    expectTypeOf<Parameters<Theirs['deleteVisitorData']>>().toExtend<
      Parameters<Ours['deleteVisitorData']>
    >()
    expectTypeOf<Parameters<Theirs['getRelatedVisitors']>>().toExtend<
      Parameters<Ours['getRelatedVisitors']>
    >()
  })

  test('official option objects are accepted as they are', () => {
    const options: Official.Options = {
      apiKey: 'k',
      region: 'EU',
      authenticationMode: 'QueryParameter',
    }
    expectTypeOf(options).toExtend<Options>()
    new FingerprintJsServerApiClient({ apiKey: 'k', region: Region.EU })
    new FingerprintJsServerApiClient({
      apiKey: 'k',
      region: 'AP',
      authenticationMode: AuthenticationMode.AuthHeader,
    })
    // @ts-expect-error an unknown region does not compile
    new FingerprintJsServerApiClient({ apiKey: 'k', region: 'Mars' })
    // @ts-expect-error apiKey is required
    new FingerprintJsServerApiClient({ region: 'EU' })
  })

  test('results have the official types', () => {
    expectTypeOf(client.getEvent('r')).resolves.toEqualTypeOf<EventsGetResponse>()
    expectTypeOf(client.getVisits('v')).resolves.toEqualTypeOf<VisitorsResponse>()
    expectTypeOf(client.searchEvents({ limit: 1 })).resolves.toEqualTypeOf<SearchEventsResponse>()
    expectTypeOf(
      client.getRelatedVisitors({ visitor_id: 'v' }),
    ).resolves.toEqualTypeOf<RelatedVisitorsResponse>()
    // The official SDK's own field names read the same through our types.
    expectTypeOf<VisitorsResponse['paginationKey']>().toEqualTypeOf<
      Official.VisitorsResponse['paginationKey']
    >()
    expectTypeOf<EventsGetResponse['products']['identification']>().not.toBeAny()
    expectTypeOf(client.updateEvent({ suspect: true }, 'r')).resolves.toBeVoid()
    expectTypeOf(client.deleteVisitorData('v')).resolves.toBeVoid()
  })

  test('error classes expose the official fields', () => {
    expectTypeOf<RequestError['statusCode']>().toBeNumber()
    expectTypeOf<RequestError['errorCode']>().toBeString()
    expectTypeOf<RequestError['response']>().toEqualTypeOf<Response>()
    expectTypeOf<TooManyRequestsError['retryAfter']>().toBeNumber()
    expectTypeOf<TooManyRequestsError>().toExtend<RequestError>()
    // Typed as in the official SDK: the body of a 429 is an ErrorResponse.
    // (Our spec's ErrorCode list is older than the one bundled in the official 6.13.1 types, so the
    // body is compared with our own ErrorResponse.)
    expectTypeOf<TooManyRequestsError['responseBody']>().toEqualTypeOf<ErrorResponse>()
    new TooManyRequestsError({ error: { code: 'TooManyRequests', message: 'm' } }, new Response())
    const e: unknown = undefined
    if (e instanceof TooManyRequestsError) expectTypeOf(e.responseBody.error.message).toBeString()
  })
})

describe('method signatures', () => {
  test('updateEvent takes the body first', () => {
    client.updateEvent({ linkedId: 'x', tag: { a: 1 } }, 'request-id')
    // @ts-expect-error swapped arguments do not compile
    client.updateEvent('request-id', { linkedId: 'x' })
  })

  test('searchEvents requires limit and knows every filter', () => {
    client.searchEvents({
      limit: 1,
      environment: ['a'],
      bot: 'bad',
      vpn_confidence: 'high',
      proximity_precision_radius: 10,
    })
    // @ts-expect-error limit is required by the spec
    client.searchEvents({ bot: 'bad' })
    // @ts-expect-error bot is an enum
    client.searchEvents({ limit: 1, bot: 'evil' })
  })

  test('every method takes requestOptions last', () => {
    const signal = new AbortController().signal
    client.getEvent('r', { signal, timeoutMs: 1, retries: false, headers: { a: 'b' } })
    client.updateEvent({}, 'r', { retries: { max: 1 } })
    client.searchEvents({ limit: 1 }, { signal })
    client.getVisits('v', undefined, { timeoutMs: 5 })
    client.getVisitorHistory('v', {}, { timeoutMs: 5 })
    client.deleteVisitorData('v', { signal })
    client.getRelatedVisitors({ visitor_id: 'v' }, { signal })
    // @ts-expect-error unknown request option
    client.getEvent('r', { timeout: 5 })
  })

  test('iterators yield items, and pages through .pages()', () => {
    expectTypeOf(client.iterateVisits('v')).toExtend<AsyncIterable<Visit>>()
    expectTypeOf(client.iterateVisits('v').pages()).toExtend<AsyncIterable<VisitorsResponse>>()
    expectTypeOf(client.iterateEvents({ limit: 10 })).toExtend<
      AsyncIterable<SearchEventsResponseEvent>
    >()
    expectTypeOf<SearchEventsResponseEvent>().toEqualTypeOf<{
      products: components['schemas']['Products']
    }>()
  })

  test('client.raw is typed by the spec paths', async () => {
    const { data } = await client.raw.GET('/events/{request_id}', {
      params: { path: { request_id: 'r' } },
    })
    expectTypeOf(data).toEqualTypeOf<EventsGetResponse | undefined>()
    // @ts-expect-error not a path of the v3 spec
    client.raw.GET('/v4/events', {})
  })
})
