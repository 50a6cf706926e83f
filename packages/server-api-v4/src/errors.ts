import {
  ServerApiError as CoreServerApiError,
  TooManyRequestsError as CoreTooManyRequestsError,
  type ApiErrorDetails,
  type ApiErrorInfo,
} from '@fpapi/client-core'
import type { ErrorCode, ErrorResponse } from './types'

/**
 * The Server API answered with an error in its `{ error: { code, message } }` shape; `errorCode` is
 * typed as the API's {@link ErrorCode} union (unknown future codes still come through as strings).
 *
 * @example
 * ```ts
 * if (e instanceof ServerApiError && e.errorCode === 'event_not_found') return null
 * ```
 */
export type ServerApiError<Code extends number = number> = CoreServerApiError<
  Code,
  ErrorCode,
  ErrorResponse
>
/** Constructor of {@link ServerApiError}, with the official SDK's `(body, statusCode, response)` shape. */
export const ServerApiError: {
  new <Code extends number = number>(
    body: ErrorResponse,
    statusCode: Code,
    response: Response,
    details?: ApiErrorDetails,
  ): ServerApiError<Code>
  /** Builds the error from a parsed error body and its response, as the official SDK's factory does. */
  fromErrorResponse(body: ErrorResponse, response: Response): ServerApiError
} = CoreServerApiError as never

/**
 * The request was rate limited (429) and retries did not get through. `retryAfter` is the
 * `Retry-After` header in seconds (0 when absent).
 *
 * @example
 * ```ts
 * if (e instanceof TooManyRequestsError) setTimeout(retry, e.retryAfter * 1000)
 * ```
 */
export type TooManyRequestsError = CoreTooManyRequestsError<ErrorCode, ErrorResponse>
/** Constructor of {@link TooManyRequestsError}, with the official SDK's `(body, response)` shape. */
export const TooManyRequestsError: new (
  body: ErrorResponse,
  response: Response,
  details?: ApiErrorDetails & { retryAfter?: number },
) => TooManyRequestsError = CoreTooManyRequestsError as never

/**
 * Reads the v4 error body `{ error: { code, message } }`; anything else is not the API's shape.
 * A 429 whose body has another shape (a proxy's HTML, an empty body) is given the API's shape, so
 * every {@link TooManyRequestsError} has `responseBody.error` as the official SDK's type promises;
 * the text as received stays in `rawBody`.
 *
 * @internal
 */
export function extractV4Error(
  body: unknown,
  response?: Pick<Response, 'status'>,
): ApiErrorInfo | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error
  if (typeof body === 'object' && typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && typeof message === 'string') return { code, message }
  }
  if (response?.status !== 429) return undefined
  const rateLimited: ErrorResponse = {
    error: { code: 'too_many_requests', message: 'Too many requests' },
  }
  return { ...rateLimited.error, body: rateLimited }
}
