/**
 * One request of the v3 client: the URL, the headers and the JSON conventions of Server API v3.
 * Auth in the query, retries, timeouts, `Retry-After`, error classes and redaction all come from
 * the transport of `@fpapi/client-core`.
 *
 * @internal
 */
import {
  discardBody,
  readJsonObject,
  type RequestOptions,
  type Transport,
} from '@fpapi/client-core'
import { serializeQuery } from './query-string'

const KEEP_READABLE = { keepReadable: true } as const

/** Everything a request needs from its client, fixed at construction. @internal */
export interface SendConfig {
  baseUrl: string
  /** Headers of every request: Accept, User-Agent, default headers and the auth header. */
  headers: Record<string, string>
  /** Lower-case names of headers that carry the key; a per-call header can't replace them. */
  secretHeaders: readonly string[]
  transport: Transport
  /** `transport.fetchFor()` without per-call options, built once: the common call allocates nothing more. */
  plainFetch: ReturnType<Transport['fetchFor']>
  /** The same with 409 retries (updateEvent), built once. */
  conflictFetch: ReturnType<Transport['fetchFor']>
}

/** One operation of the v3 API, as the facade describes it. @internal */
export interface Operation {
  method: 'GET' | 'PUT' | 'DELETE'
  /** The path with its parameters already percent-encoded. */
  path: string
  query?: Readonly<Record<string, unknown>> | undefined
  body?: unknown
  /** Retry 409 (StateNotReady) for this operation. */
  retryConflict?: boolean
  /** Whether a 2xx body is JSON to return (false for updateEvent/deleteVisitorData). */
  expectBody: boolean
}

/**
 * Percent-encodes one path parameter, so that `a/b`, `../x` or `a?b=c` stay inside one segment. The
 * facade has already rejected `.` and `..`, which URL parsers drop even when encoded.
 *
 * @internal
 */
export function encodePathParam(value: string, name: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    // encodeURIComponent throws URIError on a lone surrogate: report it as the bad argument it is.
    throw new TypeError(`${name} must be a well-formed Unicode string`)
  }
}

/**
 * Sets a header in a plain header object, replacing an entry of the same name in any letter case
 * (a plain object would otherwise send both, and fetch would join them with a comma).
 *
 * @internal
 */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase()
  for (const existing in headers) {
    if (existing.toLowerCase() === lower) delete headers[existing]
  }
  headers[name] = value
}

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerName) return true
  return false
}

/**
 * The headers of one call: the client's (defaults, then `defaultHeaders`, then auth), the call's
 * own headers over them (never over the auth header), and the JSON content type of a body unless
 * the caller gave a Content-Type.
 *
 * @internal
 */
function headersFor(
  config: SendConfig,
  hasBody: boolean,
  extra: Record<string, string> | undefined,
): Record<string, string> {
  if (!extra && !hasBody) return config.headers
  const headers = { ...config.headers }
  for (const name in extra) {
    // The auth header is set by the client only; a per-call header cannot replace or drop it. An
    // `undefined` value means "no such header" (fetch would send the text `undefined`).
    if (extra[name] !== undefined && !config.secretHeaders.includes(name.toLowerCase())) {
      setHeader(headers, name, extra[name])
    }
  }
  // A Content-Type the caller chose (in defaultHeaders or per call, in any letter case) is kept.
  if (hasBody && !hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json'
  return headers
}

/**
 * Sends one operation through the core transport and returns its parsed JSON body (or
 * `undefined` when `expectBody` is false).
 *
 * @internal
 */
export async function send(
  config: SendConfig,
  op: Operation,
  requestOptions: RequestOptions | undefined,
): Promise<unknown> {
  const query = serializeQuery(op.query)
  const url = `${config.baseUrl}${op.path}${query ? `?${query}` : ''}`
  const hasBody = op.body !== undefined
  const init: RequestInit = {
    method: op.method,
    headers: headersFor(config, hasBody, requestOptions?.headers),
    // The API never redirects. Following one would forward the `Auth-API-Key` header to whatever
    // host the Location names (fetch only strips `Authorization` across origins), so a 3xx is
    // returned as is and becomes a RequestError.
    redirect: 'manual',
  }
  if (hasBody) init.body = JSON.stringify(op.body)
  const fetchOnce =
    requestOptions === undefined
      ? op.retryConflict
        ? config.conflictFetch
        : config.plainFetch
      : config.transport.fetchFor(
          requestOptions,
          op.retryConflict ? { retryConflict: true } : undefined,
        )
  // `fetch(url, init)`, as the official SDK calls an injected fetch, and no Request to build.
  const response = await fetchOnce(url, init)
  if (!op.expectBody) {
    discardBody(response)
    return undefined
  }
  // Every v3 operation with a body answers a JSON object (an event, a page, a list holder).
  // The official v6 SDK parses a clone, so `error.response.text()` still works after a body that
  // is empty or not JSON: keep that true here (the error then carries a copy with the text read).
  return readJsonObject(
    response,
    requestOptions?.signal,
    config.transport.redactText,
    KEEP_READABLE,
  )
}
