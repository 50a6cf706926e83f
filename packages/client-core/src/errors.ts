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
}

function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: false,
    writable: false,
    configurable: true,
  })
}

function headersToObject(response: Response | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  response?.headers?.forEach((value, name) => {
    out[name] = value
  })
  return out
}

/**
 * Base class of every error the clients throw on purpose.
 *
 * `response`, when present, is non-enumerable: it is there for code that inspects it, but it never
 * shows up in `JSON.stringify(error)` or in a logger that walks enumerable properties.
 *
 * @example
 * ```ts
 * try { await client.getEvent(id) } catch (e) { if (e instanceof SdkError) console.log(e.name) }
 * ```
 */
export class SdkError extends Error {
  /** The HTTP response, when the error comes from one (non-enumerable). */
  declare readonly response?: Response

  /**
   * @param message - what went wrong.
   * @param response - the HTTP response, if any.
   * @param cause - the lower-level error, if any.
   */
  constructor(message: string, response?: Response, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'SdkError'
    hide(this, 'response', response)
  }
}

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
  /** The HTTP response (non-enumerable; its body can still be read). */
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
    this.headers = headersToObject(response)
    this.requestId = details.requestId
    this.request = details.request
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
    const code = response.statusText || `HTTP ${response.status}`
    return new RequestError(
      `Unknown error (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''})`,
      body,
      response.status,
      code,
      response,
      details,
    )
  }
}

/**
 * The server answered with an error in the API's documented error shape, so `errorCode` is one of
 * the API's codes.
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
  /** The API's error code. */
  declare readonly errorCode: ErrorCode

  /**
   * @param message - the API's error message.
   * @param body - the parsed error body.
   * @param statusCode - the HTTP status.
   * @param errorCode - the API's error code.
   * @param response - the HTTP response.
   * @param details - raw body, request id and redacted request.
   */
  constructor(
    message: string,
    body: Body,
    statusCode: Code,
    errorCode: ErrorCode,
    response: Response,
    details?: RequestErrorDetails,
  ) {
    super(message, body, statusCode, errorCode, response, details)
    this.name = 'ServerApiError'
  }
}

/**
 * The request was rate limited (HTTP 429) and retries, if any, did not get through.
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
  /** Seconds to wait before trying again, from the `Retry-After` header; 0 when it was absent. */
  readonly retryAfter: number

  /**
   * @param message - the API's error message.
   * @param body - the parsed error body.
   * @param errorCode - the API's error code.
   * @param response - the HTTP response.
   * @param retryAfter - seconds to wait, 0 when unknown.
   * @param details - raw body, request id and redacted request.
   */
  constructor(
    message: string,
    body: Body,
    errorCode: ErrorCode,
    response: Response,
    retryAfter = 0,
    details?: RequestErrorDetails,
  ) {
    super(message, body, 429, errorCode, response, details)
    this.name = 'TooManyRequestsError'
    this.retryAfter = retryAfter
  }
}
