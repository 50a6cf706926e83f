/**
 * Type aliases shared by the migration modules. The v3 shapes come from the v3 package's generated
 * file by relative path so that the published declaration bundle inlines them: users of
 * `@fpapi/server-api-v4/migrate` do not need `@fpapi/server-api-v3` installed to get v3 types.
 * @internal
 */
import type {
  components as V3Components,
  operations as V3Operations,
} from '../../../server-api-v3/src/generated/openapi'
import type { components as V4Components, operations as V4Operations } from '../generated/openapi'

type V3Schemas = V3Components['schemas']
type V4Schemas = V4Components['schemas']

/** A v3 `GET /events/{request_id}` result (`{ products: { ... } }`). */
export type V3EventsGetResponse = V3Schemas['EventsGetResponse']
/** The v3 `products` object of an event. */
export type V3Products = V3Schemas['Products']
/** A v3 `PUT /events/{request_id}` body. */
export type V3EventsUpdateRequest = V3Schemas['EventsUpdateRequest']
/** A v3 `GET /events/search` result. */
export type V3SearchEventsResponse = V3Schemas['SearchEventsResponse']
/** The query of v3 `GET /events/search`. */
export type V3SearchEventsFilter = V3Operations['searchEvents']['parameters']['query']
/** The query of v3 `GET /visitors/{visitor_id}`. */
export type V3VisitorHistoryFilter = NonNullable<V3Operations['getVisits']['parameters']['query']>
/** One item of a v3 visit history. */
export type V3Visit = V3Schemas['Visit']
/** A v3 `GET /visitors/{visitor_id}` result. */
export type V3VisitorsResponse = V3Schemas['VisitorsGetResponse']
/** The v3 error codes (PascalCase). */
export type V3ErrorCode = V3Schemas['ErrorCode']
/** The v3 error body `{ error: { code, message } }`. */
export type V3ErrorResponse = V3Schemas['ErrorResponse']
/** The plain v3 error body of the visits operation: `{ error: string }`. */
export type V3ErrorPlainResponse = V3Schemas['ErrorPlainResponse']
/** The v3 identification product data. */
export type V3Identification = V3Schemas['Identification']
/** The v3 webhook body: one flat camelCase object. */
export type V3Webhook = V3Schemas['Webhook']
/** v3 raw device attributes: a free-form map of `{ value }` / `{ error }` entries. */
export type V3RawDeviceAttributes = V3Schemas['RawDeviceAttributes']

/** A v4 event (`GET /v4/events/{event_id}` result, search item and webhook body). */
export type V4Event = V4Schemas['Event']
/** A v4 `PATCH /v4/events/{event_id}` body. */
export type V4EventUpdate = V4Schemas['EventUpdate']
/** A v4 `GET /v4/events` result. */
export type V4EventSearch = V4Schemas['EventSearch']
/** The query of v4 `GET /v4/events`. */
export type V4SearchEventsFilter = NonNullable<V4Operations['searchEvents']['parameters']['query']>
/** The v4 error codes (snake_case). */
export type V4ErrorCode = V4Schemas['ErrorCode']
/** The v4 error body `{ error: { code, message } }`. */
export type V4ErrorResponse = V4Schemas['ErrorResponse']
/** v4 raw device attributes: a typed object of snake_case keys. */
export type V4RawDeviceAttributes = V4Schemas['RawDeviceAttributes']
