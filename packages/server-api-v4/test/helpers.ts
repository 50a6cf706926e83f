import { vi } from 'vitest'

/** One recorded call of the fake fetch, as the client made it. */
export interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: string | undefined
  signal: AbortSignal | undefined
}

/** A canned answer: status, JSON body (or raw text), headers; or an error to throw. */
export type Reply =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | Error

/**
 * A fake fetch that records every call (as the client passed it: `fetch(url, init)`) and answers
 * from a list; the last reply repeats.
 */
export function fakeFetch(...replies: Reply[]) {
  const calls: Call[] = []
  const fetch = vi.fn(
    async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v
      })
      calls.push({
        url: String(input),
        method: init?.method ?? 'GET',
        headers,
        body: typeof init?.body === 'string' ? init.body : undefined,
        signal: init?.signal ?? undefined,
      })
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)] ?? {
        status: 200,
        json: {},
      }
      if (reply instanceof Error) throw reply
      const status = reply.status ?? 200
      const body = reply.text ?? (reply.json === undefined ? null : JSON.stringify(reply.json))
      return new Response(status === 204 ? null : body, {
        status,
        headers: { 'content-type': 'application/json', ...reply.headers },
      })
    },
  )
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, mock: fetch }
}

/** A minimal event in the v4 shape, with an unknown field to prove pass-through. */
export function sampleEvent(id = '1708102555327.NLOjmg') {
  return {
    event_id: id,
    timestamp: 1708102555327,
    identification: { visitor_id: 'Ibk1527CUFmcnjLwIs4A', confidence: { score: 0.97 } },
    bot: 'not_detected',
    some_future_field: { nested: [1, 2, 3] },
  }
}

export const API_KEY = 'sk_test_DO_NOT_LEAK_0123456789'
