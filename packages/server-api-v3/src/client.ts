import {
  assertHeaders,
  assertNonNegativeNumber,
  assertObject,
  assertRequestOptions,
  assertRegion,
  createAuth,
  createTransport,
  iterateItems,
  iteratePages,
  resolveBaseUrl,
  SdkError,
} from '@fpapi/client-core'
import type { Client } from 'openapi-fetch'
import {
  checkId,
  checkRelatedVisitorsFilter,
  checkSearchFilter,
  checkUpdateEvent,
  checkVisitsArguments,
} from './check-arguments'
import type { paths } from './generated/openapi'
import { nextSearchFilter, nextVisitsFilter } from './history-cursor'
import type { IterateOptions, Options, RequestOptions } from './options'
import { AuthenticationMode, Region } from './region'
import { extractV3Error } from './extract-error'
import { createRawClient } from './raw-client'
import { encodePathParam, send, setHeader, type Operation, type SendConfig } from './send'
import type {
  EventsGetResponse,
  EventsUpdateRequest,
  RelatedVisitorsFilter,
  RelatedVisitorsResponse,
  SearchEventsFilter,
  SearchEventsResponse,
  SearchEventsResponseEvent,
  Visit,
  VisitorHistoryFilter,
  VisitorsResponse,
} from './types'
import { getIntegrationInfo } from './user-agent'

/** The server URL of each region, from the `servers` of specs/server-api-v3.yaml. */
const SERVERS = {
  Global: 'https://api.fpjs.io',
  EU: 'https://eu.api.fpjs.io',
  AP: 'https://ap.api.fpjs.io',
} as const satisfies Record<Region, string>

const REGIONS = Object.keys(SERVERS) as Region[]
const AUTH_MODES = Object.values(AuthenticationMode)

/** An async iterator of items that can also walk whole pages. */
export interface PagedIterator<Item, Page> extends AsyncIterableIterator<Item> {
  /** Iterates whole pages (with their metadata) instead of items. */
  pages(): AsyncIterableIterator<Page>
}

function paged<Item, Page>(
  makeItems: () => AsyncIterableIterator<Item>,
  makePages: () => AsyncIterableIterator<Page>,
): PagedIterator<Item, Page> {
  const items = makeItems()
  return Object.assign(items, { pages: makePages })
}

/**
 * A page the iterators can walk: an object whose item list is an array. Anything else (a proxy's
 * `null`, a string) stops the iteration with an error instead of a crash deep inside it.
 */
function expectPage<P>(page: P, items: string, optional = false): P {
  const list =
    typeof page === 'object' && page !== null ? (page as Record<string, unknown>)[items] : null
  if (Array.isArray(list) || (optional && list === undefined)) return page
  throw new SdkError(`Unexpected page from the server: \`${items}\` is not an array`)
}

function splitIterateOptions(options: IterateOptions | undefined) {
  if (options === undefined) return { maxItems: undefined, requestOptions: undefined }
  assertObject(options, 'options')
  const { maxItems, ...requestOptions } = options
  if (maxItems !== undefined && (!Number.isSafeInteger(maxItems) || maxItems < 1)) {
    throw new TypeError('options.maxItems must be a positive integer when given')
  }
  return { maxItems, requestOptions }
}

function checkRequestOptions(options: RequestOptions | undefined): void {
  assertRequestOptions(options, 'requestOptions')
}

/**
 * Client of the Fingerprint Server API v3, a drop-in for `FingerprintJsServerApiClient` of
 * `@fingerprintjs/fingerprintjs-pro-server-api` (v6): same constructor options, same method names
 * and arguments, same results. Every method also takes an optional last `requestOptions` argument
 * (`signal`, `timeoutMs`, `retries`, `headers`).
 *
 * Server API v3 is deprecated upstream; see `@fpapi/server-api-v4` and its migration guide.
 *
 * @example
 * ```ts
 * import { FingerprintJsServerApiClient, Region } from '@fpapi/server-api-v3'
 *
 * const client = new FingerprintJsServerApiClient({ apiKey: process.env.FP_SECRET_KEY!, region: Region.EU })
 * const event = await client.getEvent(requestId)
 * console.log(event.products.identification?.data?.visitorId)
 * ```
 */
