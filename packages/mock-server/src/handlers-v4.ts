import { MockApiError } from './api-error'
import { compareNewestFirst } from './event-store'
import type { Handler, HandlerContext } from './handler-context'
import { evaluateRuleset } from './rulesets'
import { buildSearchPredicate } from './search-filter'
import type { MockEvent, MockEventUpdate } from './types'

const WEEK_MS = 7 * 24 * 3_600_000
const PAGING_PARAMS = new Set(['limit', 'pagination_key', 'reverse', 'start', 'end', 'total_hits'])

function toMs(value: unknown): number | undefined {
  if (value === undefined) return undefined
  return typeof value === 'number' ? value : Date.parse(String(value))
}

/** Encodes the position after an event as an opaque v4 pagination key. @internal */
export function encodeCursor(e: MockEvent): string {
  return Buffer.from(JSON.stringify([e.timestamp, e.event_id])).toString('base64url')
}

function decodeCursor(key: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return [value[0], value[1]]
    }
  } catch {
    // fall through to the error below
  }
  throw new MockApiError(
    400,
    'request_cannot_be_parsed',
    'Invalid query parameter "pagination_key": pass back the pagination_key of a previous response unchanged.',
  )
}

/**
 * Checks the 409 window shared by both update operations.
 * @internal
 */
export function assertMutable(ctx: HandlerContext, event: MockEvent): void {
  const age = ctx.now - event.timestamp
  if (age < ctx.stateNotReadyMs) {
    throw new MockApiError(
      409,
      'state_not_ready',
      `Event ${event.event_id} is not mutable yet (${Math.max(0, age)} ms old, needs ${ctx.stateNotReadyMs} ms); retry shortly.`,
    )
  }
}

const getEvent: Handler = (ctx) => {
  const id = ctx.params.event_id as string
  const stored = ctx.store.peek(id)
  if (!stored) throw new MockApiError(404, 'event_not_found', `Event ${id} not found.`)
  const rulesetId = ctx.params.ruleset_id as string | undefined
  if (rulesetId === undefined) return { status: 200, body: stored }
  const rules = ctx.rulesets[rulesetId]
  if (!rules) throw new MockApiError(400, 'ruleset_not_found', `Ruleset ${rulesetId} not found.`)
  return {
    status: 200,
    body: { ...stored, rule_action: evaluateRuleset(rulesetId, rules, stored) },
  }
}

const updateEvent: Handler = (ctx) => {
  const id = ctx.params.event_id as string
  const stored = ctx.store.peek(id)
  if (!stored) throw new MockApiError(404, 'event_not_found', `Event ${id} not found.`)
  assertMutable(ctx, stored)
  ctx.store.update(id, ctx.body as MockEventUpdate)
  return { status: 200 }
}

const searchEvents: Handler = (ctx) => {
  const p = ctx.params
  const visitorId = p.visitor_id as string | undefined
  if (visitorId !== undefined && !ctx.store.hasVisitor(visitorId)) {
    throw new MockApiError(404, 'visitor_not_found', `Visitor ${visitorId} not found.`)
  }
  const limit = (p.limit as number | undefined) ?? 10
  const start = toMs(p.start) ?? ctx.now - WEEK_MS
  const end = toMs(p.end) ?? ctx.now
  const reverse = p.reverse === true
  const filters: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(p)) if (!PAGING_PARAMS.has(k)) filters[k] = v
  const matches = buildSearchPredicate(filters)
  let list = ctx.store
    .peekSorted()
    .filter((e) => e.timestamp >= start && e.timestamp <= end && matches(e))
  if (reverse) list = list.slice().reverse()
  const total = list.length
  const key = p.pagination_key as string | undefined
  if (key !== undefined) {
    const [ts, id] = decodeCursor(key)
    const cursor = { timestamp: ts, event_id: id } as MockEvent
    // Keep what comes after the cursor in the requested order.
    list = list.filter((e) =>
      reverse ? compareNewestFirst(cursor, e) > 0 : compareNewestFirst(cursor, e) < 0,
    )
  }
  const page = list.slice(0, limit)
  const last = page[page.length - 1]
  return {
    status: 200,
    body: {
      events: page,
      ...(list.length > limit && last ? { pagination_key: encodeCursor(last) } : {}),
      ...(p.total_hits !== undefined
        ? { total_hits: Math.min(total, p.total_hits as number) }
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

/** Server API v4 operation handlers by `operationId`. @internal */
export const V4_HANDLERS: Record<string, Handler> = {
  getEvent,
  updateEvent,
  searchEvents,
  deleteVisitorData,
}
