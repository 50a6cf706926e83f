import type {
  RequestOptions as CoreRequestOptions,
  RetriesOption,
  RetryEvent,
  Sleep,
} from '@fpapi/client-core'
import type { AuthenticationMode, Region } from './region'

/**
 * Options of {@link FingerprintJsServerApiClient}. The first four are those of the official v6 SDK;
 * the rest are additive.
 */
export interface Options {
  /** Secret API key of your workspace. Required; never printed or stored on a public field. */
  apiKey: string
  /** Region of your workspace. Default `Region.Global` (`https://api.fpjs.io`). */
  region?: Region | `${Region}`
  /** Where the key travels. Default `AuthenticationMode.AuthHeader` (`Auth-API-Key` header). */
  authenticationMode?: AuthenticationMode | `${AuthenticationMode}`
  /** The fetch implementation, called as `fetch(url, init)`. Default: the global `fetch`. */
  fetch?: typeof fetch
  /**
   * Replaces the region's server URL, for a proxy or a mock server, for example
   * `http://127.0.0.1:3000`. Paths such as `/events/{request_id}` are appended to it.
   */
  baseUrl?: string
  /** Timeout of each attempt, in milliseconds, from its start until its body is read. Default: none. */
  timeoutMs?: number
  /**
   * Retry policy: `{ max, baseDelayMs, maxDelayMs }` (default `{ max: 2, baseDelayMs: 250,
   * maxDelayMs: 5000 }`), or `false` to turn retries off. 429, 408 and network errors are retried for
   * every idempotent call, 5xx for GET and DELETE only, 409 for `updateEvent`; PUT is never retried on 5xx.
   */
  retries?: RetriesOption
  /** Headers sent with every request (the auth header cannot be overridden here). */
  defaultHeaders?: Record<string, string>
  /** Called before each retry wait, with the redacted URL and the reason. */
  onRetry?: (event: RetryEvent) => void
  /** Waits between retries; inject a fake in tests. Default: a timer that an abort cancels. */
  sleep?: Sleep
}

/**
 * Per-call options: the optional last argument of every method (`signal`, `timeoutMs`, `retries`,
 * `headers`), shared with the other `@fpapi` clients.
 *
 * @example
 * ```ts
 * await client.getEvent(requestId, { timeoutMs: 2_000, retries: false, signal: controller.signal })
 * ```
 */
export type RequestOptions = CoreRequestOptions

/**
 * Options of the iterators `iterateVisits` and `iterateEvents`.
 *
 * @example
 * ```ts
 * for await (const visit of client.iterateVisits(visitorId, { limit: 500 }, { maxItems: 2_000 })) {}
 * ```
 */
export interface IterateOptions extends RequestOptions {
  /** Stop after this many items; `.pages()` stops there too, cutting the last page down to the cap. */
  maxItems?: number
}
