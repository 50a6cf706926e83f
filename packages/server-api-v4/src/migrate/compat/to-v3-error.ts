import { REPORTED_STATUS_TEXT, type RequestErrorDetails } from '@fpapi/client-core'
import { RequestError, ServerApiError, TooManyRequestsError } from '../../index'
import { toV3ErrorCode } from '../to-v3-error-code'
import type { V3ErrorCode, V3ErrorResponse } from '../types'

/**
 * Error classes with the v3 SDK's constructor shapes. Pass the ones your code checks with
 * `instanceof` when they are not ours, e.g. those of `@fingerprintjs/fingerprintjs-pro-server-api`.
 */
export interface V3ErrorClasses {
  /** `new RequestError(message, body, statusCode, errorCode, response)` */
  RequestError?: new (
    message: string,
    body: unknown,
    statusCode: number,
    errorCode: string,
    response: Response,
  ) => Error
  /** `new TooManyRequestsError(body, response)`, body `{ error: { code, message } }` */
  TooManyRequestsError?: new (body: V3ErrorResponse, response: Response) => Error
}

/** The parts of an HTTP error of the v4 client the translation reads. @internal */
interface HttpErrorLike extends Error {
  statusCode: number
  errorCode: string
  response: Response
  retryAfter?: number
}

const isHttpError = (e: unknown): e is HttpErrorLike =>
  e instanceof Error &&
  typeof (e as Partial<HttpErrorLike>).statusCode === 'number' &&
  typeof (e as Partial<HttpErrorLike>).errorCode === 'string' &&
  typeof (e as Partial<HttpErrorLike>).response === 'object'

/**
 * What the v4 error knows beyond its constructor arguments, all of it already redacted by the v4
 * client: the raw body, request id, request line, response headers and status text. Rebuilding
 * these from `response` instead would bring back a key a server or proxy echoed there.
 */
function detailsOf(error: HttpErrorLike): RequestErrorDetails & { statusText: string } {
  const e = error as HttpErrorLike & Partial<Record<string | symbol, unknown>>
  const reported = e[REPORTED_STATUS_TEXT]
  const headers = e.headers
  return {
    rawBody: typeof e.rawBody === 'string' ? e.rawBody : undefined,
    requestId: typeof e.requestId === 'string' ? e.requestId : undefined,
    request: e.request as RequestErrorDetails['request'],
    headers:
      typeof headers === 'object' && headers !== null
        ? (headers as Record<string, string>)
        : undefined,
    // An error of another client than ours has no reported status text: the response's, as before.
    statusText: typeof reported === 'string' ? reported : (error.response.statusText ?? ''),
  }
}

const isApiError = (e: HttpErrorLike) => {
  const body = (e as { responseBody?: unknown }).responseBody
  const error = (body as { error?: { code?: unknown } } | null | undefined)?.error
  return typeof error === 'object' && error !== null && typeof error.code === 'string'
}

/** Which body shape the v3 operation used for errors. @internal */
export type V3ErrorStyle = 'coded' | 'plain'

/**
 * Turns an error of the v4 client into the error the v3 client would have thrown for the same
 * failure: same classes (`RequestError`, `TooManyRequestsError`; ours are shared by the v3 and v4
 * packages, so `instanceof` works with either import), v3 error codes (`toV3ErrorCode`), v3 body
 * shape. The v4 error stays reachable as `cause`. Errors without an HTTP response (bad arguments,
 * network, timeout) are returned unchanged.
 * @internal
 */
export function toV3Error(
  error: unknown,
  style: V3ErrorStyle,
  classes: V3ErrorClasses = {},
): unknown {
  if (!isHttpError(error)) return error
  const { statusCode, response, message } = error
  const details = detailsOf(error)
  let v3: Error
  if (!isApiError(error)) {
    // not the API's error shape (a proxy page): v3 reported these the same way
    v3 = classes.RequestError
      ? new classes.RequestError(
          message,
          (error as { responseBody?: unknown }).responseBody,
          statusCode,
          error.errorCode,
          response,
        )
      : RequestError.unknown(response, (error as { responseBody?: unknown }).responseBody, details)
  } else if (style === 'plain') {
    // the v3 visits operation answered { error: "<message>" } and reported the status text as code
    const body = { error: message }
    const errorCode = details.statusText || `HTTP ${statusCode}`
    if (statusCode === 429) {
      const coded: V3ErrorResponse = { error: { code: 'TooManyRequests', message } }
      v3 = classes.TooManyRequestsError
        ? new classes.TooManyRequestsError(coded, response)
        : new TooManyRequestsError(coded as never, response, {
            ...details,
            message,
            errorCode: 'TooManyRequests',
            retryAfter: error.retryAfter ?? 0,
          })
    } else {
      v3 = classes.RequestError
        ? new classes.RequestError(message, body, statusCode, errorCode, response)
        : new RequestError(message, body, statusCode, errorCode, response, details)
    }
  } else {
    const code: V3ErrorCode = toV3ErrorCode(error.errorCode)
    const body: V3ErrorResponse = { error: { code, message } }
    if (statusCode === 429) {
      v3 = classes.TooManyRequestsError
        ? new classes.TooManyRequestsError(body, response)
        : new TooManyRequestsError(body as never, response, {
            ...details,
            message,
            errorCode: code,
            retryAfter: error.retryAfter ?? 0,
          })
    } else {
      v3 = classes.RequestError
        ? new classes.RequestError(message, body, statusCode, code, response)
        : new ServerApiError(body as never, statusCode, response, {
            ...details,
            message,
            errorCode: code,
          })
    }
  }
  Object.defineProperty(v3, 'cause', {
    value: error,
    enumerable: false,
    configurable: true,
    writable: true,
  })
  return v3
}
