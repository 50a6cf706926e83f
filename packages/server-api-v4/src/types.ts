/**
 * Friendly names for the generated schema types, in one place. Generated names stay untouched in
 * ./generated/openapi.ts; renames live here and survive regeneration.
 */
import type {
  RequestOptions as CoreRequestOptions,
  RetriesOption,
  RetryEvent,
  Sleep,
} from '@fpapi/client-core'
import type { components, operations, paths } from './generated/openapi'
import type { Region } from './region'

/** An identification event with its Smart Signals (`GET /events/{event_id}`). */
export type Event = components['schemas']['Event']
/** Fields that `updateEvent` can change (`PATCH /events/{event_id}`). */
export type EventUpdate = components['schemas']['EventUpdate']
/** The action of a ruleset evaluated with `getEvent(id, { ruleset_id })`. */
export type EventRuleAction = components['schemas']['EventRuleAction']
/** Query options of `getEvent`. */
export type GetEventOptions = paths['/events/{event_id}']['get']['parameters']['query']
/** Every filter of `searchEvents` (`GET /events`); array filters are sent as repeated keys. */
export type SearchEventsFilter = paths['/events']['get']['parameters']['query']
/** One page of `searchEvents`: `events` and, unless it is the last page, `pagination_key`. */
export type SearchEventsResponse = components['schemas']['EventSearch']
/** The body of an error answer: `{ error: { code, message } }`. */
export type ErrorResponse = components['schemas']['ErrorResponse']
/** Union of the error codes the Server API answers with (`errorCode` of {@link ServerApiError}). */
export type ErrorCode = components['schemas']['ErrorCode']

/** Per-call options, the last argument of every method: `{ signal, timeoutMs, retries, headers }`. */
export type RequestOptions = CoreRequestOptions

/** Options of `iterateEvents` and `iterateEventPages`: per-call options plus paging limits. */
export interface IterateEventsOptions extends CoreRequestOptions {
  /** Stop after this many events (pages: after the page that reaches it). Default: no limit. */
  maxItems?: number | undefined
  /** Events per request (the `limit` filter), 1 to 100. Default: the filter's `limit`, else the API's. */
  pageSize?: number | undefined
}

/** Options of {@link FingerprintServerApiClient}. The first four are those of the official SDK. */
export interface Options {
  /** Secret API key. */
  apiKey: string
  /** Region of your workspace. Default `Region.Global`. */
  region?: Region | undefined
  /** A fetch implementation, called as `fetch(url, init)`. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined
  /** Headers added to every request (they can override the defaults). */
  defaultHeaders?: Record<string, string> | undefined
  /**
   * Replaces the whole server URL, `/v4` prefix included (proxies, mock servers), e.g.
   * `http://127.0.0.1:4010/v4`. Default: the region's server.
   */
  baseUrl?: string | undefined
  /** Timeout of each attempt in milliseconds; `0` turns it off. Default `30000`. */
  timeoutMs?: number | undefined
  /** Retry policy, or `false` for none. Default `{ max: 2, baseDelayMs: 250, maxDelayMs: 5000 }`. */
  retries?: RetriesOption | undefined
  /** Called before each retry with the reason and the delay. */
  onRetry?: ((event: RetryEvent) => void) | undefined
  /** Waits between retries (tests inject a fake). Default: a timer that an abort cancels. */
  sleep?: Sleep | undefined
  /** Clock for `Retry-After` dates (tests inject a fixed time). Default `Date.now`. */
  now?: (() => number) | undefined
  /** Jitter source in [0, 1) (tests inject a constant). Default `Math.random`. */
  random?: (() => number) | undefined
}

/** The four operations of the official SDK, with the additive per-call options. */
export interface FingerprintApi {
  getEvent(
    eventId: string,
    options?: GetEventOptions,
    requestOptions?: RequestOptions,
  ): Promise<Event>
  updateEvent(eventId: string, body: EventUpdate, requestOptions?: RequestOptions): Promise<void>
  searchEvents(
    filter: SearchEventsFilter,
    requestOptions?: RequestOptions,
  ): Promise<SearchEventsResponse>
  deleteVisitorData(visitorId: string, requestOptions?: RequestOptions): Promise<void>
}

export type { components, operations, paths }
