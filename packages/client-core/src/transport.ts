import type { Auth } from './auth'
import { assertHeaders, assertNonNegativeNumber, assertObject } from './checks'
import { createErrorFromResponse, type ErrorFactoryOptions } from './error-factory'
import {
  sendWithRetry,
  type FetchLike,
  type RequestLine,
  type RetryEvent,
  type SendOptions,
} from './fetch-with-retry'
import { ALWAYS_SECRET_HEADERS, REDACTED, redactUrl } from './redact'
import {
  isRetryableStatus,
  resolveRetryPolicy,
  type RetriesOption,
  type RetryRuleOptions,
} from './retry-policy'
import type { Sleep } from './sleep'

/** Options every facade method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the request, including a wait between retries. */
  signal?: AbortSignal | undefined
  /** Timeout of each attempt in milliseconds (overrides the client's; `0` turns it off). */
  timeoutMs?: number | undefined
  /** Retry policy for this call (merged over the client's), or `false` for none. */
  retries?: RetriesOption | undefined
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined
}

/** How a facade configures its transport. */
export interface TransportOptions {
  /** The fetch to call. Default `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike | typeof fetch | undefined
  /** The client's credentials; query-style keys are added to each request URL here. */
  auth: Auth
  /** Client-wide retry policy. Default {@link DEFAULT_RETRY_POLICY}. */
  retries?: RetriesOption | undefined
  /** Client-wide timeout of each attempt. `0`/undefined: none. */
  timeoutMs?: number | undefined
  /** How to read the API's error bodies. */
  errors: Omit<ErrorFactoryOptions, 'request'>
  /** Waits between attempts (tests inject a fake). */
  sleep?: Sleep | undefined
  /** Jitter source (tests inject a constant). */
  random?: (() => number) | undefined
  /** Clock for HTTP-date `Retry-After` (tests inject a fixed time). */
  now?: (() => number) | undefined
  /** Told about every retry before its wait. */
  onRetry?: ((event: RetryEvent) => void) | undefined
}

/** A fetch for one call: `(url, init)` like the official SDKs, or a `Request`. */
export type CallFetch = (input: string | Request, init?: RequestInit) => Promise<Response>

/** A configured transport; see {@link createTransport}. */
export interface Transport {
  /**
   * A fetch for one call: retries by the call's rule, times out, and (unless `throwOnError` is
   * false) throws a typed error for a final non-2xx response. Call it as `fetch(url, init)` (the
   * injected fetch then receives exactly that, plus a signal when needed) or with a `Request`.
   */
  fetchFor(
    requestOptions?: RequestOptions,
    rule?: RetryRuleOptions,
    throwOnError?: boolean,
  ): CallFetch
  /** Removes credentials from a URL. */
  redactUrl(url: string): string
  /** Removes the key from a text the client did not write (see `Auth.redactText`). */
  redactText(text: string): string
}

/**
 * Checks per-call request options before any request is made.
 *
 * @param value - what the caller passed.
 * @param name - the argument's name for error messages.
 * @returns nothing.
 * @throws {TypeError} naming the argument and the field that is wrong.
 * @example
 * ```ts
 * assertRequestOptions(requestOptions, 'requestOptions')
 * ```
 */
