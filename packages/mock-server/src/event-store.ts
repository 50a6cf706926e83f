import type { MockEvent, MockEventUpdate } from './types'

/**
 * Checks an event before it enters the store; throws a `TypeError` describing the problem.
 * The server passes a validator compiled from the v4 `Event` schema.
 */
export type EventCheck = (event: MockEvent) => void

/**
 * Orders events newest first; equal timestamps fall back to the event ID so the order is total.
 * @internal
 */
export function compareNewestFirst(a: MockEvent, b: MockEvent): number {
  if (a.timestamp !== b.timestamp) return b.timestamp - a.timestamp
  return a.event_id < b.event_id ? 1 : a.event_id > b.event_id ? -1 : 0
}

/**
 * The one in-memory event store behind both API versions. Events are kept in the v4 `Event`
 * shape; every read through the public methods returns a copy, so a test cannot change stored
 * data by accident.
 *
 * @example
 * ```ts
 * const server = await startMockServer()
 * const [latest] = server.store.list({ limit: 1 })
 * server.store.update(latest.event_id, { tags: { reviewed: true } })
 * ```
 */
export class EventStore {
  readonly #events = new Map<string, MockEvent>()
  #sorted: MockEvent[] | undefined
  readonly #check: EventCheck | undefined
  readonly #clock: () => number

  /**
   * @param options - `check` validates inserted events; `now` is the clock used by {@link EventStore.create}
   */
  constructor(options: { check?: EventCheck; now?: () => number } = {}) {
    this.#check = options.check
    this.#clock = options.now ?? Date.now
  }

  /** Number of stored events. */
  get size(): number {
    return this.#events.size
  }

  /**
   * Adds events (or replaces events with the same `event_id`).
   *
   * @param events - one event or a list, in the v4 `Event` shape
   * @returns the number of events inserted
   * @throws {TypeError} when an event does not match the v4 `Event` schema
   */
  insert(events: MockEvent | readonly MockEvent[]): number {
    const list = Array.isArray(events) ? events : [events as MockEvent]
    for (const event of list) {
      if (typeof event !== 'object' || event === null || typeof event.event_id !== 'string') {
        throw new TypeError(
          'EventStore.insert: each event must be an object with a string event_id',
        )
      }
      this.#check?.(event)
    }
    for (const event of list) this.#events.set(event.event_id, structuredClone(event))
    this.#sorted = undefined
    return list.length
  }

  /**
   * Adds events produced by the seed generator as they are: no copy and no schema check (the
   * generator's output is checked against the spec by its tests, and strict mode checks every
   * answer). Keeps startup fast.
   * @internal
   */
  seed(events: MockEvent[]): void {
    for (const event of events) this.#events.set(event.event_id, event)
    this.#sorted = undefined
  }

  /**
   * Creates a new event happening now for a visitor, the way an identification request would.
   * Fresh events are younger than the server's `stateNotReadyMs`, so updating them at once
   * answers 409 until they settle.
   *
   * @param fields - fields of the new event; `identification.visitor_id` (or `visitorId`) picks the visitor
   * @returns a copy of the stored event
   */
  create(fields: Partial<MockEvent> & { visitorId?: string } = {}): MockEvent {
    const { visitorId, ...rest } = fields
    let timestamp = rest.timestamp ?? this.#clock()
    while (rest.timestamp === undefined && this.#hasTimestamp(timestamp)) timestamp++
    const id = rest.event_id ?? `${timestamp}.${randomSuffix()}`
    const visitor = visitorId ?? rest.identification?.visitor_id ?? randomSuffix(20)
    const known = this.byVisitor(visitor)[0]
    const event: MockEvent = {
      ...(known ? stripVolatile(known) : { sdk: { platform: 'js', version: '3.12.1' } }),
      ...rest,
      event_id: id,
      timestamp,
      identification: rest.identification ?? {
        visitor_id: visitor,
        visitor_found: known !== undefined,
        confidence: { score: 0.99, version: 'v1.1' },
        ...(known
          ? {
              first_seen_at: known.identification?.first_seen_at ?? known.timestamp,
              last_seen_at: known.timestamp,
            }
          : {}),
      },
    }
    this.insert(event)
    return structuredClone(event)
  }

  /**
   * Reads one event.
   *
   * @param eventId - the `event_id` (v4) or `requestId` (v3)
   * @returns a copy of the event, or `undefined`
   */
  get(eventId: string): MockEvent | undefined {
    const event = this.#events.get(eventId)
    return event ? structuredClone(event) : undefined
  }

  /**
   * Lists stored events, newest first.
   *
   * @param options - `limit` caps the list; `visitorId` keeps one visitor's events
   * @returns copies of the events
   * @throws {TypeError} when `limit` is not a non-negative integer
   */
  list(options: { limit?: number; visitorId?: string } = {}): MockEvent[] {
    if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
      throw new TypeError(
        `EventStore.list: options.limit must be a non-negative integer, got ${String(options.limit)}`,
      )
    }
    const source =
      options.visitorId !== undefined ? this.peekByVisitor(options.visitorId) : this.peekSorted()
    return source.slice(0, options.limit ?? source.length).map((e) => structuredClone(e))
  }

