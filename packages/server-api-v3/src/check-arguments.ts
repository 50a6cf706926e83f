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
  // `null` means "not given", as `undefined` does: both are left out of the query, as the official
  // SDK leaves them out, and so are `null`/`undefined` items of `environment`.
  assertOptionalString(absent(f.pagination_key), 'filter.pagination_key')
  assertOptionalNumber(absent(f.start), 'filter.start')
  assertOptionalNumber(absent(f.end), 'filter.end')
  const environment = absent(f.environment)
  if (!Array.isArray(environment)) return assertStringArray(environment, 'filter.environment')
  environment.forEach((item: unknown, i) => {
    if (item != null) assertOptionalString(item, `filter.environment[${i}]`)
  })
}

/** `null` read as `undefined`: an untyped caller of the official SDK may pass either for "none". */
function absent(value: unknown): unknown {
  return value === null ? undefined : value
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
  // The spec allows `limit: 0` and `before: 0` (minimum 0); `null` means "not given".
  if (f.limit != null) assertNonNegativeInteger(f.limit, 'filter.limit')
  if (f.before != null) assertNonNegativeInteger(f.before, 'filter.before')
  assertOptionalString(absent(f.paginationKey), 'filter.paginationKey')
  assertOptionalString(absent(f.request_id), 'filter.request_id')
  assertOptionalString(absent(f.linked_id), 'filter.linked_id')
}

/** @internal `getRelatedVisitors(filter)`: `filter.visitor_id` is required. */
export function checkRelatedVisitorsFilter(
  filter: unknown,
): asserts filter is RelatedVisitorsFilter {
  assertPlainObject(filter, 'filter')
  assertId((filter as Record<string, unknown>).visitor_id, 'filter.visitor_id')
}
