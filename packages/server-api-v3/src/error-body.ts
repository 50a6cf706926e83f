import type { ErrorPlainResponse, ErrorResponse } from './types'

/** What a v3 error body says, whatever its shape. */
export interface ParsedErrorBody {
  /** A human-readable message: the API's own, or `'Unknown error'`. */
  message: string
  /** The API error code (`'RequestNotFound'`, ...), or the response's status text when the body has none. */
  errorCode: string
  /** The parsed JSON body, or the raw text when it is not JSON, or `undefined` when empty. */
  body: unknown
  /** Which v3 shape matched: `{error:{code,message}}`, `{error:"..."}`, or neither. */
  shape: 'error-response' | 'error-plain' | 'unknown'
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null) return false
  const error = (value as { error?: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

function isErrorPlainResponse(value: unknown): value is ErrorPlainResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  )
}

/**
 * Reads a v3 error body. Server API v3 answers errors in two shapes: `ErrorResponse`
 * (`{ "error": { "code": "RequestNotFound", "message": "..." } }`) on most endpoints, and the older
 * `ErrorPlainResponse` (`{ "error": "..." }`) on `GET /visitors/{visitor_id}`, including its 429.
 * Proxies add a third: HTML, empty or truncated bodies. None of them makes this function throw.
 *
 * A plain 429 body is normalised to the structured shape with code `TooManyRequests`, as the
 * official v6 SDK does, so `error.responseBody.error.code` reads the same for every rate limit.
 *
 * @param text - the raw response body
 * @param status - the HTTP status
 * @param statusText - the HTTP status text, used as the code when the body carries none
 * @returns message, code, body and the matched shape
 * @example
 * ```ts
 * parseErrorBody('{"error":{"code":"RequestNotFound","message":"not found"}}', 404, 'Not Found')
 * // { message: 'not found', errorCode: 'RequestNotFound', body: {...}, shape: 'error-response' }
 * ```
 */
export function parseErrorBody(text: string, status: number, statusText: string): ParsedErrorBody {
  let body: unknown = text === '' ? undefined : text
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text) as unknown
    } catch {
      // Not JSON (an HTML page from a proxy, a truncated body): keep the raw text.
    }
  }
  if (isErrorResponse(body)) {
    return {
      message: body.error.message,
      errorCode: body.error.code,
      body,
      shape: 'error-response',
    }
  }
  if (isErrorPlainResponse(body)) {
    if (status === 429) {
      const normalised: ErrorResponse = { error: { code: 'TooManyRequests', message: body.error } }
      return {
        message: body.error,
        errorCode: 'TooManyRequests',
        body: normalised,
        shape: 'error-plain',
      }
    }
    return { message: body.error, errorCode: statusText, body, shape: 'error-plain' }
  }
  return { message: 'Unknown error', errorCode: statusText, body, shape: 'unknown' }
}