  /**
   * One visitor's events, newest first.
   *
   * @param visitorId - the visitor ID
   * @returns copies of the events (empty when the visitor is unknown)
   */
  byVisitor(visitorId: string): MockEvent[] {
    return this.peekByVisitor(visitorId).map((e) => structuredClone(e))
  }

  /**
   * Every distinct visitor ID in the store.
   *
   * @returns the visitor IDs, in order of their newest event
   */
  visitorIds(): string[] {
    const ids = new Set<string>()
    for (const e of this.peekSorted()) if (e.identification) ids.add(e.identification.visitor_id)
    return [...ids]
  }

  /**
   * Whether any stored event belongs to the visitor.
   *
   * @param visitorId - the visitor ID
   * @returns `true` when at least one event has it
   */
  hasVisitor(visitorId: string): boolean {
    for (const e of this.#events.values())
      if (e.identification?.visitor_id === visitorId) return true
    return false
  }

  /**
   * Applies an update in v4 naming. `tags` are merged key by key into the existing tags (so
   * concurrent updates adding different keys all survive); `linked_id` and `suspect` replace.
   *
   * @param eventId - the event to change
   * @param update - the fields to change
   * @returns a copy of the updated event, or `undefined` when the event does not exist
   */
  update(eventId: string, update: MockEventUpdate): MockEvent | undefined {
    const event = this.#events.get(eventId)
    if (!event) return undefined
    if (update.linked_id !== undefined) event.linked_id = update.linked_id
    if (update.suspect !== undefined) event.suspect = update.suspect
    if (update.tags !== undefined) event.tags = { ...event.tags, ...structuredClone(update.tags) }
    return structuredClone(event)
  }

  /**
   * Deletes every event of a visitor.
   *
   * @param visitorId - the visitor ID
   * @returns the number of deleted events
   */
  deleteVisitor(visitorId: string): number {
    let removed = 0
    for (const [id, e] of this.#events) {
      if (e.identification?.visitor_id === visitorId) {
        this.#events.delete(id)
        removed++
      }
    }
    if (removed > 0) this.#sorted = undefined
    return removed
  }

  /**
   * Visitors related to this one: other visitor IDs that share its high-recall ID (the same
   * device seen through different browsers or apps).
   *
   * @param visitorId - the visitor ID
   * @returns related visitor IDs, without the visitor itself
   */
  relatedVisitors(visitorId: string): string[] {
    const highRecall = new Set<string>()
    for (const e of this.peekByVisitor(visitorId)) {
      if (e.supplementary_id_high_recall) highRecall.add(e.supplementary_id_high_recall.visitor_id)
    }
    const related = new Set<string>()
    for (const e of this.peekSorted()) {
      const id = e.identification?.visitor_id
      const hr = e.supplementary_id_high_recall?.visitor_id
      if (id && id !== visitorId && hr && highRecall.has(hr)) related.add(id)
    }
    return [...related]
  }

  /** Removes every event. */
  clear(): void {
    this.#events.clear()
    this.#sorted = undefined
  }

  /**
   * The live sorted list (newest first), not a copy: for the request handlers only.
   * @internal
   */
  peekSorted(): readonly MockEvent[] {
    this.#sorted ??= [...this.#events.values()].sort(compareNewestFirst)
    return this.#sorted
  }

  /**
   * One visitor's live events, newest first: for the request handlers only.
   * @internal
   */
  peekByVisitor(visitorId: string): MockEvent[] {
    return this.peekSorted().filter((e) => e.identification?.visitor_id === visitorId)
  }

  /**
   * The live event, not a copy: for the request handlers only.
   * @internal
   */
  peek(eventId: string): MockEvent | undefined {
    return this.#events.get(eventId)
  }

  #hasTimestamp(timestamp: number): boolean {
    for (const e of this.#events.values()) if (e.timestamp === timestamp) return true
    return false
  }
}

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomSuffix(length = 6): string {
  let out = ''
  for (let i = 0; i < length; i++) out += SUFFIX[Math.floor(Math.random() * SUFFIX.length)]
  return out
}

function stripVolatile(event: MockEvent): Partial<MockEvent> {
  const {
    event_id: _id,
    timestamp: _ts,
    linked_id: _l,
    tags: _t,
    suspect: _s,
    rule_action: _r,
    ...rest
  } = event
  return structuredClone(rest)
}
