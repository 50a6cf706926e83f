import type {
  SearchEventsFilter,
  SearchEventsResponse,
  VisitorHistoryFilter,
  VisitorsResponse,
} from './types'

/**
 * The cursor rule of visitor history (`GET /visitors/{visitor_id}`).
 *
 * `limit` counts events *scanned*, and `request_id` / `linked_id` filter after the scan, so a page
 * may hold fewer visits than `limit` (even none) while more exist. The response carries
 * `paginationKey` (and the deprecated `lastTimestamp`) only while more results exist; older servers
 * send only `lastTimestamp`, which pages through the deprecated `before` parameter.
 *
 * @param filter - the filter that produced `page`
 * @param page - the page just received
 * @returns the filter for the next page, or `undefined` when `page` is the last one
 * @example
 * ```ts
 * let filter: VisitorHistoryFilter | undefined = { limit: 100 }
 * while (filter) {
 *   const page = await client.getVisits(visitorId, filter)
 *   filter = nextVisitsFilter(filter, page)
 * }
 * ```
 */
export function nextVisitsFilter(
  filter: VisitorHistoryFilter,
  page: VisitorsResponse,
): VisitorHistoryFilter | undefined {
  if (typeof page.paginationKey === 'string' && page.paginationKey !== '') {
    const { before: _before, ...rest } = filter
    return { ...rest, paginationKey: page.paginationKey }
  }
  if (typeof page.lastTimestamp === 'number' && Number.isFinite(page.lastTimestamp)) {
    const { paginationKey: _key, ...rest } = filter
    return { ...rest, before: page.lastTimestamp }
  }
  return undefined
}

/**
 * The cursor rule of event search (`GET /events/search`): the response's `paginationKey` goes into
 * the next request's `pagination_key`; no key means the last page.
 *
 * @param filter - the filter that produced `page`
 * @param page - the page just received
 * @returns the filter for the next page, or `undefined` when `page` is the last one
 * @example
 * ```ts
 * const next = nextSearchFilter({ limit: 50 }, { events: [], paginationKey: 'k1' })
 * // { limit: 50, pagination_key: 'k1' }
 * ```
 */
export function nextSearchFilter(
  filter: SearchEventsFilter,
  page: SearchEventsResponse,
): SearchEventsFilter | undefined {
  if (typeof page.paginationKey === 'string' && page.paginationKey !== '') {
    return { ...filter, pagination_key: page.paginationKey }
  }
  return undefined
}
