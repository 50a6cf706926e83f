/**
 * The argument rules of each v3 operation, checked before any request is sent. The checks
 * themselves come from `@fpapi/client-core`; this file only says which argument each operation
 * needs, following specs/server-api-v3.yaml.
 *
 * @internal
 */
import {
  assertId,
  assertNonNegativeInteger,
  assertOptionalBoolean,
  assertOptionalNumber,
  assertOptionalString,
  assertPlainObject,
  assertPositiveInteger,
  assertStringArray,
} from '@fpapi/client-core'
import type {
  EventsUpdateRequest,
  RelatedVisitorsFilter,
  SearchEventsFilter,
  VisitorHistoryFilter,
} from './types'

/** @internal An id used as a path segment (`requestId`, `visitorId`). */
export function checkId(value: unknown, name: string): asserts value is string {
  assertId(value, name)
}

/** @internal `updateEvent(body, requestId)`: an object body with typed known fields, and an id. */
export function checkUpdateEvent(
  body: unknown,
  requestId: unknown,
): asserts body is EventsUpdateRequest {
  assertPlainObject(body, 'body')
  const { linkedId, suspect, tag } = body
  assertOptionalString(linkedId, 'body.linkedId')
  assertOptionalBoolean(suspect, 'body.suspect')
  if (tag !== undefined) assertPlainObject(tag, 'body.tag')
  assertId(requestId, 'requestId')
}

/** @internal `searchEvents(filter)`: the spec requires a positive integer `limit`. */
export function checkSearchFilter(filter: unknown): asserts filter is SearchEventsFilter {
  assertPlainObject(filter, 'filter')
  const f = filter as Record<string, unknown>
  assertPositiveInteger(f.limit, 'filter.limit')
  assertOptionalString(f.pagination_key, 'filter.pagination_key')
  assertOptionalNumber(f.start, 'filter.start')
  assertOptionalNumber(f.end, 'filter.end')
  assertStringArray(f.environment, 'filter.environment')
}

/** @internal `getVisits(visitorId, filter?)`: an id and, when given, a well-typed filter. */
export function checkVisitsArguments(
  visitorId: unknown,
  filter: unknown,
): asserts filter is VisitorHistoryFilter | undefined {
  assertId(visitorId, 'visitorId')
  if (filter === undefined || filter === null) return
  assertPlainObject(filter, 'filter')
  const f = filter as Record<string, unknown>
  // The spec allows `limit: 0` and `before: 0` (minimum 0).
  if (f.limit !== undefined) assertNonNegativeInteger(f.limit, 'filter.limit')
  if (f.before !== undefined) assertNonNegativeInteger(f.before, 'filter.before')
  assertOptionalString(f.paginationKey, 'filter.paginationKey')
  assertOptionalString(f.request_id, 'filter.request_id')
  assertOptionalString(f.linked_id, 'filter.linked_id')
}

/** @internal `getRelatedVisitors(filter)`: `filter.visitor_id` is required. */
export function checkRelatedVisitorsFilter(
  filter: unknown,
): asserts filter is RelatedVisitorsFilter {
  assertPlainObject(filter, 'filter')
  assertId((filter as Record<string, unknown>).visitor_id, 'filter.visitor_id')
}
