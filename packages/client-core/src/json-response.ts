import { abortReason, onAbort as watchAbort } from './abort-listener'
import { SdkError } from './errors'
import { redactError } from './redact-error'

/**
 * Reads the JSON body of a successful response. A body that is not JSON gives an {@link SdkError}
 * that keeps the response (non-enumerable) and the parse error as `cause`; the content type is not
 * required to say JSON when the body parses.
 *
 * @param response - a 2xx response.
 * @param signal - the caller's signal: aborting it while the body is still arriving cancels the
 *   body and rejects with the signal's reason, as an abort during the request does.
 * @param redactText - removes the key from the error a failing body stream or parser gives (a
 *   custom fetch may quote the request URL there, as node-fetch does).
 * @param options - `keepReadable`: see {@link ReadJsonOptions}.
 * @returns the parsed body.
 * @throws {SdkError} when the body is empty or not JSON.
 * @throws the signal's reason when `signal` aborts before the body is read.
 * @example
 * ```ts
 * const event = (await readJsonBody(response, requestOptions?.signal)) as Event
 * ```
 */
export async function readJsonBody(
  response: Response,
  signal?: AbortSignal,
  redactText?: (text: string) => string,
  options?: ReadJsonOptions,
): Promise<unknown> {
  return readJson(response, signal, redactText, options, false)
}

/** The body of {@link readJsonBody}; with `objectOnly`, JSON other than an object is an error too. */
async function readJson(
  response: Response,
  signal: AbortSignal | undefined,
  redactText: ((text: string) => string) | undefined,
  options: ReadJsonOptions | undefined,
  objectOnly: boolean,
): Promise<unknown> {
  const clean = (error: unknown) => (redactText ? redactError(error, redactText) : error)
  // A Response-like object from an injected fetch may only have json() (test doubles written for
  // the official SDKs, which call json()): read it that way rather than fail on a missing text().
  if (typeof response.text !== 'function' && typeof response.json === 'function') {
    const parsed = await readJsonOnly(response, clean)
    if (objectOnly) expectObject(parsed, () => response)
    return parsed
  }
  // Known to be empty without reading it: the body stays unread, so a caller that catches the
  // error can still read `error.response` (as the official SDKs leave it).
  if (response.status === 204 || response.headers?.get?.('content-length') === '0') {
    throw new SdkError('Expected JSON response but response body is empty', response)
  }
  const limit = bodyLimits.get(response)
  const signals = limit ? (signal ? [signal, limit] : [limit]) : signal ? [signal] : []
  let text: string
  try {
    text = signals.length ? await readTextUnlessAborted(response, signals) : await response.text()
  } catch (thrown) {
    if (signal?.aborted) throw abortReason(signal)
    const cause = clean(thrown)
    // Say why (a timeout, a reset connection): the cause alone is easy to miss in a log line.
    const why = cause instanceof Error && cause.message ? ` (${cause.message})` : ''
    throw new SdkError(`Failed to read the response body${why}`, response, cause)
  }
  const kept = () => (options?.keepReadable ? readableCopy(response, text) : response)
  if (text === '') {
    throw new SdkError('Expected JSON response but response body is empty', kept())
  }
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (cause) {
    throw new SdkError(
      `Failed to parse JSON response (content-type: ${response.headers.get('content-type') ?? 'none'})`,
      kept(),
      clean(cause),
    )
  }
  if (objectOnly) expectObject(value, kept)
  return value
}

function expectObject(value: unknown, kept: () => Response): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    throw new SdkError(`Expected a JSON object in the response body, got ${got}`, kept())
  }
}

/** Options of {@link readJsonBody} and {@link readJsonObject}. */
export interface ReadJsonOptions {
  /**
   * When the body is read but can't be returned (empty, not JSON, not an object), attach to the
   * error a copy of the response whose body is the text read, so a caller can still call
   * `error.response.text()` (as with an SDK that parses a clone). Default false: the response as is.
   */
  keepReadable?: boolean
}

/**
 * A copy of a response whose body has been read: same status, status text and headers, with the
 * text as its body. Falls back to the response itself when one can't be built (a Response-like
 * object from an injected fetch, a status the constructor refuses).
 */
function readableCopy(response: Response, text: string): Response {
  try {
    const status = response.status
    const nullBody = status === 204 || status === 205 || status === 304
    return new Response(nullBody || text === '' ? null : text, {
      status,
      statusText: response.statusText,
      headers: response.headers,
    })
  } catch {
    return response
  }
}

