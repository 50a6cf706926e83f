/** A recorded call of {@link createFakeFetch}. */
export interface RecordedCall {
  url: string
  method: string
  headers: Headers
  body: string | undefined
  signal: AbortSignal | undefined
}

/** What the fake answers: a status, a JSON-able body or raw text, and headers. */
export interface FakeAnswer {
  status?: number
  statusText?: string
  json?: unknown
  text?: string
  headers?: Record<string, string>
}

type Responder =
  FakeAnswer | Error | ((call: RecordedCall) => FakeAnswer | Error | Promise<FakeAnswer | Error>)

/**
 * A `fetch` replacement for unit tests: answers from a queue (the last answer repeats) and records
 * every call. Nothing global is stubbed; the client gets it through its `fetch` option.
 */
export function createFakeFetch(...answers: Responder[]) {
  const calls: RecordedCall[] = []
  const queue = [...answers]
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined
    const url = request ? request.url : String(input)
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
    const headers = new Headers(init?.headers ?? request?.headers)
    let body: string | undefined
    if (init?.body !== undefined && init.body !== null) body = String(init.body)
    else if (request && request.body) body = await request.text()
    const signal = init?.signal ?? request?.signal ?? undefined
    const call: RecordedCall = { url, method, headers, body, signal }
    calls.push(call)
    if (signal?.aborted) throw signal.reason
    const next = queue.length > 1 ? queue.shift() : queue[0]
    if (next === undefined) throw new Error('fake fetch: no answer queued')
    const answer = typeof next === 'function' ? await next(call) : next
    if (answer instanceof Error) throw answer
    const text = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json))
    const status = answer.status ?? 200
    return new Response(status === 204 || status === 304 ? null : text, {
      status,
      statusText: answer.statusText ?? '',
      headers: { 'content-type': 'application/json', ...answer.headers },
    })
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}
