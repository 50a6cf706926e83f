/**
 * Friendly names for the generated Server API v3 types. The generated file is never edited; every
 * public alias lives here, so a rename survives regeneration. The names match the official
 * `@fingerprintjs/fingerprintjs-pro-server-api` (v6) SDK, so type imports keep compiling after a switch.
 */
import type { components, operations, paths } from './generated/openapi'

type Schemas = components['schemas']

/** The full identification event returned by `getEvent` (`GET /events/{request_id}`). */
export type EventsGetResponse = Schemas['EventsGetResponse']
/** The body accepted by `updateEvent` (`PUT /events/{request_id}`): `linkedId`, `tag`, `suspect`. */
export type EventsUpdateRequest = Schemas['EventsUpdateRequest']
/** Every filter of `searchEvents` (`GET /events/search`); `limit` is required by the API. */
export type SearchEventsFilter = NonNullable<operations['searchEvents']['parameters']['query']>
/** One page of `searchEvents`; `paginationKey` is present while more events match. */
export type SearchEventsResponse = Schemas['SearchEventsResponse']
/** One event of a {@link SearchEventsResponse}. */
export type SearchEventsResponseEvent = NonNullable<SearchEventsResponse['events']>[number]
/** The filters of `getVisits` (`GET /visitors/{visitor_id}`): `request_id`, `linked_id`, `limit`, `paginationKey`, `before`. */
export type VisitorHistoryFilter = NonNullable<operations['getVisits']['parameters']['query']>
/** One page of a visitor's history; `paginationKey` / `lastTimestamp` are present while more visits exist. */
export type VisitorsResponse = Schemas['VisitorsGetResponse']
/** One visit of a {@link VisitorsResponse}. */
export type Visit = Schemas['Visit']
/** The filter of `getRelatedVisitors` (`GET /related-visitors`). */
export type RelatedVisitorsFilter = operations['getRelatedVisitors']['parameters']['query']
/** The answer of `getRelatedVisitors`. */
export type RelatedVisitorsResponse = Schemas['RelatedVisitorsResponse']
/** The identification webhook payload. */
export type Webhook = Schemas['Webhook']
/** The structured error body most endpoints answer with: `{ error: { code, message } }`. */
export type ErrorResponse = Schemas['ErrorResponse']
/** The older error body of `GET /visitors/{visitor_id}`: `{ error: "message" }`. */
export type ErrorPlainResponse = Schemas['ErrorPlainResponse']
/** The error codes the spec lists for {@link ErrorResponse}. */
export type ErrorCode = Schemas['ErrorCode']
/** The Smart Signal results of an event. */
export type Products = Schemas['Products']
/** The `products.identification.data` part of an event. */
export type Identification = Schemas['Identification']
/** The user-defined `tag` object of an event. */
export type Tag = Schemas['Tag']

/** Every path of the v3 spec, as a union of strings. */
export type ApiPath = keyof paths
