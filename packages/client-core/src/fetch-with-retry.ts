import { abortReason, onAbort as watchAbort } from './abort-listener'
import { NetworkError, RequestTimeoutError, SdkError } from './errors'
import { discardBody, limitBody } from './json-response'
import { parseRetryAfter } from './retry-after'
import { redactError } from './redact-error'
import {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableNetworkError,
  isRetryableStatus,
  type RetryPolicy,
} from './retry-policy'
import { sleep as defaultSleep, type Sleep } from './sleep'
import { createAttemptSignal } from './timeout'

/**
 * The fetch signature the wrapper calls: `fetch(url, init)` for requests given as URL and init (the
 * way the official SDKs call an injected fetch), `fetch(request, init?)` for `Request` objects.
 */
export type FetchLike = (input: string | Request, init?: RequestInit) => Promise<Response>

/** A request given as a URL and a plain init; `init.body` must be a string (or absent) so it can be resent. */
export interface PlainRequest {
  url: string
  init: RequestInit
}

/** What {@link SendOptions.onRetry} is told before each wait. */
export interface RetryEvent {
  /** 1 for the first retry, 2 for the second, ... */
  retry: number
  /** How long the client waits before sending again. */
  delayMs: number
  /** HTTP method of the request. */
  method: string
  /** URL of the request, redacted. */
  url: string
  /** Status of the response that is retried (absent for network errors). */
  status?: number
  /** The network error that is retried (absent for HTTP statuses). */
  error?: unknown
}

/** Method and URL (not redacted) of the request being sent. */
export interface RequestLine {
  method: string
  url: string
}

/** Options of {@link sendWithRetry} and {@link createRetryingFetch}. */
export interface SendOptions {
  /** The fetch to call. Default `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike | typeof fetch | undefined
  /** Retry policy. Default {@link DEFAULT_RETRY_POLICY}. */
  retries?: RetryPolicy | undefined
  /** Whether a status may be retried. Default {@link isRetryableStatus} without opt-ins. */
  isRetryable?: ((status: number, method: string) => boolean) | undefined
  /** Whether network errors and timeouts may be retried. Default: for idempotent methods only. */
  retryNetworkErrors?: boolean | undefined
  /** Timeout of each attempt, from its start until its body is read. `0`/undefined: none. */
  timeoutMs?: number | undefined
  /** Cancels the request and any pending wait between attempts. */
  signal?: AbortSignal | undefined
  /** Waits between attempts (injectable for tests). */
  sleep?: Sleep | undefined
  /** Source of jitter in [0, 1) (injectable for tests). */
  random?: (() => number) | undefined
  /** Clock for HTTP-date `Retry-After` values (injectable for tests). */
  now?: (() => number) | undefined
  /** Called before each wait; exceptions it throws are ignored. */
  onRetry?: ((event: RetryEvent) => void) | undefined
  /** Removes credentials from URLs given to `onRetry`. Default: identity. */
  redactUrl?: ((url: string) => string) | undefined
  /**
   * Removes secrets from the message (and stack) of an error thrown by `fetch` before it becomes a
   * {@link NetworkError} and its `cause`: some fetch implementations quote the URL, query key included.
   */
  redactText?: ((text: string) => string) | undefined
  /**
   * When set, a final non-2xx response is turned into an error with this function and thrown.
   * When unset, the response is returned as is.
   */
  toError?: ((response: Response, request: RequestLine) => Promise<unknown> | unknown) | undefined
}

/**
 * Sends a request with timeout, retries and `Retry-After` handling.
 *
 * Each attempt gets its own timeout. A retryable status (see `isRetryable`) or a network error
 * (when allowed) waits `Retry-After` (seconds or HTTP-date, capped at `maxDelayMs`) or an
 * exponential backoff with jitter, then tries again, up to `retries.max` times. An abort of
 * `signal` stops everything at once, including a pending wait, and rejects with the signal's
 * reason. `Request` objects with a body are cloned before each attempt that may be followed by another.
 *
 * @param request - the request to send: a `Request`, or `{ url, init }` (then the injected fetch is
 *   called as `fetch(url, init)`, like the official SDKs do, and nothing needs cloning).
 * @param options - fetch, policy, timeout, signal and hooks.
 * @returns the final response (a 2xx, or any status when `toError` is unset).
 * @throws {NetworkError} when the network fails and no retry is left.
 * @throws {RequestTimeoutError} when the last attempt times out.
 * @throws whatever `toError` returns, for a final non-2xx response.
 * @example
 * ```ts
 * const response = await sendWithRetry(new Request(url), { timeoutMs: 5_000, retries: { max: 3, baseDelayMs: 200, maxDelayMs: 2_000 } })
 * ```
 */
