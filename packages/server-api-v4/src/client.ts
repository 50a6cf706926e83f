import {
  assertHeaders,
  assertId,
  assertObject,
  assertOptionalBoolean,
  assertOptionalString,
  assertWellFormed,
  assertPlainObject,
  assertPositiveInteger,
  assertRegion,
  assertRequestOptions,
  buildPath,
  createAuth,
  createTransport,
  discardBody,
  inspectSymbol,
  iterateItems,
  iteratePages,
  readJsonObject,
  resolveBaseUrl,
  serializeQuery,
  type RequestOptions,
  type RetryRuleOptions,
  type Transport,
} from '@fpapi/client-core'
import { extractV4Error } from './errors'
import { createRawClient, type RawClient } from './raw-client'
import { Region, SERVERS } from './region'
import type {
  Event,
  EventUpdate,
  FingerprintApi,
  GetEventOptions,
  IterateEventsOptions,
  Options,
  SearchEventsFilter,
  SearchEventsResponse,
} from './types'
import { VERSION } from './version'

const REGIONS = Object.keys(SERVERS) as Region[]
const DEFAULT_TIMEOUT_MS = 30_000
const UPDATE_RULE: RetryRuleOptions = { retryConflict: true }

/**
 * Client of the Fingerprint Server API v4, a drop-in for `FingerprintServerApiClient` of
 * `@fingerprint/node-sdk` v7: same constructor options and methods, plus per-call options, retries,
 * timeouts, `iterateEvents` and `client.raw`. The API key is kept in private state: it never shows
 * in `util.inspect(client)`, `JSON.stringify(client)` or errors.
 *
 * @example
 * ```ts
 * const client = new FingerprintServerApiClient({ apiKey: process.env.FP_SECRET_KEY!, region: Region.EU })
 * const event = await client.getEvent('1708102555327.NLOjmg')
 * ```
 */
export class FingerprintServerApiClient implements FingerprintApi {
  /** Region the client talks to. */
  public readonly region: Region
  readonly #baseUrl: string
  readonly #headers: Record<string, string>
  readonly #transport: Transport
  #raw: RawClient | undefined

