import { MockApiError } from './api-error'
import type { Handler } from './handler-context'
import { assertMutable } from './handlers-v4'
import { buildSearchPredicate } from './search-filter'
import type { MockEvent } from './types'
import { fromV3Update, toV3Products, toV3Visit } from './v3-view'

const WEEK_MS = 7 * 24 * 3_600_000
const PAGING_PARAMS = new Set(['limit', 'pagination_key', 'reverse', 'start', 'end'])
const VISITS_DEFAULT_LIMIT = 100
const VISITS_MAX_LIMIT = 500

const getEvent: Handler = (ctx) => {
  const id = ctx.params.request_id as string
  const stored = ctx.store.peek(id)
  if (!stored) throw new MockApiError(404, 'event_not_found', `Request id ${id} not found.`)
  return { status: 200, body: { products: toV3Products(stored) } }
}

const updateEvent: Handler = (ctx) => {
  const id = ctx.params.request_id as string
  const stored = ctx.store.peek(id)
  if (!stored) throw new MockApiError(404, 'event_not_found', `Request id ${id} not found.`)
  assertMutable(ctx, stored)
  ctx.store.update(id, fromV3Update(ctx.body as Record<string, unknown>))
  return { status: 200 }
}

/**
 * v3 search: `start`/`end` are exclusive, the default window is the last 7 days, and the
 * pagination key is the timestamp of the last returned event.
 */
const searchEvents: Handler = (ctx) => {
  const p = ctx.params
  const limit = p.limit as number
  const start = (p.start as number | undefined) ?? ctx.now - WEEK_MS - 1
  const end = (p.end as number | undefined) ?? ctx.now + 1
  const reverse = p.reverse === true
  const filters: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(p)) if (!PAGING_PARAMS.has(k)) filters[k] = v
  const matches = buildSearchPredicate(filters)
  let list = ctx.store
    .peekSorted()
    .filter((e) => e.timestamp > start && e.timestamp < end && matches(e))
  if (reverse) list = list.slice().reverse()
  const key = p.pagination_key as string | undefined
  if (key !== undefined) {
    if (!/^\d+$/.test(key)) {
      throw new MockApiError(
        400,
        'request_cannot_be_parsed',
        `Invalid query parameter "pagination_key": expected the timestamp of the last returned event, got "${key}".`,
      )
    }
    const ts = Number(key)
    list = list.filter((e) => (reverse ? e.timestamp > ts : e.timestamp < ts))
  }
  const page = list.slice(0, limit)
  const last = page[page.length - 1]
  return {
    status: 200,
    body: {
      events: page.map((e) => ({ products: toV3Products(e) })),
      ...(list.length > limit && last ? { paginationKey: String(last.timestamp) } : {}),
    },
  }
}

/**
 * v3 visitor history. `limit` counts events scanned (default 100, at most 500), newest first;
 * `request_id` and `linked_id` filter the scanned window afterwards, so a page may hold fewer
 * visits than `limit` while more exist. `lastTimestamp` and `paginationKey` (the request ID of
 * the last scanned event) appear only while older events remain.
 */
const getVisits: Handler = (ctx) => {
  const p = ctx.params
  const visitorId = p.visitor_id as string
  const limit = Math.min((p.limit as number | undefined) ?? VISITS_DEFAULT_LIMIT, VISITS_MAX_LIMIT)
  let history: MockEvent[] = ctx.store.peekByVisitor(visitorId)
  if (p.before !== undefined) history = history.filter((e) => e.timestamp < (p.before as number))
  const key = p.paginationKey as string | undefined
  if (key !== undefined) {
    const index = history.findIndex((e) => e.event_id === key)
    if (index !== -1) {
      history = history.slice(index + 1)
    } else {
      // An ID of a deleted or unknown event: its millisecond prefix still marks the position.
      const prefix = /^(\d+)\./.exec(key)?.[1]
      if (prefix === undefined) {
        throw new MockApiError(
          400,
          'request_cannot_be_parsed',
          `Invalid query parameter "paginationKey": expected a request ID, got "${key}".`,
        )
      }
      history = history.filter((e) => e.timestamp < Number(prefix))
    }
  }
  const scanned = history.slice(0, limit)
  const last = scanned[scanned.length - 1]
  const visits = scanned.filter(
    (e) =>
      (p.request_id === undefined || e.event_id === p.request_id) &&
      (p.linked_id === undefined || e.linked_id === p.linked_id),
  )
  return {
    status: 200,
    body: {
      visitorId,
      visits: visits.map(toV3Visit),
      ...(history.length > scanned.length && last
        ? { lastTimestamp: last.timestamp, paginationKey: last.event_id }
        : {}),
    },
  }
}

const deleteVisitorData: Handler = (ctx) => {
  const id = ctx.params.visitor_id as string
  if (ctx.store.deleteVisitor(id) === 0)
    throw new MockApiError(404, 'visitor_not_found', `Visitor ${id} not found.`)
  return { status: 200 }
}

const getRelatedVisitors: Handler = (ctx) => {
  const id = ctx.params.visitor_id as string
  if (!ctx.store.hasVisitor(id))
    throw new MockApiError(404, 'visitor_not_found', `Visitor ${id} not found.`)
  return {
    status: 200,
    body: { relatedVisitors: ctx.store.relatedVisitors(id).map((visitorId) => ({ visitorId })) },
  }
}

/** The spec's `TRACE /webhook` only describes the webhook payload: the body was validated, nothing else to do. */
const traceWebhook: Handler = () => ({ status: 200 })

/** Server API v3 operation handlers by `operationId`. @internal */
export const V3_HANDLERS: Record<string, Handler> = {
  getEvent,
  updateEvent,
  searchEvents,
  getVisits,
  deleteVisitorData,
  getRelatedVisitors,
  trace_webhook: traceWebhook,
}
