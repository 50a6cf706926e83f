import type { ErrorPlainResponse, ErrorResponse } from './types'

/** The code and message of a v3 error body, in the form `@fpapi/client-core`'s error factory takes. */
export interface V3ErrorInfo {
  code: string
  message: string
  /** The body to expose as `responseBody` when it differs from the parsed one (429s, see below). */
  body?: ErrorResponse
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
 * Reads the code and message of a parsed v3 error body. Server API v3 answers errors in two shapes:
 * `ErrorResponse` (`{ "error": { "code": "RequestNotFound", "message": "..." } }`) on most
 * endpoints, and the older `ErrorPlainResponse` (`{ "error": "..." }`) on `GET /visitors/{visitor_id}`,
 * including its 429. The plain shape has no code: like the official v6 SDK, the code is then
 * `TooManyRequests` for a 429 (whose body is rewritten to the `ErrorResponse` shape) and the
 * response's status text otherwise.
 *
 * Anything else (HTML from a proxy, an empty or truncated body, JSON of another shape) gives
 * `undefined`, and the core factory throws a plain `RequestError` with the status and raw text.
 *
 * @param body - the parsed body (JSON value, raw text, or `undefined`); never trusted
 * @param response - the response (its status and status text name the code of a plain body)
 * @returns the code and message, or `undefined` when the body is not a v3 error shape
 * @example
 * ```ts
 * extractV3Error({ error: { code: 'RequestNotFound', message: 'not found' } }, response)
 * // { code: 'RequestNotFound', message: 'not found' }
 * extractV3Error({ error: 'Forbidden' }, forbiddenResponse) // { code: 'Forbidden', message: 'Forbidden' }
 * ```
 */
export function extractV3Error(
  body: unknown,
  response: Pick<Response, 'status' | 'statusText'>,
): V3ErrorInfo | undefined {
  if (isErrorResponse(body)) return { code: body.error.code, message: body.error.message }
  if (response.status === 429) {
    // Every TooManyRequestsError carries an ErrorResponse body, as the official SDK types it (it
    // rewrites the plain shape the same way); the text as received stays in `rawBody`.
    const message = isErrorPlainResponse(body) ? body.error : 'Too many requests'
    const normalised: ErrorResponse = { error: { code: 'TooManyRequests', message } }
    return { code: 'TooManyRequests', message, body: normalised }
  }
  if (isErrorPlainResponse(body)) {
    return { code: response.statusText || `HTTP ${response.status}`, message: body.error }
  }
  return undefined
}
