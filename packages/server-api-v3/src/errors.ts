/**
 * The error classes, as the official v6 SDK shapes them. Errors the client throws are the runtime
 * classes of `@fpapi/client-core` (so `instanceof` works across every `@fpapi` client); the two
 * classes below extend them with the official v6 SDK's static factories (`fromErrorResponse`,
 * `fromPlainError`, `fromPlain`) that test doubles and wrappers call, and declare the core's class
 * brand, so `instanceof` also recognises every error the core builds.
 */
import {
  RequestError as CoreRequestError,
  ServerApiError,
  TooManyRequestsError as CoreTooManyRequestsError,
  type ApiErrorDetails,
} from '@fpapi/client-core'
import type { ErrorPlainResponse, ErrorResponse } from './types'

/** The core's class-brand key (see `isInstanceAcrossCopies` in `@fpapi/client-core`). */
const BRAND = '@fpapi/error-class'

function keepName(constructor: object, name: string): void {
  Object.defineProperty(constructor, 'name', { value: name, configurable: true })
}

// The factories build their instances outside the class bodies: a class that names itself inside
// its body is renamed by bundlers, and that name would show in stack traces and `util.inspect`.
function fromApiBody(body: unknown, response: Response): CoreRequestError {
  return new ServerApiError(body, response.status, response)
}

function rateLimitedFromPlain(body: ErrorPlainResponse, response: Response): TooManyRequestsError {
  const normalised: ErrorResponse = { error: { code: 'TooManyRequests', message: body.error } }
  return new CoreTooManyRequestsError(normalised, response) as TooManyRequestsError
}

/**
 * The server answered with an HTTP error status (see also `ServerApiError`, its subclass for the
 * API's error shapes). `statusCode`, `errorCode`, `responseBody` and the non-enumerable `response`
 * are those of the official v6 SDK; `rawBody`, `headers`, `requestId` and `request` are additive.
 *
 * @example
 * ```ts
 * try {
 *   await client.getEvent(requestId)
 * } catch (error) {
 *   if (error instanceof RequestError) console.log(error.statusCode, error.errorCode, error.message)
 * }
 * ```
 */
export class RequestError<Code extends number = number, Body = unknown> extends CoreRequestError<
  Code,
  Body
> {
  /** The core's brand: errors the core builds are `instanceof` this class too. */
  static readonly [BRAND]: string = 'RequestError'

  static {
    // A bundle holds the core's class of the same name, so bundlers rename this one
    // (`RequestError2`); the name shown by `util.inspect` and stack traces stays the official one.
    keepName(this, 'RequestError')
  }

  /**
   * Builds the error for a body in the API's `ErrorResponse` shape, as the official SDK's factory
   * of the same name (the result is a `ServerApiError`, as the client throws).
   *
   * @param body - `{ error: { code, message } }`.
   * @param response - the HTTP response.
   * @returns the error, with the response's status and the body's code and message.
   * @example
   * ```ts
   * const error = RequestError.fromErrorResponse({ error: { code: 'RequestNotFound', message: 'No' } }, response)
   * ```
   */
  static fromErrorResponse(body: ErrorResponse, response: Response): CoreRequestError {
    return fromApiBody(body, response)
  }

  /**
   * Builds the error for a body in the older `ErrorPlainResponse` shape (`{ error: "..." }`), as
   * the official SDK's factory of the same name: the code is the response's status text.
   *
   * @param body - `{ error: message }`.
   * @param response - the HTTP response.
   * @returns the error (a `ServerApiError`).
   * @example
   * ```ts
   * const error = RequestError.fromPlainError({ error: 'Forbidden' }, response)
   * ```
   */
  static fromPlainError(body: ErrorPlainResponse, response: Response): CoreRequestError {
    return fromApiBody(body, response)
  }
}

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
  /**
   * Builds the error from a body in the `ErrorPlainResponse` shape, as the official SDK's factory of
   * the same name: the body becomes `{ error: { code: 'TooManyRequests', message } }`.
   */
  fromPlain(body: ErrorPlainResponse, response: Response): TooManyRequestsError
}

/** {@inheritDoc TooManyRequestsError} */
export const TooManyRequestsError: TooManyRequestsErrorConstructor = class extends CoreTooManyRequestsError<
  string,
  ErrorResponse
> {
  /** The core's brand: errors the core builds are `instanceof` this class too. */
  static readonly [BRAND]: string = 'TooManyRequestsError'

  static {
    keepName(this, 'TooManyRequestsError')
  }

  static fromPlain(body: ErrorPlainResponse, response: Response): TooManyRequestsError {
    return rateLimitedFromPlain(body, response)
  }
}
