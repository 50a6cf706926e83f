import { FingerprintServerApiClient, SdkError } from '../../index'
import type { Options as V4Options } from '../../index'
import { toV3Event } from '../to-v3-event'
import { toV3Visit } from '../to-v3-visit'
import { toV4SearchFilter, V4_MAX_SEARCH_LIMIT } from '../to-v4-search-filter'
import type { V3SearchFilterInput } from '../to-v4-search-filter'
import { toV4Update } from '../to-v4-update'
import type {
  V3EventsGetResponse,
  V3EventsUpdateRequest,
  V3SearchEventsResponse,
  V3Visit,
  V3VisitorHistoryFilter,
  V3VisitorsResponse,
  V4Event,
  V4SearchEventsFilter,
} from '../types'
import { toV3Error, type V3ErrorClasses, type V3ErrorStyle } from './to-v3-error'
import type { V4ClientLike } from './v4-client-like'
import { pagedIterator, type V3PagedIterator } from './paged-iterator'

/** The v3 client's constructor options, as accepted by {@link createV3CompatClient}. */
export interface V3ClientOptions extends Omit<V4Options, 'region'> {
  /** Secret API key (the v3 key works unchanged with v4). */
  apiKey: string
  /** `'Global'` (default), `'EU'` or `'AP'`; same values as v3. */
  region?: 'Global' | 'EU' | 'AP' | undefined
  /**
   * Accepted and ignored: v4 only accepts `Authorization: Bearer <secret key>`. A warning goes to
   * `onWarning` when it asks for the query parameter.
   */
  authenticationMode?: 'AuthHeader' | 'QueryParameter' | undefined
}

/** How the compat client bridges the gaps between v3 and v4. */
export interface V3CompatOptions {
  /**
   * `searchEvents` drops the v3 filters v4 lacks (`ip_blocklist`, `datacenter`,
   * `proximity_precision_radius`) with a warning instead of throwing a `TypeError`. Default `false`.
   */
  dropUnsupportedFilters?: boolean
  /** Receives warnings (dropped filters, ignored options). Default `console.warn`. */
  onWarning?: (message: string) => void
  /**
   * How far back `getVisits` searches. v3 returned the stored history; v4 search defaults to the
   * last 7 days, so the compat client sends `start = now - visitsLookbackMs`.
   * Default 365 days; set your workspace's retention period.
   */
  visitsLookbackMs?: number
  /** Error classes to throw, when your code checks `instanceof` against another v3 package. */
  errorClasses?: V3ErrorClasses
  /** Clock for the visits window. Default `Date.now`. */
  now?: () => number
}

/**
 * The v3 client's methods (`FingerprintJsServerApiClient` of `@fpapi/server-api-v3` and of
 * `@fingerprintjs/fingerprintjs-pro-server-api`), served by the v4 API.
 */
export interface V3CompatClient {
  /** v3 `getEvent(requestId)`: the v4 event converted by `toV3Event`. */
  getEvent(requestId: string): Promise<V3EventsGetResponse>
  /** v3 `updateEvent(body, requestId)`: v4 PATCH with `toV4Update(body)`. */
  updateEvent(body: V3EventsUpdateRequest, requestId: string): Promise<void>
  /** v3 `searchEvents(filter)`: v4 search, events converted by `toV3Event`. */
  searchEvents(filter: V3SearchFilterInput): Promise<V3SearchEventsResponse>
  /** v3 `getVisits(visitorId, filter?)`: emulated with v4 search by `visitor_id`. */
  getVisits(visitorId: string, filter?: V3VisitorHistoryFilter): Promise<V3VisitorsResponse>
  /** v3's deprecated alias of `getVisits`. */
  getVisitorHistory(visitorId: string, filter?: V3VisitorHistoryFilter): Promise<V3VisitorsResponse>
  /** v3 `deleteVisitorData(visitorId)`. */
  deleteVisitorData(visitorId: string): Promise<void>
  /** Always rejects: related visitors were removed in v4. */
  getRelatedVisitors(filter: { visitor_id: string }): Promise<never>
  /**
   * `@fpapi/server-api-v3`'s `iterateEvents(filter, { maxItems? })`: every matching event across
   * pages, fetched lazily; `.pages()` walks whole pages.
   */
  iterateEvents(
    filter: V3SearchFilterInput,
    options?: { maxItems?: number },
  ): V3PagedIterator<V3SearchEvent, V3SearchEventsResponse>
  /** `@fpapi/server-api-v3`'s `iterateVisits(visitorId, filter?, { maxItems? })`, on the emulated history. */
  iterateVisits(
    visitorId: string,
    filter?: V3VisitorHistoryFilter,
    options?: { maxItems?: number },
  ): V3PagedIterator<V3Visit, V3VisitorsResponse>
}