export function assertRequestOptions(
  value: unknown,
  name = 'requestOptions',
): asserts value is RequestOptions | undefined {
  if (value === undefined) return
  assertObject(value, name)
  const options = value as RequestOptions
  // Duck-typed, so that signals from polyfills or another realm are accepted too.
  const signal = options.signal as { aborted?: unknown; addEventListener?: unknown } | undefined
  if (
    signal !== undefined &&
    (typeof signal?.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')
  ) {
    throw new TypeError(`${name}.signal must be an AbortSignal`)
  }
  if (options.timeoutMs !== undefined)
    assertNonNegativeNumber(options.timeoutMs, `${name}.timeoutMs`)
  if (options.retries !== undefined)
    resolveRetryPolicy(options.retries, undefined, `${name}.retries`)
  if (options.headers !== undefined) assertHeaders(options.headers, `${name}.headers`)
}

/**
 * Builds the runtime a facade sends its requests through: credentials in the query when the auth
 * style asks for it, retries, timeouts, `Retry-After`, and errors built by
 * {@link createErrorFromResponse} with the request redacted.
 *
 * @param options - fetch, auth, policy, timeout, error reading and test hooks.
 * @returns a {@link Transport}.
 * @throws {TypeError} when `retries` or `timeoutMs` is invalid, or `fetch`, `onRetry`, `sleep`,
 *   `now` or `random` is given but not a function.
 * @example
 * ```ts
 * const transport = createTransport({ auth, errors: { extractError } })
 * const raw = createClient<paths>({ baseUrl, fetch: createRawFetch(transport) })
 * await raw.GET('/things/{id}', { params: { path: { id } }, fetch: transport.fetchFor(requestOptions) })
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  // A hook of the wrong type would otherwise fail late, inside a retry, or never be called.
  for (const name of ['fetch', 'onRetry', 'sleep', 'now', 'random'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new TypeError(`${name} must be a function when given`)
    }
  }
  const policy = resolveRetryPolicy(options.retries)
  if (options.timeoutMs !== undefined) assertNonNegativeNumber(options.timeoutMs, 'timeoutMs')
  const { auth } = options
  const queryAuth = Object.entries(auth.query())
  const clean = (url: string) => redactUrl(url, auth.secretQuery)
  const withAuth = (url: string): string => {
    if (queryAuth.length === 0) return url
    const pairs = queryAuth
      .map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)
      .join('&')
    const hash = url.indexOf('#')
    const base = hash === -1 ? url : url.slice(0, hash)
    return `${base}${base.includes('?') ? '&' : '?'}${pairs}`
  }
  // Response headers named like credentials, or quoting the query key (a Location), are cleaned by
  // name too: that works whatever the key's length (see `Auth.redactText`).
  const secretHeaders = new Set([...ALWAYS_SECRET_HEADERS, ...auth.secretHeaders])
  const redactHeader = (name: string, value: string) =>
    secretHeaders.has(name.toLowerCase()) ? REDACTED : clean(auth.redactText(value))
  const toError = (response: Response, line: RequestLine) =>
    createErrorFromResponse(response, {
      ...options.errors,
      now: options.now,
      redactText: auth.redactText,
      redactHeader,
      request: { method: line.method, url: clean(line.url) },
    })
  const settings = (
    requestOptions: RequestOptions | undefined,
    rule: RetryRuleOptions | undefined,
    throwOnError: boolean,
  ): SendOptions => ({
    fetch: options.fetch,
    retries:
      requestOptions?.retries === undefined
        ? policy
        : resolveRetryPolicy(requestOptions.retries, policy, 'requestOptions.retries'),
    isRetryable: rule ? (status, method) => isRetryableStatus(method, status, rule) : undefined,
    timeoutMs: requestOptions?.timeoutMs ?? options.timeoutMs,
    signal: requestOptions?.signal,
    sleep: options.sleep,
    random: options.random,
    now: options.now,
    onRetry: options.onRetry,
    redactUrl: clean,
    redactText: auth.redactText,
    toError: throwOnError ? toError : undefined,
  })
  return {
    fetchFor: (requestOptions, rule, throwOnError = true) => {
      const sendOptions = settings(requestOptions, rule, throwOnError)
      return (input, init) => {
        if (typeof input === 'string') {
          return sendWithRetry({ url: withAuth(input), init: init ?? {} }, sendOptions)
        }
        const request = init ? new Request(input, init) : input
        return sendWithRetry(
          queryAuth.length ? new Request(withAuth(request.url), request) : request,
          sendOptions,
        )
      }
    },
    redactUrl: clean,
    redactText: auth.redactText,
  }
}