export class FingerprintJsServerApiClient {
  /** The region the client talks to. */
  readonly region: Region
  /** Where the API key travels. */
  readonly authenticationMode: AuthenticationMode
  /** The server URL requests go to (the region's, or the `baseUrl` option). */
  readonly baseUrl: string

  readonly #config: SendConfig
  #raw: Client<paths> | undefined

  /**
   * @param options - API key, region, authentication mode, fetch, and the additive options
   * (`baseUrl`, `timeoutMs`, `retries`, `defaultHeaders`, `onRetry`, `sleep`).
   * @throws {TypeError} when `options` is missing, `apiKey` is empty or not a string, or `region`,
   * `authenticationMode`, `baseUrl`, `timeoutMs`, `retries` or `fetch` is invalid. Messages never
   * contain the key.
   */
  constructor(options: Readonly<Options>) {
    assertObject(options, 'options')
    const region = options.region ?? Region.Global
    assertRegion(region, 'region', REGIONS)
    const mode = options.authenticationMode ?? AuthenticationMode.AuthHeader
    assertRegion(mode, 'authenticationMode', AUTH_MODES)
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new TypeError('fetch must be a function when given')
    }
    if (options.timeoutMs !== undefined) assertNonNegativeNumber(options.timeoutMs, 'timeoutMs')
    if (options.defaultHeaders !== undefined)
      assertHeaders(options.defaultHeaders, 'defaultHeaders')
    const auth = createAuth(
      mode === AuthenticationMode.QueryParameter
        ? { type: 'query', name: 'api_key' }
        : { type: 'header', name: 'Auth-API-Key' },
      options.apiKey,
    )
    this.region = region
    this.authenticationMode = mode
    this.baseUrl = resolveBaseUrl({
      servers: SERVERS,
      region,
      defaultRegion: 'Global',
      baseUrl: options.baseUrl,
    })
    // Our defaults, then the caller's default headers over them (never over the auth header).
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': getIntegrationInfo(),
    }
    for (const name in options.defaultHeaders) {
      // An `undefined` value means "no such header" (fetch would send the text `undefined`).
      if (
        options.defaultHeaders[name] !== undefined &&
        !auth.secretHeaders.includes(name.toLowerCase())
      ) {
        setHeader(headers, name, options.defaultHeaders[name]!)
      }
    }
    Object.assign(headers, auth.headers())
    const transport = createTransport({
      fetch: options.fetch,
      auth,
      retries: options.retries,
      timeoutMs: options.timeoutMs,
      errors: { extractError: extractV3Error, rateLimitCode: 'TooManyRequests' },
      sleep: options.sleep,
      onRetry: options.onRetry,
    })
    this.#config = {
      baseUrl: this.baseUrl,
      headers,
      secretHeaders: auth.secretHeaders,
      transport,
      plainFetch: transport.fetchFor(),
      conflictFetch: transport.fetchFor(undefined, { retryConflict: true }),
    }
  }

  #send<T>(op: Operation, requestOptions: RequestOptions | undefined): Promise<T> {
    return send(this.#config, op, requestOptions) as Promise<T>
  }

  /**
   * Gets one identification event with every product (Identification and the Smart Signals).
   *
   * @param requestId - the event's request id.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns the event.
   * @throws {TypeError} when `requestId` is not a non-empty string (before any request).
   * @throws {RequestError} on an HTTP error (`ServerApiError` with `errorCode` such as `RequestNotFound`;
   * `TooManyRequestsError` on 429 once retries are exhausted).
   * @throws {NetworkError} / {@link RequestTimeoutError} when no response arrives.
   * @example
   * ```ts
   * const event = await client.getEvent('1708102555327.NLOjmg')
   * const visitorId = event.products.identification?.data?.visitorId
   * ```
   */
  async getEvent(requestId: string, requestOptions?: RequestOptions): Promise<EventsGetResponse> {
    checkId(requestId, 'requestId')
    checkRequestOptions(requestOptions)
    return this.#send(
      {
        method: 'GET',
        path: `/events/${encodePathParam(requestId, 'requestId')}`,
        expectBody: true,
      },
      requestOptions,
    )
  }

  /**
   * Updates the `linkedId`, `tag` or `suspect` flag of an event (events up to 10 days old). Mind the
   * argument order, which is the official SDK's: body first, then the request id.
   *
   * Sent as `PUT` with a JSON body. A 409 (`StateNotReady`: the event is not mutable yet) is retried
   * with backoff; a 5xx never is, since the update may have been applied.
   *
   * @param body - the fields to change.
   * @param requestId - the event's request id.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns nothing once the update is accepted.
   * @throws {TypeError} when `body` is not an object or `requestId` is not a non-empty string.
   * @throws {RequestError} on an HTTP error.
   * @example
   * ```ts
   * await client.updateEvent({ linkedId: 'order-1234', suspect: true }, requestId)
   * ```
   */
  async updateEvent(
    body: EventsUpdateRequest,
    requestId: string,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    checkUpdateEvent(body, requestId)
    checkRequestOptions(requestOptions)
    await this.#send(
      {
        method: 'PUT',
        path: `/events/${encodePathParam(requestId, 'requestId')}`,
        body,
        retryConflict: true,
        expectBody: false,
      },
      requestOptions,
    )
  }

  /**
   * Searches identification events with any of the v3 filters (one page; see
   * {@link FingerprintJsServerApiClient.iterateEvents} for all pages). Array filters such as
   * `environment` are sent as repeated keys, as the spec describes.
   *
   * @param filter - the filters; `limit` (events per page) is required.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns one page of events and, while more match, a `paginationKey`.
   * @throws {TypeError} when `filter` is not an object or `filter.limit` is not a positive integer.
   * @throws {RequestError} on an HTTP error.
   * @example
   * ```ts
   * const page = await client.searchEvents({ limit: 20, bot: 'bad', suspect: true })
   * ```
   */
  async searchEvents(
    filter: SearchEventsFilter,
    requestOptions?: RequestOptions,
  ): Promise<SearchEventsResponse> {
    checkSearchFilter(filter)
    checkRequestOptions(requestOptions)
    return this.#send(
      { method: 'GET', path: '/events/search', query: filter, expectBody: true },
      requestOptions,
    )
  }

  /**
   * Gets one page of a visitor's history. `limit` counts events *scanned* (default 100, at most
   * 500) and `request_id` / `linked_id` filter after the scan, so a page may be short, even empty,
   * while more exist: follow `paginationKey` (present only while more exist), or use
   * {@link FingerprintJsServerApiClient.iterateVisits}.
   *
   * @param visitorId - the visitor id.
   * @param filter - `request_id`, `linked_id`, `limit`, `paginationKey`, (deprecated) `before`.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns the page of visits.
   * @throws {TypeError} when `visitorId` is not a non-empty string or a filter field has the wrong type.
   * @throws {RequestError} on an HTTP error.
   * @example
   * ```ts
   * const history = await client.getVisits(visitorId, { limit: 50 })
   * if (history.paginationKey) console.log('more visits exist')
   * ```
   */
  async getVisits(
    visitorId: string,
    filter?: VisitorHistoryFilter,
    requestOptions?: RequestOptions,
  ): Promise<VisitorsResponse> {
    checkVisitsArguments(visitorId, filter)
    checkRequestOptions(requestOptions)
    return this.#send(
      {
        method: 'GET',
        path: `/visitors/${encodePathParam(visitorId, 'visitorId')}`,
        query: filter ?? undefined,
        expectBody: true,
      },
      requestOptions,
    )
  }

  /**
   * The former name of {@link FingerprintJsServerApiClient.getVisits}, kept as in the official SDK.
   *
   * @deprecated Use {@link FingerprintJsServerApiClient.getVisits}.
   * @param visitorId - the visitor id.
   * @param filter - as for `getVisits`.
   * @param requestOptions - per-call options.
   * @returns the page of visits.
   * @throws as `getVisits`.
   * @example
   * ```ts
   * const history = await client.getVisitorHistory(visitorId, { limit: 10 })
   * ```
   */
  getVisitorHistory(
    visitorId: string,
    filter?: VisitorHistoryFilter,
    requestOptions?: RequestOptions,
  ): Promise<VisitorsResponse> {
    return this.getVisits(visitorId, filter, requestOptions)
  }

  /**
   * Asks for all data of a visitor to be deleted (queued: recent data within 24 hours, older within
   * 90 days). The feature must be enabled for the workspace, otherwise the API answers 403.
   *
   * @param visitorId - the visitor id.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns nothing once the deletion is queued.
   * @throws {TypeError} when `visitorId` is not a non-empty string.
   * @throws {RequestError} on an HTTP error (`VisitorNotFound`, ...).
   * @example
   * ```ts
   * await client.deleteVisitorData(visitorId)
   * ```
   */
  async deleteVisitorData(visitorId: string, requestOptions?: RequestOptions): Promise<void> {
    checkId(visitorId, 'visitorId')
    checkRequestOptions(requestOptions)
    await this.#send(
      {
        method: 'DELETE',
        path: `/visitors/${encodePathParam(visitorId, 'visitorId')}`,
        expectBody: false,
      },
      requestOptions,
    )
  }

  /**
   * Finds the visitor ids that belong to the same mobile device as a given visitor (a separately
   * enabled, billable API).
   *
   * @param filter - `{ visitor_id }`.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns the related visitors.
   * @throws {TypeError} when `filter.visitor_id` is not a non-empty string.
   * @throws {RequestError} on an HTTP error.
   * @example
   * ```ts
   * const { relatedVisitors } = await client.getRelatedVisitors({ visitor_id: visitorId })
   * ```
   */
  async getRelatedVisitors(
    filter: RelatedVisitorsFilter,
    requestOptions?: RequestOptions,
  ): Promise<RelatedVisitorsResponse> {
    checkRelatedVisitorsFilter(filter)
    checkRequestOptions(requestOptions)
    return this.#send(
      { method: 'GET', path: '/related-visitors', query: filter, expectBody: true },
      requestOptions,
    )
  }

  /**
   * Iterates over every visit of a visitor, newest first, following `paginationKey` (or, from older
   * servers, `lastTimestamp` through `before`) until the history ends. Pages are fetched lazily;
   * empty pages in the middle (filters apply after the scan) are skipped. `.pages()` yields whole
   * pages instead; with `maxItems` it stops fetching once the cap is reached and cuts the last
   * page's `visits` down to it.
   *
   * @param visitorId - the visitor id.
   * @param filter - as for `getVisits`; `limit` sets the scan size of each page.
   * @param options - `maxItems` plus per-call options applied to every page request.
   * @returns an async iterator of visits, with `.pages()`.
   * @throws {TypeError} at once for invalid arguments; request errors are thrown from `next()`.
   * @example
   * ```ts
   * for await (const visit of client.iterateVisits(visitorId, { linked_id: 'order-1234' })) {
   *   console.log(visit.requestId, visit.time)
   * }
   * ```
   */
  iterateVisits(
    visitorId: string,
    filter?: VisitorHistoryFilter,
    options?: IterateOptions,
  ): PagedIterator<Visit, VisitorsResponse> {
    checkVisitsArguments(visitorId, filter)
    if (filter?.limit === 0) throw new TypeError('filter.limit must be positive to iterate')
    const { maxItems, requestOptions } = splitIterateOptions(options)
    checkRequestOptions(requestOptions)
    const walk = () => {
      let current: VisitorHistoryFilter = { ...filter }
      return {
        fetchPage: async () =>
          expectPage(await this.getVisits(visitorId, current, requestOptions), 'visits'),
        getItems: (page: VisitorsResponse) => page.visits,
        trimPage: (page: VisitorsResponse, keep: number) => ({
          ...page,
          visits: page.visits.slice(0, keep),
        }),
        getNextCursor: (page: VisitorsResponse) => {
          const next = nextVisitsFilter(current, page)
          if (!next) return undefined
          current = next
          return next.paginationKey ?? `before:${String(next.before)}`
        },
        maxItems,
      }
    }
    return paged(
      () => iterateItems(walk()),
      () => iteratePages(walk()),
    )
  }

  /**
   * Iterates over every event that matches a search, following `paginationKey` until the last
   * page. `filter.limit` is the page size. `.pages()` yields whole pages instead (with `maxItems`,
   * the last page's `events` are cut down to the cap).
   *
   * @param filter - as for `searchEvents`.
   * @param options - `maxItems` plus per-call options applied to every page request.
   * @returns an async iterator of events, with `.pages()`.
   * @throws {TypeError} at once for invalid arguments; request errors are thrown from `next()`.
   * @example
   * ```ts
   * for await (const event of client.iterateEvents({ limit: 100, suspect: true }, { maxItems: 1_000 })) {
   *   console.log(event.products.identification?.data?.requestId)
   * }
   * ```
   */
  iterateEvents(
    filter: SearchEventsFilter,
    options?: IterateOptions,
  ): PagedIterator<SearchEventsResponseEvent, SearchEventsResponse> {
    checkSearchFilter(filter)
    const { maxItems, requestOptions } = splitIterateOptions(options)
    checkRequestOptions(requestOptions)
    const walk = () => {
      let current: SearchEventsFilter = { ...filter }
      return {
        fetchPage: async () =>
          expectPage(await this.searchEvents(current, requestOptions), 'events', true),
        getItems: (page: SearchEventsResponse) => page.events ?? [],
        trimPage: (page: SearchEventsResponse, keep: number) => ({
          ...page,
          events: (page.events ?? []).slice(0, keep),
        }),
        getNextCursor: (page: SearchEventsResponse) => {
          const next = nextSearchFilter(current, page)
          if (!next) return undefined
          current = next
          return next.pagination_key
        },
        maxItems,
      }
    }
    return paged(
      () => iterateItems(walk()),
      () => iteratePages(walk()),
    )
  }

  /**
   * The typed openapi-fetch client for any path of the v3 spec, sharing this client's base URL,
   * auth, headers, retries and timeout. It returns `{ data, error, response }` instead of throwing
   * on HTTP errors.
   *
   * @example
   * ```ts
   * const { data, error } = await client.raw.GET('/events/{request_id}', {
   *   params: { path: { request_id: requestId } },
   * })
   * ```
   */
  get raw(): Client<paths> {
    this.#raw ??= createRawClient(this.#config)
    return this.#raw
  }
}

/**
 * The operations of the v3 API as client methods, named after their `operationId`s (the official
 * v6 SDK exports the same name). Handy to type a mock of the client.
 *
 * @example
 * ```ts
 * const fake: Pick<FingerprintApi, 'getEvent'> = { getEvent: async () => ({ products: {} }) }
 * ```
 */
export type FingerprintApi = Pick<
  FingerprintJsServerApiClient,
  | 'getEvent'
  | 'updateEvent'
  | 'searchEvents'
  | 'getVisits'
  | 'deleteVisitorData'
  | 'getRelatedVisitors'
>
