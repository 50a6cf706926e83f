import { parseRetryAfter } from './retry-after'
import { isInstanceAcrossCopies } from './error-class-brand'

/** A redacted description of the request behind an error: no credentials in the URL. */
export interface RequestInfo {
  /** HTTP method, upper case. */
  method: string
  /** Request URL with secret query parameters replaced by `[REDACTED]`. */
  url: string
}

/** Extra facts a {@link RequestError} carries beyond what the official SDKs' constructors take. */
export interface RequestErrorDetails {
  /** The response body as text, exactly as received ('' when empty or unreadable). */
  rawBody?: string
  /** The request id the server reported, when it reported one. */
  requestId?: string | undefined
  /** The request, redacted. */
  request?: RequestInfo | undefined
  /** Response headers to expose (already redacted); default: all headers of the response. */
  headers?: Record<string, string> | undefined
  /** The status text to report (already redacted); default: the response's. */
  statusText?: string | undefined
}

/**
 * The response of each error, kept out of the error object itself: read through a getter on
 * `SdkError.prototype`, it shows in no listing of the error's own properties (`Object.keys`,
 * `JSON.stringify`, `Object.getOwnPropertyNames`, `util.inspect(error, { showHidden: true })`,
 * `structuredClone`), where a server's echo in its headers (or, for query-style keys, the request
 * URL in `response.url`) would otherwise be printed.
 */
const responses = new WeakMap<object, Response>()

/**
 * Key of the status text an error reports (redacted when the client built the error), kept
 * non-enumerable on every {@link RequestError}: code that rebuilds an error in another shape (the
 * v3 compatibility layer reports the status text as the error code) reads it here instead of the
 * raw `response.statusText`, which a proxy may fill with the request line, key included. A
 * `Symbol.for` key, so that every copy of this package finds it.
 *
 * @example
 * ```ts
 * const statusText = (error as Record<symbol, unknown>)[REPORTED_STATUS_TEXT] // 'Not Found'
 * ```
 */
export const REPORTED_STATUS_TEXT: unique symbol = Symbol.for(
  '@fpapi/reported-status-text',
) as never

function headersToObject(response: Response | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof response?.headers?.forEach !== 'function') return out
  response.headers.forEach((value, name) => {
    out[name] = value
  })
  return out
}

/**
 * Base class of every error the clients throw on purpose.
 *
 * `response`, when present, is read through a getter of the class, not kept on the error object:
 * it is there for code that reads it, but it never shows up in `JSON.stringify(error)`,
 * `util.inspect(error, { showHidden: true })` or a logger that walks properties.
 *
 * @example
 * ```ts
 * try { await client.getEvent(id) } catch (e) { if (e instanceof SdkError) console.log(e.name) }
 * ```
 */
export class SdkError extends Error {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'SdkError'

  /** `instanceof` that also recognises the same class from another copy of this package (ESM next to CJS, a bundled facade). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isInstanceAcrossCopies(this, value)
  }

  /** The HTTP response, when the error comes from one (a getter: not an own property). */
  declare readonly response?: Response

  /**
   * @param message - what went wrong.
   * @param response - the HTTP response, if any.
   * @param cause - the lower-level error, if any.
   */
  constructor(message: string, response?: Response, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'SdkError'
    if (response !== undefined) responses.set(this, response)
  }
}

Object.defineProperty(SdkError.prototype, 'response', {
  get(this: object): Response | undefined {
    return responses.get(this)
  },
  enumerable: false,
  configurable: true,
})

/**
 * The network failed or the fetch implementation threw before a response arrived.
 * The original error is kept as `cause`.
 *
 * @example
 * ```ts
 * if (e instanceof NetworkError) console.log('offline?', e.cause)
 * ```
 */
export class NetworkError extends SdkError {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'NetworkError'

  /**
   * @param message - what went wrong.
   * @param cause - the error thrown by `fetch`.
   */
  constructor(message: string, cause?: unknown) {
    super(message, undefined, cause)
    this.name = 'NetworkError'
  }
}

/**
 * An attempt took longer than the configured `timeoutMs` and was aborted.
 *
 * @example
 * ```ts
 * if (e instanceof RequestTimeoutError) console.log(`gave up after ${e.timeoutMs} ms`)
 * ```
 */
