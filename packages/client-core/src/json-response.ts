import { SdkError } from './errors'

/**
 * Reads the JSON body of a successful response. A body that is not JSON gives an {@link SdkError}
 * that keeps the response (non-enumerable) and the parse error as `cause`; the content type is not
 * required to say JSON when the body parses.
 *
 * @param response - a 2xx response.
 * @returns the parsed body.
 * @throws {SdkError} when the body is empty or not JSON.
 * @example
 * ```ts
 * const event = (await readJsonBody(response)) as Event
 * ```
 */
export async function readJsonBody(response: Response): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    throw new SdkError('Failed to read the response body', response, cause)
  }
  if (text === '') {
    throw new SdkError('Expected JSON response but response body is empty', response)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw new SdkError(
      `Failed to parse JSON response (content-type: ${response.headers.get('content-type') ?? 'none'})`,
      response,
      cause,
    )
  }
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
