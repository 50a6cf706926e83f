/**
 * The error classes, as the official v6 SDK types them. They are the runtime classes of
 * `@fpapi/client-core` (so `instanceof` works across every `@fpapi` client); only the types are
 * narrowed here, so that `error.responseBody.error.message` compiles on a `TooManyRequestsError`
 * exactly as it does with the official SDK.
 */
import {
  TooManyRequestsError as CoreTooManyRequestsError,
  type ApiErrorDetails,
} from '@fpapi/client-core'
import type { ErrorResponse } from './types'

/**
 * The request was rate limited (HTTP 429) and the retries, if any, did not get through.
 * `retryAfter` is the server's `Retry-After` in seconds (0 when absent); `responseBody` has the
 * `ErrorResponse` shape and `errorCode` is `TooManyRequests`.
 *
 * @example
 * ```ts
 * try {
 *   await client.getVisits(visitorId)
 * } catch (error) {
 *   if (error instanceof TooManyRequestsError) retryLater(error.retryAfter, error.responseBody.error.message)
 * }
 * ```
 */
export type TooManyRequestsError = CoreTooManyRequestsError<string, ErrorResponse>

/** The constructor of {@link TooManyRequestsError} (the official `(body, response)` shape). */
export interface TooManyRequestsErrorConstructor {
  new (
    body: ErrorResponse,
    response: Response,
    details?: ApiErrorDetails & { retryAfter?: number },
  ): TooManyRequestsError
  readonly prototype: TooManyRequestsError
}

/** {@inheritDoc TooManyRequestsError} */
export const TooManyRequestsError: TooManyRequestsErrorConstructor = CoreTooManyRequestsError