export class RequestTimeoutError extends NetworkError {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'RequestTimeoutError'

  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number

  /**
   * @param timeoutMs - the timeout that expired.
   * @param cause - the abort error, if any.
   */
  constructor(timeoutMs: number, cause?: unknown) {
    super(`Request timed out after ${timeoutMs} ms`, cause)
    this.name = 'RequestTimeoutError'
    this.timeoutMs = timeoutMs
  }
}

/**
 * The server answered with an HTTP error status. Thrown as is when the body is not the API's error
 * shape (an HTML page from a proxy, an empty body, truncated JSON); see {@link ServerApiError} for
 * structured API errors.
 *
 * @typeParam Code - the HTTP status code type.
 * @typeParam Body - the parsed body type.
 * @example
 * ```ts
 * if (e instanceof RequestError) console.log(e.statusCode, e.errorCode, e.rawBody)
 * ```
 */
export class RequestError<Code extends number = number, Body = unknown> extends SdkError {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'RequestError'

  /** HTTP status code. */
  readonly statusCode: Code
  /** The API's error code; for non-API bodies, the HTTP status text (or `HTTP <status>`). */
  readonly errorCode: string
  /** The body: parsed JSON, or the raw text when it is not JSON, or `undefined` when empty. */
  readonly responseBody: Body
  /** The response body exactly as received. */
  readonly rawBody: string
  /** Response headers as a plain object with lower-case names. */
  readonly headers: Record<string, string>
  /** Request id reported by the server, when known. */
  readonly requestId: string | undefined
  /** The request that failed, with credentials redacted. */
  readonly request: RequestInfo | undefined
  /** The HTTP response (a getter: not an own property; its body can still be read). */
  declare readonly response: Response

  /**
   * @param message - the API's error message or a description of the failure.
   * @param body - the parsed body.
   * @param statusCode - the HTTP status.
   * @param errorCode - the API's error code or a placeholder.
   * @param response - the HTTP response.
   * @param details - raw body, request id and redacted request.
   */
  constructor(
    message: string,
    body: Body,
    statusCode: Code,
    errorCode: string,
    response: Response,
    details: RequestErrorDetails = {},
  ) {
    super(message, response)
    this.name = 'RequestError'
    this.statusCode = statusCode
    this.errorCode = errorCode
    this.responseBody = body
    this.rawBody = details.rawBody ?? (typeof body === 'string' ? body : '')
    this.headers = details.headers ?? headersToObject(response)
    this.requestId = details.requestId
    this.request = details.request
    Object.defineProperty(this, REPORTED_STATUS_TEXT, {
      value: details.statusText ?? response?.statusText ?? '',
      enumerable: false,
      configurable: true,
    })
  }

  /**
   * Builds the error for a response whose body is not the API's error shape.
   *
   * @param response - the HTTP response.
   * @param body - the parsed body or raw text.
   * @param details - raw body, request id and redacted request.
   * @returns a `RequestError` whose `errorCode` is the status text.
   * @example
   * ```ts
   * throw RequestError.unknown(response, '<html>Bad gateway</html>')
   * ```
   */
  static unknown(response: Response, body?: unknown, details?: RequestErrorDetails): RequestError {
    return unknownRequestError(response, body, details)
  }
}

// The static factories build their instances here, outside the class body: a class that names
// itself inside its body is renamed by bundlers (`class _RequestError`), and that name would show
// in stack traces and `util.inspect`.
function unknownRequestError(
  response: Response,
  body?: unknown,
  details?: RequestErrorDetails,
): RequestError {
  const statusText = details?.statusText ?? response.statusText
  const code = statusText || `HTTP ${response.status}`
  return new RequestError(
    `Unknown error (HTTP ${response.status}${statusText ? ` ${statusText}` : ''})`,
    body,
    response.status,
    code,
    response,
    details,
  )
}

/** Optional overrides for the structured errors: when absent, they are read from the body. */
export interface ApiErrorDetails extends RequestErrorDetails {
  /** The error message; default: `body.error.message`, or `body.error` when it is a string. */
  message?: string | undefined
  /** The error code; default: `body.error.code`, or the HTTP status text. */
  errorCode?: string | undefined
}