async function readJsonOnly(
  response: Response,
  clean: (error: unknown) => unknown,
): Promise<unknown> {
  try {
    return (await response.json()) as unknown
  } catch (cause) {
    throw new SdkError('Failed to parse JSON response', response, clean(cause))
  }
}

/**
 * Reads the JSON body of a successful response that must be a JSON object (an event, a page): a
 * body of `null`, an array, a string or a number is not what the caller's type promises, and would
 * otherwise fail later, far from its cause (`Cannot read properties of null`).
 *
 * @param response - a 2xx response.
 * @param signal - the caller's signal, as for {@link readJsonBody}.
 * @param redactText - as for {@link readJsonBody}.
 * @param options - as for {@link readJsonBody}.
 * @returns the parsed object.
 * @throws {SdkError} when the body is empty, not JSON, or JSON but not an object (the response is
 *   kept, non-enumerable).
 * @throws the signal's reason when `signal` aborts before the body is read.
 * @example
 * ```ts
 * const event = (await readJsonObject(response, requestOptions?.signal)) as Event
 * ```
 */
export async function readJsonObject(
  response: Response,
  signal?: AbortSignal,
  redactText?: (text: string) => string,
  options?: ReadJsonOptions,
): Promise<object> {
  return (await readJson(response, signal, redactText, options, true)) as object
}

/**
 * Discards the body of a response whose content the caller doesn't need, so the connection is
 * released.
 *
 * @param response - the response.
 * @returns nothing.
 * @example
 * ```ts
 * discardBody(response)
 * ```
 */
export function discardBody(response: Response): void {
  // An injected fetch may return a Response-like object whose body is not a web stream (node-fetch
  // gives a Node stream without cancel()); releasing the body must never fail the call.
  try {
    const body = response.body as { cancel?: () => Promise<unknown> } | null | undefined
    if (typeof body?.cancel === 'function') body.cancel().catch(() => undefined)
  } catch {
    // nothing to release
  }
}

/** The timeout signal of the attempt that produced each response, for {@link readJsonBody}. */
const bodyLimits = new WeakMap<object, AbortSignal>()

/**
 * Lets {@link readJsonBody} stop reading a response's body when `signal` aborts. The retrying fetch
 * registers its attempt's timeout here, so the timeout bounds the body even when a custom fetch
 * ignored the signal it was given.
 *
 * @internal
 */
export function limitBody(response: Response, signal: AbortSignal): void {
  bodyLimits.set(response, signal)
}

/**
 * The body text of an error response, read from a clone (so `error.response` stays readable) and cut
 * short when the attempt's timeout or the caller's abort fires (see {@link limitBody}).
 *
 * @internal
 */
export async function readErrorText(response: Response): Promise<string> {
  // A Response-like object may lack clone() (then its own body is read) or text() (no text).
  const source = typeof response.clone === 'function' ? response.clone() : response
  if (typeof source.text !== 'function') return ''
  const limit = bodyLimits.get(response)
  return limit ? readTextUnlessAborted(source, [limit]) : source.text()
}

/** Decodes whole bodies (no streaming state), so one instance serves every read. */
const utf8 = new TextDecoder()

/** `response.text()`, cut short (and the body cancelled) when one of `signals` aborts first. */
async function readTextUnlessAborted(
  response: Response,
  signals: readonly AbortSignal[],
): Promise<string> {
  const aborted = () => signals.find((s) => s.aborted)
  const early = aborted()
  if (early) {
    discardBody(response)
    throw abortReason(early)
  }
  const body = response.body as ReadableStream<Uint8Array> | null | undefined
  // A Response-like object without a web stream: nothing to cancel, read it as it comes.
  if (!body || typeof body.getReader !== 'function') return response.text()
  const reader = body.getReader()
  const onAbort = () => {
    reader.cancel(aborted()?.reason).catch(() => undefined)
  }
  const unwatch = signals.map((s) => watchAbort(s, onAbort))
  try {
    // Chunks are kept as bytes and decoded once at the end (a multi-byte character may be split
    // between chunks); one shared decoder is enough for that.
    const chunks: Uint8Array[] = []
    let length = 0
    for (;;) {
      const { done, value } = await reader.read()
      const stop = aborted()
      if (stop) throw abortReason(stop)
      if (done) break
      chunks.push(value)
      length += value.length
    }
    if (chunks.length === 1) return utf8.decode(chunks[0])
    const all = new Uint8Array(length)
    let offset = 0
    for (const chunk of chunks) {
      all.set(chunk, offset)
      offset += chunk.length
    }
    return utf8.decode(all)
  } finally {
    for (const stop of unwatch) stop()
  }
}