export async function sendWithRetry(
  request: Request | PlainRequest,
  options: SendOptions = {},
): Promise<Response> {
  const policy = options.retries ?? DEFAULT_RETRY_POLICY
  const isRequest = request instanceof Request
  const line: RequestLine = isRequest
    ? { method: request.method, url: request.url }
    : { method: (request.init.method ?? 'GET').toUpperCase(), url: request.url }
  const method = line.method
  const fetchImpl = (options.fetch ?? globalThis.fetch) as FetchLike
  // The runtime's own fetch ends the request and its body when the signal aborts; any other fetch
  // (injected, or a mock put on globalThis) may ignore the signal, so the wrapper watches it itself.
  const watch = fetchImpl !== runtimeFetch
  const { timeoutMs } = options
  // The caller's signal: explicit, or the one inside the request when a timeout must be combined with it.
  const signal =
    options.signal ??
    (timeoutMs ? (isRequest ? request.signal : (request.init.signal ?? undefined)) : undefined)
  const useSignal = Boolean(signal || timeoutMs)
  for (let attempt = 0; ; attempt++) {
    // An injected fetch may ignore the signal: never send a request the caller already cancelled.
    if (signal?.aborted) throw abortReason(signal)
    const canRetry = attempt < policy.max
    const guard = useSignal ? createAttemptSignal(timeoutMs, signal) : undefined
    let response: Response
    try {
      // Promise.resolve: a fake fetch may return a Response (or a thenable) rather than a Promise.
      let pending: Promise<Response>
      if (isRequest) {
        const input = canRetry && request.body ? request.clone() : request
        pending = Promise.resolve(
          guard ? fetchImpl(input, { signal: guard.signal }) : fetchImpl(input),
        )
      } else {
        pending = Promise.resolve(
          fetchImpl(request.url, guard ? { ...request.init, signal: guard.signal } : request.init),
        )
      }
      response = guard && watch ? await untilAborted(pending, guard.signal) : await pending
      // `Response.error()` (status 0) is how service workers and mocks report a network failure.
      if ((response as Partial<Response> | null)?.type === 'error') {
        throw new TypeError('fetch returned a network error response (Response.error())')
      }
    } catch (thrown) {
      guard?.clear()
      if (signal?.aborted) throw abortReason(signal)
      const cause = options.redactText ? redactError(thrown, options.redactText) : thrown
      const error = guard?.timedOut()
        ? new RequestTimeoutError(timeoutMs ?? 0, cause)
        : new NetworkError(`Network or fetch error: ${messageOf(cause)}`, cause)
      if (!canRetry || !(options.retryNetworkErrors ?? isRetryableNetworkError(method))) throw error
      await wait(attempt, backoffDelay(attempt, policy, options.random), options, line, signal, {
        error,
      })
      continue
    }
    if (!isResponseLike(response)) {
      guard?.clear()
      throw new SdkError(
        `fetch resolved to ${describeResolved(response)} instead of a Response (check the injected fetch)`,
      )
    }
    // A Response-like object without `ok` is judged by its status, as a Response would be.
    const ok =
      typeof response.ok === 'boolean'
        ? response.ok
        : response.status >= 200 && response.status < 300
    if (ok) {
      // The timeout keeps bounding the body, which the caller reads next.
      if (guard) {
        guard.settle()
        if (watch) limitBody(response, guard.signal)
      }
      return response
    }
    const retryable = options.isRetryable
      ? options.isRetryable(response.status, method)
      : isRetryableStatus(method, response.status)
    if (canRetry && retryable) {
      guard?.clear()
      const hinted = parseRetryAfter(
        response.headers.get('retry-after'),
        (options.now ?? Date.now)(),
      )
      const delay =
        hinted === undefined
          ? backoffDelay(attempt, policy, options.random)
          : Math.min(hinted, policy.maxDelayMs)
      // Free the connection: the body of a response we retry is never read.
      discardBody(response)
      await wait(attempt, delay, options, line, signal, { status: response.status })
      continue
    }
    if (!options.toError) {
      // As for a 2xx: the caller reads this body next, and the timeout keeps bounding it.
      if (guard) {
        guard.settle()
        if (watch) limitBody(response, guard.signal)
      }
      return response
    }
    // The error body is read under the attempt's signal: a timeout or the caller's abort cuts a
    // body that stalls, instead of leaving the call pending forever.
    let error: unknown
    // Also when the fetch ignores its signal: the factory's body read watches this one.
    if (guard && watch) limitBody(response, guard.signal)
    try {
      error = await options.toError(response, line)
    } finally {
      guard?.clear()
    }
    if (signal?.aborted) throw abortReason(signal)
    throw error
  }
}