/** Reads `{ error: { code, message } }` or `{ error: "message" }` bodies, the shapes most APIs use. */
function fromBody(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: unknown } | null | undefined)?.error
  if (typeof error === 'string') return { message: error }
  if (typeof error !== 'object' || error === null) return {}
  const { code, message } = error as { code?: unknown; message?: unknown }
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  }
}

/**
 * The server answered with an error in the API's documented error shape, so `errorCode` is one of
 * the API's codes. The constructor has the official SDKs' shape `(body, statusCode, response)`;
 * message and code come from `details` or else from `body.error`.
 *
 * @typeParam Code - the HTTP status code type.
 * @typeParam ErrorCode - the API's error code union.
 * @typeParam Body - the API's error body type.
 * @example
 * ```ts
 * if (e instanceof ServerApiError && e.errorCode === 'event_not_found') return null
 * ```
 */
export class ServerApiError<
  Code extends number = number,
  ErrorCode extends string = string,
  Body = unknown,
> extends RequestError<Code, Body> {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'ServerApiError'

  /** The API's error code. */
  declare readonly errorCode: ErrorCode

  /**
   * @param body - the parsed error body.
   * @param statusCode - the HTTP status.
   * @param response - the HTTP response.
   * @param details - message and code overrides, raw body, request id and redacted request.
   */
  constructor(body: Body, statusCode: Code, response: Response, details: ApiErrorDetails = {}) {
    const read = fromBody(body)
    super(
      details.message ?? read.message ?? `HTTP ${statusCode}`,
      body,
      statusCode,
      details.errorCode ?? read.code ?? (response?.statusText || `HTTP ${statusCode}`),
      response,
      details,
    )
    this.name = 'ServerApiError'
  }

  /**
   * Builds the error from a parsed API error body and its response (the official SDK's factory).
   *
   * @param body - the parsed error body.
   * @param response - the HTTP response.
   * @returns a `ServerApiError` with the response's status.
   * @example
   * ```ts
   * throw ServerApiError.fromErrorResponse({ error: { code: 'failed', message: 'Oops' } }, response)
   * ```
   */
  static fromErrorResponse<Body>(
    body: Body,
    response: Response,
  ): ServerApiError<number, string, Body> {
    return apiErrorFromResponse(body, response)
  }
}

function apiErrorFromResponse<Body>(
  body: Body,
  response: Response,
): ServerApiError<number, string, Body> {
  return new ServerApiError(body, response.status, response)
}

/**
 * The request was rate limited (HTTP 429) and retries, if any, did not get through. The constructor
 * has the official SDKs' shape `(body, response)`; `retryAfter` is read from the response's
 * `Retry-After` header unless given.
 *
 * @typeParam ErrorCode - the API's error code union.
 * @typeParam Body - the API's error body type.
 * @example
 * ```ts
 * if (e instanceof TooManyRequestsError) await sleep(e.retryAfter * 1000)
 * ```
 */
export class TooManyRequestsError<
  ErrorCode extends string = string,
  Body = unknown,
> extends ServerApiError<429, ErrorCode, Body> {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'TooManyRequestsError'

  /** Seconds to wait before trying again, from the `Retry-After` header; 0 when it was absent. */
  readonly retryAfter: number

  /**
   * @param body - the parsed error body.
   * @param response - the HTTP response.
   * @param details - message, code and `retryAfter` (seconds) overrides, raw body, request id, request.
   */
  constructor(
    body: Body,
    response: Response,
    details: ApiErrorDetails & { retryAfter?: number } = {},
  ) {
    super(body, 429, response, {
      ...details,
      message: details.message ?? fromBody(body).message ?? 'Too many requests',
      errorCode: details.errorCode ?? fromBody(body).code ?? 'too_many_requests',
    })
    this.name = 'TooManyRequestsError'
    let retryAfter = details.retryAfter
    if (retryAfter === undefined) {
      const ms = parseRetryAfter(response?.headers?.get('retry-after'))
      retryAfter = ms === undefined ? 0 : Math.ceil(ms / 1000)
    }
    this.retryAfter = retryAfter
  }
}
