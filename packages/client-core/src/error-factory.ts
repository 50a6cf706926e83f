import { RequestError, ServerApiError, TooManyRequestsError, type RequestInfo } from './errors'
import { readErrorText } from './json-response'
import { redactJsonStrings } from './redact'
import { parseRetryAfter } from './retry-after'

/** The error code and message an API puts in its error bodies. */
export interface ApiErrorInfo {
  code: string
  message: string
  /** A normalised body to expose as `responseBody` instead of the parsed one (`rawBody` keeps the text). */
  body?: unknown
}

/** How {@link createErrorFromResponse} reads one API's error bodies. */
export interface ErrorFactoryOptions {
  /**
   * Returns the code and message from a parsed body in the API's error shape, or `undefined` when
   * the body has another shape. It may receive anything: a string, `undefined`, an array, `null`.
   */
  extractError: (body: unknown, response: Response) => ApiErrorInfo | undefined
  /** `errorCode` of a 429 whose body is not in the API's shape. Default `'too_many_requests'`. */
  rateLimitCode?: string
  /** Headers that may carry a request id, tried in order. Default `x-request-id`, `request-id`. */
  requestIdHeaders?: readonly string[]
  /** The request, already redacted, to attach to the error. */
  request?: RequestInfo | undefined
  /** Clock for HTTP-date `Retry-After` values. Default `Date.now`. */
  now?: () => number
  /** Removes secrets from the body text before anything is built from it (a body may echo the key). */
  redactText?: ((text: string) => string) | undefined
  /** Removes secrets from a response header value; default: `redactText` on the value. */
  redactHeader?: ((name: string, value: string) => string) | undefined
}

/**
 * The deepest nesting of arrays and objects an error body is parsed to. Deeper JSON (no API error
 * looks like that) is kept as text: as a parsed value it would make `JSON.stringify(error)` and
 * recursive loggers overflow the stack.
 */
const MAX_ERROR_BODY_DEPTH = 64

/** Whether a parsed JSON value nests arrays or objects deeper than `max` (walked without recursion). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (typeof node !== 'object' || node === null) continue
    if (depth > max) return true
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}

/**
 * Parses an error body defensively: JSON when it parses, the raw text otherwise (also for JSON
 * nested deeper than {@link MAX_ERROR_BODY_DEPTH}), `undefined` when empty. Never throws.
 *
 * @param text - the body text.
 * @returns the parsed value.
 * @example
 * ```ts
 * parseErrorBody('{"error":{}}') // { error: {} }
 * parseErrorBody('<html>') // '<html>'
 * ```
 */
export function parseErrorBody(text: string): unknown {
  if (text === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch {
    return text
  }
  return nestsDeeperThan(value, MAX_ERROR_BODY_DEPTH) ? text : value
}

/**
 * Turns a non-2xx response into the matching error: {@link TooManyRequestsError} for 429,
 * {@link ServerApiError} when the body is in the API's error shape, {@link RequestError} otherwise.
 * It reads a clone of the body, so `error.response` stays readable, and never throws while doing so.
 *
 * @param response - the failed response.
 * @param options - how to read the API's error bodies.
 * @returns the error to throw.
 * @example
 * ```ts
 * const error = await createErrorFromResponse(response, {
 *   extractError: (b) => (isApiError(b) ? { code: b.error.code, message: b.error.message } : undefined),
 * })
 * throw error
 * ```
 */
export async function createErrorFromResponse(
  response: Response,
  options: ErrorFactoryOptions,
): Promise<RequestError> {
  let rawBody = ''
  try {
    rawBody = await readErrorText(response)
  } catch {
    // an aborted or broken body stream: report what we have (nothing)
  }
  const redact = options.redactText
  if (redact) rawBody = redact(rawBody)
  let body = parseErrorBody(rawBody)
  // JSON escapes (`\u0073k_…`) can spell the key where the raw text doesn't show it.
  if (redact && rawBody.includes('\\')) body = redactJsonStrings(body, redact)
  // A proxy may echo the request line, key included, in its reason phrase.
  const statusText = redact ? redact(response.statusText ?? '') : response.statusText
  let info: ApiErrorInfo | undefined
  try {
    const found = options.extractError(body, response)
    if (found && typeof found.code === 'string' && typeof found.message === 'string') {
      info = redact ? { ...found, code: redact(found.code), message: redact(found.message) } : found
    }
  } catch {
    info = undefined
  }
  let requestId: string | undefined
  for (const name of options.requestIdHeaders ?? ['x-request-id', 'request-id']) {
    const value = response.headers.get(name)
    if (value) {
      requestId = options.redactText ? options.redactText(value) : value
      break
    }
  }
  let headers: Record<string, string> | undefined
  if (redact) {
    // A redirect's Location (http -> https) or a proxy's echo header can repeat the request URL.
    const clean = options.redactHeader ?? ((_: string, value: string) => redact(value))
    headers = {}
    // A Response-like object's headers may offer get() only.
    if (typeof response.headers?.forEach === 'function') {
      response.headers.forEach((value, name) => {
        headers![name] = clean(name, value)
      })
    }
  }
  const details = { rawBody, requestId, request: options.request, headers, statusText }
  if (info && 'body' in info) body = info.body
  if (response.status === 429) {
    const waitMs = parseRetryAfter(response.headers.get('retry-after'), (options.now ?? Date.now)())
    return new TooManyRequestsError(body, response, {
      ...details,
      message: info?.message ?? 'Too many requests',
      errorCode: info?.code ?? options.rateLimitCode ?? 'too_many_requests',
      retryAfter: waitMs === undefined ? 0 : Math.ceil(waitMs / 1000),
    })
  }
  if (info) {
    return new ServerApiError(body, response.status, response, {
      ...details,
      message: info.message,
      errorCode: info.code,
    })
  }
  return RequestError.unknown(response, body, details)
}