/** `globalThis.fetch` as this module found it: the runtime's own, unless replaced before loading. */
const runtimeFetch: unknown = globalThis.fetch

/**
 * The fetch's promise, or a rejection with the signal's reason as soon as the signal aborts: an
 * injected fetch that ignores its signal must not keep a timed-out or cancelled call pending. A
 * response that arrives after that is discarded.
 */
function untilAborted(pending: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => {
      reject(abortReason(signal))
      pending.then(discardBody, () => undefined)
    }
    if (signal.aborted) return onAbort()
    const unwatch = watchAbort(signal, onAbort)
    pending.then(
      (response) => {
        unwatch()
        resolve(response)
      },
      (error: unknown) => {
        unwatch()
        reject(error)
      },
    )
  })
}

async function wait(
  attempt: number,
  delayMs: number,
  options: SendOptions,
  line: RequestLine,
  signal: AbortSignal | undefined,
  reason: { status?: number; error?: unknown },
): Promise<void> {
  if (options.onRetry) {
    try {
      const result: unknown = options.onRetry({
        retry: attempt + 1,
        delayMs,
        method: line.method,
        url: options.redactUrl ? options.redactUrl(line.url) : line.url,
        ...reason,
      })
      // An async hook that rejects must not become an unhandled rejection (it crashes Node).
      if (typeof (result as Promise<unknown> | undefined)?.then === 'function') {
        ;(result as Promise<unknown>).then(undefined, () => undefined)
      }
    } catch {
      // a failing hook must not change the outcome of the request
    }
  }
  await (options.sleep ?? defaultSleep)(delayMs, signal)
}

function describeResolved(value: unknown): string {
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object without status and headers' : typeof value
}

/** What the wrapper reads of a response: `ok`, `status` and `headers.get` (a Response or a look-alike). */
function isResponseLike(value: unknown): value is Response {
  const r = value as Partial<Response> | null | undefined
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.status === 'number' &&
    typeof r.headers?.get === 'function'
  )
}

function messageOf(error: unknown): string {
  // A hostile fetch may throw anything, with getters that throw: describing it must not fail.
  try {
    if (error instanceof Error) {
      const cause = (error as { cause?: unknown }).cause
      return cause instanceof Error && cause.message
        ? `${error.message} (${cause.message})`
        : error.message
    }
    const message = (error as { message?: unknown } | null)?.message
    return typeof message === 'string' ? message : String(error)
  } catch {
    return 'unreadable error'
  }
}

/**
 * Wraps {@link sendWithRetry} as a fetch function. A `Request` input (as openapi-fetch passes) is
 * turned into `fetch(url, init)` with a string body, so an injected fetch always sees the same
 * call shape and retries need no clone.
 *
 * @param options - as for {@link sendWithRetry}; `signal` defaults to the request's own.
 * @returns a fetch-compatible function.
 * @example
 * ```ts
 * const fetchWithRetry = createRetryingFetch({ timeoutMs: 10_000 })
 * await fetchWithRetry('https://example.com', { method: 'GET' })
 * ```
 */
export function createRetryingFetch(
  options: SendOptions,
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    if (!(input instanceof Request)) {
      return sendWithRetry({ url: String(input), init: init ?? {} }, options)
    }
    const request = init ? new Request(input, init) : input
    const plain: RequestInit = {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      signal: request.signal,
      // Keep the caller's redirect mode (a facade may refuse redirects so a key is never re-sent).
      redirect: request.redirect,
    }
    if (request.body) plain.body = await request.text()
    return sendWithRetry(
      { url: request.url, init: plain },
      { ...options, signal: options.signal ?? request.signal },
    )
  }
}
