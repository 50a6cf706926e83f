/**
 * The argument rules of each v3 operation, checked before any request is sent. The generic checks
 * come from `@fpapi/client-core`; this file only says which argument each operation needs.
 *
 * @internal
 */
import { assertId, assertObject, assertPositiveInteger } from '@fpapi/client-core'
import type {
  EventsUpdateRequest,
  RelatedVisitorsFilter,
  SearchEventsFilter,
  VisitorHistoryFilter,
} from './types'

function assertOptional(value: unknown, name: string, type: 'string' | 'boolean' | 'number'): void {
  if (value === undefined) return
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
    throw new TypeError(`${name} must be a ${type} when given (got ${describe(value)})`)
  }
}

function assertOptionalNonNegativeInteger(value: unknown, name: string): void {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(
      `${name} must be a non-negative integer when given (got ${describe(value)})`,
    )
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

/** @internal An id used as a path segment (`requestId`, `visitorId`). */
export function checkId(value: unknown, name: string): asserts value is string {
  assertId(value, name)
}

/** @internal `updateEvent(body, requestId)`: an object body with typed known fields, and an id. */
export function checkUpdateEvent(
  body: unknown,
  requestId: unknown,
): asserts body is EventsUpdateRequest {
  assertObject(body, 'body')
  const { linkedId, suspect, tag } = body as Record<string, unknown>
  assertOptional(linkedId, 'body.linkedId', 'string')
  assertOptional(suspect, 'body.suspect', 'boolean')
  if (tag !== undefined) assertObject(tag, 'body.tag')
  assertId(requestId, 'requestId')
}

/** @internal `searchEvents(filter)`: the spec requires a positive integer `limit`. */
export function checkSearchFilter(filter: unknown): asserts filter is SearchEventsFilter {
  assertObject(filter, 'filter')
  const f = filter as Record<string, unknown>
  assertPositiveInteger(f.limit, 'filter.limit')
  assertOptional(f.pagination_key, 'filter.pagination_key', 'string')
  assertOptional(f.start, 'filter.start', 'number')
  assertOptional(f.end, 'filter.end', 'number')
  if (f.environment !== undefined) {
    if (!Array.isArray(f.environment) || f.environment.some((e) => typeof e !== 'string')) {
      throw new TypeError('filter.environment must be an array of strings when given')
    }
  }
}

/** @internal `getVisits(visitorId, filter?)`: an id and, when given, a well-typed filter. */
export function checkVisitsArguments(
  visitorId: unknown,
  filter: unknown,
): asserts filter is VisitorHistoryFilter | undefined {
  assertId(visitorId, 'visitorId')
  if (filter === undefined || filter === null) return
  assertObject(filter, 'filter')
  const f = filter as Record<string, unknown>
  assertOptionalNonNegativeInteger(f.limit, 'filter.limit')
  assertOptionalNonNegativeInteger(f.before, 'filter.before')
  assertOptional(f.paginationKey, 'filter.paginationKey', 'string')
  assertOptional(f.request_id, 'filter.request_id', 'string')
  assertOptional(f.linked_id, 'filter.linked_id', 'string')
}

/** @internal `getRelatedVisitors(filter)`: `filter.visitor_id` is required. */
export function checkRelatedVisitorsFilter(
  filter: unknown,
): asserts filter is RelatedVisitorsFilter {
  assertObject(filter, 'filter')
  assertId((filter as Record<string, unknown>).visitor_id, 'filter.visitor_id')
}