/** One item of a v3 search page. */
export type V3SearchEvent = NonNullable<V3SearchEventsResponse['events']>[number]

const DAY_MS = 86_400_000
/** v3 visits: default and maximum `limit`. */
const VISITS_DEFAULT_LIMIT = 100
const VISITS_MAX_LIMIT = 500

const isClientLike = (value: object): value is V4ClientLike =>
  ['getEvent', 'updateEvent', 'searchEvents', 'deleteVisitorData'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'function',
  )

const assertId = (value: unknown, name: string) => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string`)
  }
}

/**
 * Creates a client with the v3 methods, signatures, results and errors on top of the v4 API, so
 * v3 code keeps working after changing only how the client is built.
 *
 * Results are converted with `toV3Event` / `toV3Visit` (see their docs for defaults and the fields
 * v4 cannot produce); errors become the v3 ones (`RequestError`, `TooManyRequestsError`, v3 codes
 * via `toV3ErrorCode`, the v4 error as `cause`).
 *
 * Where behaviour differs from v3:
 * - `searchEvents`: `start`/`end` keep v3's exclusive meaning (sent as `start + 1`/`end - 1`);
 *   `limit` above 100 is served by reading several v4 pages; `paginationKey` is an opaque v4 key
 *   (not a timestamp), valid only with this client.
 * - `getVisits`: v4 search by `visitor_id` from `now - visitsLookbackMs`, newest first. `limit`
 *   counts returned visits (v3 counted scanned events before filtering by `linked_id`), default
 *   100, max 500; `request_id` is served by `getEvent`; `before` becomes `end = before - 1`;
 *   `paginationKey` is an opaque v4 key; an unknown visitor gives an empty list (v4 answers 404).
 * - `getRelatedVisitors` rejects with an `SdkError` explaining the removal.
 *
 * `iterateEvents` and `iterateVisits` (the iterators of `@fpapi/server-api-v3`) walk those two
 * calls page by page.
 *
 * @param v4ClientOrOptions - a v4 client (e.g. `new FingerprintServerApiClient(...)`) or the v3
 *   client options (`apiKey`, `region`, `fetch`, ...) to build one
 * @param options - {@link V3CompatOptions}
 * @returns the v3-shaped client
 * @throws TypeError when the argument is neither a client nor options with an `apiKey`
 * @example
 * ```ts
 * // before: const client = new FingerprintJsServerApiClient({ apiKey, region: Region.EU })
 * const client = createV3CompatClient({ apiKey, region: 'EU' })
 * const event = await client.getEvent(requestId)
 * event.products.identification?.data?.visitorId
 * ```
 */
export function createV3CompatClient(
  v4ClientOrOptions: V4ClientLike | V3ClientOptions,
  options: V3CompatOptions = {},
): V3CompatClient {
  if (v4ClientOrOptions === null || typeof v4ClientOrOptions !== 'object') {
    throw new TypeError('v4ClientOrOptions must be a v4 client or { apiKey, region?, ... }')
  }
  if (options === null || typeof options !== 'object')
    throw new TypeError('options must be an object')
  const warn = options.onWarning ?? ((message: string) => console.warn(message))
  const lookback = options.visitsLookbackMs ?? 365 * DAY_MS
  if (typeof lookback !== 'number' || !(lookback > 0)) {
    throw new TypeError('options.visitsLookbackMs must be a positive number of milliseconds')
  }
  const now = options.now ?? Date.now
  const classes = options.errorClasses ?? {}

  let v4: V4ClientLike
  if (isClientLike(v4ClientOrOptions)) {
    v4 = v4ClientOrOptions
  } else {
    const { authenticationMode, ...v4Options } = v4ClientOrOptions
    if (authenticationMode === 'QueryParameter') {
      warn(
        'authenticationMode "QueryParameter" ignored: Server API v4 only accepts the Authorization: Bearer header',
      )
    }
    v4 = new FingerprintServerApiClient(v4Options)
  }

  const call = async <T>(style: V3ErrorStyle, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw toV3Error(error, style, classes)
    }
  }

  /** Reads v4 pages until `want` events or the end, each page no larger than what is still wanted. */
  const readPages = async (filter: V4SearchEventsFilter, want: number) => {
    const events: V4Event[] = []
    let key = filter.pagination_key
    // Cursors followed so far: a server answering one it gave before would hand out the same
    // events again and again, until `want` is reached.
    const followed = new Set(key === undefined ? [] : [key])
    for (;;) {
      const page = await v4.searchEvents({
        ...filter,
        limit: Math.min(want - events.length, V4_MAX_SEARCH_LIMIT),
        ...(key !== undefined && { pagination_key: key }),
      })
      const list = itemsOf(page)
      for (const event of list) events.push(event)
      key = nextCursorOf(page)
      if (key === undefined || events.length >= want || list.length === 0) break
      if (followed.has(key)) {
        throw new SdkError(
          'Pagination stopped: the server returned a cursor it had returned before',
        )
      }
      followed.add(key)
    }
    return { events, paginationKey: key }
  }

  const getVisits = (visitorId: string, filter: V3VisitorHistoryFilter = {}) =>
    call('plain', async (): Promise<V3VisitorsResponse> => {
      assertId(visitorId, 'visitorId')
      if (filter === null || typeof filter !== 'object')
        throw new TypeError('filter must be an object')
      const limit = filter.limit ?? VISITS_DEFAULT_LIMIT
      if (!Number.isInteger(limit) || limit < 0 || limit > VISITS_MAX_LIMIT) {
        throw new TypeError(`filter.limit must be an integer from 0 to ${VISITS_MAX_LIMIT}`)
      }
      if (filter.request_id !== undefined) {
        assertId(filter.request_id, 'filter.request_id')
        const event = await v4.getEvent(filter.request_id).catch((error: unknown) => {
          if ((error as { statusCode?: number }).statusCode === 404) return undefined
          throw error
        })
        const matches =
          event !== undefined &&
          event.identification?.visitor_id === visitorId &&
          (filter.linked_id === undefined || event.linked_id === filter.linked_id)
        return { visitorId, visits: matches && limit > 0 ? [toV3Visit(event)] : [] }
      }
      if (limit === 0) return { visitorId, visits: [] }
      const v4Filter: V4SearchEventsFilter = {
        visitor_id: visitorId,
        start: now() - lookback,
        ...(filter.linked_id !== undefined && { linked_id: filter.linked_id }),
        ...(filter.before !== undefined && { end: filter.before - 1 }),
        ...(filter.paginationKey !== undefined && { pagination_key: filter.paginationKey }),
      }
      let page: Awaited<ReturnType<typeof readPages>>
      try {
        page = await readPages(v4Filter, limit)
      } catch (error) {
        // v3 had no 404 here: an unknown visitor simply had no visits
        if ((error as { statusCode?: number }).statusCode === 404) return { visitorId, visits: [] }
        throw error
      }
      const visits = page.events.map(toV3Visit)
      const last = page.events[page.events.length - 1]
      return {
        visitorId,
        visits,
        ...(last !== undefined &&
          page.paginationKey !== undefined && { lastTimestamp: lastTimestampOf(last) }),
        ...(page.paginationKey !== undefined && { paginationKey: page.paginationKey }),
      }
    })

  const searchEvents = (filter: V3SearchFilterInput): Promise<V3SearchEventsResponse> =>
    call('coded', async (): Promise<V3SearchEventsResponse> => {
      if (filter === null || typeof filter !== 'object')
        throw new TypeError('filter must be an object')
      const want = filter.limit
      const v4Filter = toV4SearchFilter(
        { ...filter, limit: Math.min(want, V4_MAX_SEARCH_LIMIT) },
        { dropUnsupported: options.dropUnsupportedFilters ?? false, onWarning: warn },
      )
      const { events, paginationKey } = await readPages(v4Filter, want)
      return {
        events: events.map((e) => toV3Event(e)),
        ...(paginationKey !== undefined && { paginationKey }),
      }
    })

  return {
    getEvent: (requestId) =>
      call('coded', async () => {
        assertId(requestId, 'requestId')
        return toV3Event(await v4.getEvent(requestId))
      }),
    updateEvent: (body, requestId) =>
      call('coded', async () => {
        const v4Body = toV4Update(body)
        assertId(requestId, 'requestId')
        await v4.updateEvent(requestId, v4Body)
      }),
    searchEvents,
    getVisits,
    getVisitorHistory: getVisits,
    iterateEvents(filter, iterateOptions = {}) {
      if (filter === null || typeof filter !== 'object')
        throw new TypeError('filter must be an object')
      return pagedIterator<V3SearchEvent, V3SearchEventsResponse>(
        {
          fetchPage: (cursor) =>
            searchEvents(cursor === undefined ? filter : { ...filter, pagination_key: cursor }),
          items: (page) => page.events ?? [],
          next: (page) => page.paginationKey,
          trim: (page, keep) => ({ ...page, events: (page.events ?? []).slice(0, keep) }),
        },
        iterateOptions.maxItems,
      )
    },
    iterateVisits(visitorId, filter = {}, iterateOptions = {}) {
      assertId(visitorId, 'visitorId')
      if (filter.limit === 0) throw new TypeError('filter.limit must be positive to iterate')
      return pagedIterator<V3Visit, V3VisitorsResponse>(
        {
          fetchPage: (cursor) =>
            getVisits(
              visitorId,
              cursor === undefined ? filter : { ...filter, paginationKey: cursor },
            ),
          items: (page) => page.visits,
          next: (page) => page.paginationKey,
          trim: (page, keep) => ({ ...page, visits: page.visits.slice(0, keep) }),
        },
        iterateOptions.maxItems,
      )
    },
    deleteVisitorData: (visitorId) =>
      call('coded', async () => {
        assertId(visitorId, 'visitorId')
        await v4.deleteVisitorData(visitorId)
      }),
    getRelatedVisitors: async () => {
      throw new SdkError(
        'getRelatedVisitors is not available on Server API v4: the operation was removed and no v4 ' +
          'field lists related visitors. Remove the call (there is no replacement), or keep this one ' +
          'call on a v3 client while v3 still works (until January 2027).',
      )
    },
  }
}

/** v3 `lastTimestamp` was the millisecond prefix of the last visit's request id. */
function lastTimestampOf(event: V4Event): number {
  const prefix = Number(event.event_id.split('.')[0])
  return Number.isSafeInteger(prefix) && prefix > 0 ? prefix : event.timestamp
}

/**
 * The events of a v4 page, checked: a page without `events` has none; `null` or anything but an
 * array is an answer the v4 API never gives, reported as such instead of a bare TypeError.
 */
function itemsOf(page: { events?: unknown }): V4Event[] {
  const { events } = page
  if (events === undefined) return []
  if (!Array.isArray(events)) {
    throw new SdkError('Unexpected page from the server: its list of items is not an array')
  }
  return events as V4Event[]
}

/**
 * The cursor of the next page: `undefined` on the last page (absent, `null` or `''`, which would
 * otherwise be sent back and read the first page again), a number as its text.
 */
function nextCursorOf(page: { pagination_key?: unknown }): string | undefined {
  const next = page.pagination_key
  if (next === undefined || next === null || next === '' || next === false) return undefined
  if (typeof next === 'number' && Number.isFinite(next)) return String(next)
  if (typeof next !== 'string') {
    throw new SdkError('Unexpected page from the server: its next-page cursor is not a string')
  }
  return next
}
