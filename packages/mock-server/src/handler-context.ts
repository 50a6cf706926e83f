import type { EventStore } from './event-store'
import type { MockRulesets } from './rulesets'

/** What an operation handler receives. @internal */
export interface HandlerContext {
  store: EventStore
  /** Path and query parameters, typed and validated against the spec. */
  params: Record<string, unknown>
  /** Parsed and validated JSON body, if the operation has one. */
  body: unknown
  /** Current time in ms. */
  now: number
  stateNotReadyMs: number
  rulesets: MockRulesets
}

/** What an operation handler answers: a status and an optional JSON body. @internal */
export interface HandlerResult {
  status: number
  body?: unknown
}

/** An operation handler. @internal */
export type Handler = (ctx: HandlerContext) => HandlerResult
