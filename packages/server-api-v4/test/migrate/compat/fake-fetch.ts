/** A recorded request of the fake fetch. */
export interface Call {
  method: string
  url: URL
  headers: Headers
  body: unknown
}

type Reply = {
  status?: number
  body?: unknown
  headers?: Record<string, string>
  statusText?: string
}

/** A fetch that answers from a queue of replies (or a function) and records each request. */
export function fakeFetch(replies: Reply[] | ((call: Call) => Reply)) {
  const calls: Call[] = []
  const queue = Array.isArray(replies) ? [...replies] : undefined
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    )
    const call: Call = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const reply = queue ? queue.shift() : (replies as (c: Call) => Reply)(call)
    if (!reply) throw new Error(`unexpected request ${call.method} ${url}`)
    const text =
      reply.body === undefined
        ? ''
        : typeof reply.body === 'string'
          ? reply.body
          : JSON.stringify(reply.body)
    return new Response(reply.status === 204 ? null : text, {
      status: reply.status ?? 200,
      statusText: reply.statusText ?? '',
      headers: {
        'content-type': typeof reply.body === 'string' ? 'text/html' : 'application/json',
        ...reply.headers,
      },
    })
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}
