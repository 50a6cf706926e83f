import type { V4Event, V4EventSearch, V4EventUpdate, V4SearchEventsFilter } from '../types'

/**
 * The four v4 calls the compat client uses. `FingerprintServerApiClient` of this package fits, and
 * so does `@fingerprint/node-sdk`'s client or a test double.
 */
export interface V4ClientLike {
  getEvent(eventId: string): Promise<V4Event>
  updateEvent(eventId: string, body: V4EventUpdate): Promise<void>
  searchEvents(filter: V4SearchEventsFilter): Promise<V4EventSearch>
  deleteVisitorData(visitorId: string): Promise<void>
}