  /**
   * @param options - `apiKey` (required), `region`, `fetch`, `defaultHeaders`, and the additive
   *   `baseUrl`, `timeoutMs`, `retries`, `onRetry`.
   * @throws {TypeError} naming the option when `apiKey` is empty, blank, not a string or not a
   *   valid header value, `region` is unknown, `baseUrl` is not an http(s) URL, or `timeoutMs` /
   *   `retries` are invalid. Messages never contain the key.
   */
  constructor(options: Readonly<Options>) {
    assertObject(options, 'options')
    const auth = createAuth({ type: 'bearer' }, options.apiKey)
    const region = options.region ?? Region.Global
    assertRegion(region, 'region', REGIONS)
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new TypeError('fetch must be a function')
    }
    if (options.defaultHeaders !== undefined)
      assertHeaders(options.defaultHeaders, 'defaultHeaders')
    this.region = region
    this.#baseUrl = resolveBaseUrl({
      servers: SERVERS,
      region,
      defaultRegion: Region.Global,
      baseUrl: options.baseUrl,
    })
    this.#headers = mergeHeaders(
      { Accept: 'application/json', 'User-Agent': `fpapi-server-api-v4/${VERSION}` },
      auth.headers(),
      options.defaultHeaders,
    )
    this.#transport = createTransport({
      fetch: options.fetch,
      auth,
      retries: options.retries,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      errors: { extractError: extractV4Error, rateLimitCode: 'too_many_requests' },
      onRetry: options.onRetry,
      sleep: options.sleep,
      now: options.now,
      random: options.random,
    })
  }

  /**
   * The typed openapi-fetch client for any path of the v4 spec, sharing this client's base URL,
   * credentials, retries and timeout. It returns `{ data, error, response }` instead of throwing.
   *
   * @example
   * ```ts
   * const { data, error } = await client.raw.GET('/events/{event_id}', { params: { path: { event_id: id } } })
   * ```
   */
  get raw(): RawClient {
    return (this.#raw ??= createRawClient(this.#baseUrl, this.#headers, this.#transport))
  }

  /**
   * Gets one identification event with all its Smart Signals.
   *
   * @param eventId - the event's id (`event_id`).
   * @param options - `ruleset_id` to evaluate a ruleset (the answer then has `rule_action`).
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns the event; unknown fields and enum values pass through untouched.
   * @throws {TypeError} before any request when `eventId` is empty, blank or not a string.
   * @throws {ServerApiError} for API errors (e.g. `event_not_found`), {@link TooManyRequestsError}
   *   for 429 after retries, {@link RequestError} for other HTTP errors, `NetworkError` /
   *   `RequestTimeoutError` when no response came.
   * @example
   * ```ts
   * const event = await client.getEvent(eventId, { ruleset_id: 'rs_1' }, { timeoutMs: 5_000 })
   * ```
   */
  async getEvent(
    eventId: string,
    options?: GetEventOptions,
    requestOptions?: RequestOptions,
  ): Promise<Event> {
    assertId(eventId, 'eventId')
    if (options != null) {
      assertPlainObject(options, 'options')
      // null is left out of the query, as undefined is (and as the official SDK does).
      if (options.ruleset_id !== null) {
        assertOptionalString(options.ruleset_id, 'options.ruleset_id')
      }
    }
    assertRequestOptions(requestOptions)
    const path = `/events/${encodeURIComponent(eventId)}`
    return (await this.#send('GET', path, options, undefined, requestOptions)) as Event
  }

  /**
   * Changes `linked_id`, `tags` or `suspect` of an event (PATCH). A 409 (`state_not_ready`, the
   * event is still being processed) is retried with backoff; 5xx answers are never retried, as the
   * update might have been applied.
   *
   * @param eventId - the event's id.
   * @param body - the fields to change.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns nothing.
   * @throws {TypeError} before any request when `eventId` or `body` is invalid.
   * @throws {ServerApiError} / {@link RequestError} for HTTP errors.
   * @example
   * ```ts
   * await client.updateEvent(eventId, { suspect: true, tags: { reviewed: true } })
   * ```
   */
  async updateEvent(
    eventId: string,
    body: EventUpdate,
    requestOptions?: RequestOptions,
  ): Promise<void> {
    assertId(eventId, 'eventId')
    checkEventUpdate(body)
    assertRequestOptions(requestOptions)
    const path = `/events/${encodeURIComponent(eventId)}`
    await this.#send('PATCH', path, undefined, body, requestOptions, UPDATE_RULE)
  }

  /**
   * Searches events with any filter of the spec; array filters are sent as repeated keys
   * (`environment=a&environment=b`). Returns one page; see {@link iterateEvents} to walk all pages.
   *
   * @param filter - the filters, `limit` (1-100) and `pagination_key`.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns `{ events, pagination_key? }`.
   * @throws {TypeError} before any request when `filter` is not an object (`null` and
   *   `undefined` mean no filter) or `limit` is not a positive integer.
   * @throws {ServerApiError} / {@link RequestError} for HTTP errors.
   * @example
   * ```ts
   * const { events, pagination_key } = await client.searchEvents({ visitor_id, bot: 'bad', limit: 50 })
   * ```
   */
  async searchEvents(
    filter: SearchEventsFilter,
    requestOptions?: RequestOptions,
  ): Promise<SearchEventsResponse> {
    checkFilter(filter)
    assertRequestOptions(requestOptions)
    return (await this.#send(
      'GET',
      '/events',
      filter,
      undefined,
      requestOptions,
    )) as SearchEventsResponse
  }

  /**
   * Asks for deletion of all data of a visitor (queued; done within days).
   *
   * @param visitorId - the visitor's id.
   * @param requestOptions - per-call `signal`, `timeoutMs`, `retries`, `headers`.
   * @returns nothing.
   * @throws {TypeError} before any request when `visitorId` is empty, blank or not a string.
   * @throws {ServerApiError} / {@link RequestError} for HTTP errors (e.g. `visitor_not_found`).
   * @example
   * ```ts
   * await client.deleteVisitorData(visitorId)
   * ```
   */
  async deleteVisitorData(visitorId: string, requestOptions?: RequestOptions): Promise<void> {
    assertId(visitorId, 'visitorId')
    assertRequestOptions(requestOptions)
    await this.#send(
      'DELETE',
      buildPath('/visitors/{visitor_id}', { visitor_id: visitorId }),
      undefined,
      undefined,
      requestOptions,
    )
  }

  /**
   * Iterates the events matching a filter across all pages, fetching each page only when needed and
   * stopping after the last one (or after `maxItems`). `break` stops fetching.
   *
   * @param filter - as for {@link searchEvents}; a `pagination_key` starts from that page.
   * @param options - `maxItems`, `pageSize` (the `limit` of each request) and per-call options.
   * @returns an async iterator of events.
   * @throws {TypeError} at once, before any request, for an invalid filter or options.
   * @example
   * ```ts
   * for await (const event of client.iterateEvents({ visitor_id }, { maxItems: 500, pageSize: 100 })) {
   *   console.log(event.event_id)
   * }
   * ```
   */
  iterateEvents(
    filter?: SearchEventsFilter,
    options?: IterateEventsOptions,
  ): AsyncIterableIterator<Event> {
    return iterateItems(this.#pageWalk(filter, options))
  }

  /**
   * Like {@link iterateEvents}, but yields whole pages (`{ events, pagination_key? }`).
   *
   * @param filter - as for {@link searchEvents}.
   * @param options - `maxItems` (stop there; the last page's `events` are cut to the cap),
   *   `pageSize`, per-call options.
   * @returns an async iterator of pages.
   * @throws {TypeError} at once, before any request, for an invalid filter or options.
   * @example
   * ```ts
   * for await (const page of client.iterateEventPages({ bot: 'bad' })) console.log(page.events.length)
   * ```
   */
  iterateEventPages(
    filter?: SearchEventsFilter,
    options?: IterateEventsOptions,
  ): AsyncIterableIterator<SearchEventsResponse> {
    return iteratePages(this.#pageWalk(filter, options))
  }

  #pageWalk(filter: SearchEventsFilter | undefined, options: IterateEventsOptions | undefined) {
    checkFilter(filter)
    let requestOptions: RequestOptions | undefined
    let maxItems: number | undefined
    let pageSize: number | undefined
    if (options !== undefined) {
      assertObject(options, 'options')
      ;({ maxItems, pageSize, ...requestOptions } = options)
      if (maxItems !== undefined) assertPositiveInteger(maxItems, 'options.maxItems')
      if (pageSize !== undefined) assertPositiveInteger(pageSize, 'options.pageSize')
      assertRequestOptions(requestOptions, 'options')
    }
    const base: SearchEventsFilter = {
      ...filter,
      ...(pageSize === undefined ? {} : { limit: pageSize }),
    }
    const first = base?.pagination_key
    return {
      fetchPage: (cursor: string | undefined) =>
        this.searchEvents({ ...base, pagination_key: cursor ?? first }, requestOptions),
      getItems: (page: SearchEventsResponse) => page.events,
      getNextCursor: (page: SearchEventsResponse) => page.pagination_key,
      trimPage: (page: SearchEventsResponse, keep: number) => ({
        ...page,
        events: page.events.slice(0, keep),
      }),
      maxItems,
    }
  }

  async #send(
    method: 'GET' | 'PATCH' | 'DELETE',
    path: string,
    query: object | undefined,
    body: unknown,
    requestOptions: RequestOptions | undefined,
    rule?: RetryRuleOptions,
  ): Promise<unknown> {
    const search = query ? serializeQuery(query as Record<string, unknown>) : ''
    const url = search ? `${this.#baseUrl}${path}?${search}` : `${this.#baseUrl}${path}`
    let headers = this.#headers
    if (body !== undefined || requestOptions?.headers) {
      // The JSON content type comes first, so a Content-Type of the caller's (any case) replaces it.
      headers = mergeHeaders(
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
        headers,
        requestOptions?.headers,
      )
    }
    const init: RequestInit = { method, headers }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await this.#transport.fetchFor(requestOptions, rule)(url, init)
    // Every GET of the API answers an object (an event, a page).
    if (method === 'GET') {
      return readJsonObject(response, requestOptions?.signal, this.#transport.redactText)
    }
    discardBody(response)
    return undefined
  }

  /** What `util.inspect(client)` prints: the region and server, never the key. */
  [inspectSymbol](): string {
    return `FingerprintServerApiClient { region: '${this.region}', baseUrl: '${this.#baseUrl}' }`
  }

  /** What `JSON.stringify(client)` writes: the region and server, never the key. */
  toJSON(): { region: Region; baseUrl: string } {
    return { region: this.region, baseUrl: this.#baseUrl }
  }
}

/**
 * Merges header sets in order: a later header replaces an earlier one of the same name in any case
 * (a user's `accept` replaces the default `Accept` instead of being joined to it into
 * `application/json, text/plain`), and `undefined` values, which fetch would send as the text
 * `undefined`, are left out.
 */
function mergeHeaders(
  ...sets: (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const out: Record<string, string> = {}
  const names = new Map<string, string>()
  for (const set of sets) {
    if (!set) continue
    for (const name in set) {
      const value = set[name]
      if (value === undefined) continue
      const key = name.toLowerCase()
      const previous = names.get(key)
      if (previous !== undefined) delete out[previous]
      names.set(key, name)
      out[name] = value
    }
  }
  return out
}

// A number that is not finite would be sent as `NaN` or `Infinity`.
const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

/** The fields of `EventUpdate` the spec types; unknown fields pass through for forward compatibility. */
function checkEventUpdate(body: unknown): void {
  assertPlainObject(body, 'body')
  assertOptionalString(body.linked_id, 'body.linked_id')
  assertOptionalBoolean(body.suspect, 'body.suspect')
  if (body.tags !== undefined) assertPlainObject(body.tags, 'body.tags')
}

function checkFilter(filter: unknown): void {
  // No filter: undefined, or null as an untyped caller of the official SDK may pass.
  if (filter == null) return
  assertPlainObject(filter, 'filter')
  const record = filter as Record<string, unknown>
  if (record.limit !== undefined) assertPositiveInteger(record.limit, 'filter.limit')
  for (const name in record) {
    const value = record[name]
    if (typeof value === 'string') assertWellFormed(value, `filter.${name}`)
    if (value == null || isScalar(value)) continue
    if (Array.isArray(value) && value.every((v) => v == null || isScalar(v))) {
      value.forEach((v, i) => {
        if (typeof v === 'string') assertWellFormed(v, `filter.${name}[${i}]`)
      })
      continue
    }
    throw new TypeError(
      `filter.${name} must be a string, finite number or boolean, or an array of them`,
    )
  }
}
