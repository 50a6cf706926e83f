import { assertEvent, v3IdentificationCore } from './to-v3-event'
import type { V3Visit, V4Event } from './types'

/**
 * Rebuilds one item of a v3 visit history (`VisitorsGetResponse.visits[]`) from a v4 event, e.g.
 * an item of `searchEvents({ visitor_id })`. A visit carries the identification fields only:
 * `requestId`, `browserDetails`, `incognito`, `ip`, `linkedId`, `timestamp`, `time`, `url`, `tag`,
 * `confidence`, `visitorFound`, `firstSeenAt`, `lastSeenAt`, `components`; the same transforms and
 * defaults as {@link toV3Event} apply. `ipLocation` and per-attribute errors cannot be produced.
 *
 * @param event - a v4 `Event`
 * @returns the v3 `Visit`
 * @throws TypeError when `event` is not an object with a string `event_id` and a numeric `timestamp`
 * @example
 * ```ts
 * const page = await client.searchEvents({ visitor_id: id, limit: 10 })
 * const visits = page.events.map(toV3Visit)
 * ```
 */
export function toV3Visit(event: V4Event): V3Visit {
  assertEvent(event, 'event')
  return v3IdentificationCore(event)
}
