import { assertObject } from './checks'
import { redactError } from './redact-error'
import type { RequestOptions, Transport } from './transport'
import { checkedPathSerializer, serializeQuery } from './url'

/** HTTP methods a {@link PathClient} has one function for, as openapi-fetch's client does. */
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const

/** The options of one {@link PathClient} call: openapi-fetch's, minus its serializer and middleware hooks. */
export interface PathCallInit extends Omit<RequestInit, 'body' | 'method' | 'headers'> {
  /** Values for the path template, the query string (arrays as repeated keys) and headers. */
  params?: {
    path?: Record<string, unknown>
    query?: Record<string, unknown>
    header?: Record<string, unknown>
  }
  /** A JSON body (sent with `Content-Type: application/json`). */
  body?: unknown
  /** Extra headers; `null` or `undefined` values are left out. */
  headers?: Record<string, unknown>
  /** How to read a 2xx body. Default `json` (an empty body gives `undefined`). */
  parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream'
  /** A server URL for this call instead of the client's (it replaces the whole server URL). */
  baseUrl?: string
}

/** What a {@link PathClient} call resolves to: `data` for a 2xx, `error` (the parsed body) otherwise. */
export type PathCallResult =
  | { data: unknown; error?: undefined; response: Response }
  | { data?: undefined; error: unknown; response: Response }

/** A function per HTTP method, each taking a path template of the spec and its options. */
export type PathClient = Record<
  (typeof METHODS)[number],
  (path: string, init?: PathCallInit) => Promise<PathCallResult>
>

const PARSE_AS: readonly unknown[] = ['json', 'text', 'blob', 'arrayBuffer', 'stream']

/** openapi-fetch options a {@link PathClient} has no equivalent for; passing one is an error, not ignored. */
const UNSUPPORTED = [
  'querySerializer',
  'bodySerializer',
  'pathSerializer',
  'middleware',
  'fetch',
  'Request',
]

/**
 * A small client with openapi-fetch's call shape (`GET(path, { params, body })` resolving to
 * `{ data, error, response }`) over a facade's transport, so any path of a spec can be called with
 * the client's credentials, retries and timeout without bundling openapi-fetch. Path parameters are
 * checked and percent-encoded as the facades' ids are; queries use repeated keys for arrays.
 * Non-2xx responses are returned (never thrown); network failures and timeouts throw as in the
 * facade methods.
 *
 * @param baseUrl - the client's server URL, without a trailing slash.
 * @param headers - headers of every request (credentials included).
 * @param transport - the facade's transport.
 * @returns one function per HTTP method.
 * @throws {TypeError} from a call, before any request, for a missing or unusable path parameter, a
 *   query value that is an object, or an openapi-fetch option it does not support.
 * @example
 * ```ts
 * const raw = createPathClient(baseUrl, headers, transport)
 * const { data, error } = await raw.GET('/events/{event_id}', { params: { path: { event_id: id } } })
 * ```
 */
export function createPathClient(
  baseUrl: string,
  headers: Readonly<Record<string, string>>,
  transport: Transport,
): PathClient {
  const call = async (method: string, path: string, init: PathCallInit = {}) => {
    assertObject(init, 'init')
    for (const name of UNSUPPORTED) {
      if (name in init) throw new TypeError(`init.${name} is not supported by this client`)
    }
    const {
      params = {},
      body,
      headers: extra,
      parseAs = 'json',
      baseUrl: base,
      signal,
      ...rest
    } = init
    if (!PARSE_AS.includes(parseAs)) {
      throw new TypeError(`init.parseAs must be one of ${PARSE_AS.join(', ')}`)
    }
    const query = serializeQuery(params.query)
    const url = `${base ? base.replace(/\/+$/, '') : baseUrl}${checkedPathSerializer(path, params.path)}${query ? `?${query}` : ''}`
    const merged: Record<string, string> = { ...headers }
    if (body !== undefined) merged['Content-Type'] = 'application/json'
    for (const more of [params.header, extra]) {
      for (const name in more) if (more[name] != null) merged[name] = String(more[name])
    }
    const options: RequestOptions | undefined = signal ? { signal } : undefined
    const response = await transport.fetchFor(
      options,
      undefined,
      false,
    )(url, {
      ...rest,
      method,
      headers: merged,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    try {
      return await readResult(method, parseAs, response)
    } catch (error) {
      // A failing body stream of a custom fetch may quote the request URL (node-fetch does).
      throw redactError(error, transport.redactText)
    }
  }
  const readResult = async (
    method: string,
    parseAs: NonNullable<PathCallInit['parseAs']>,
    response: Response,
  ): Promise<PathCallResult> => {
    const length = response.headers.get('content-length')
    if (response.status === 204 || method === 'HEAD' || length === '0') {
      return response.ok ? { data: undefined, response } : { error: undefined, response }
    }
    if (!response.ok) {
      let error: unknown = await response.text()
      try {
        error = JSON.parse(error as string)
      } catch {
        // not JSON: the text itself
      }
      return { error, response }
    }
    if (parseAs === 'stream') return { data: response.body, response }
    if (parseAs !== 'json') return { data: await response[parseAs](), response }
    const text = await response.text()
    return { data: text ? (JSON.parse(text) as unknown) : undefined, response }
  }
  const client = {} as PathClient
  for (const method of METHODS) client[method] = (path, init) => call(method, path, init)
  return client
}
