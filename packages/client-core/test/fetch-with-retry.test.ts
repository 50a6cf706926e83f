import { beforeEach, describe, expect, test, vi } from 'vitest'
import {
  NetworkError,
  RequestTimeoutError,
  createRetryingFetch,
  sendWithRetry,
  type RetryEvent,
  type SendOptions,
} from '@fpapi/client-core'

type Step = number | { status: number; headers?: Record<string, string> } | Error

/** A fake fetch answering from a script; it records the method and body of every call. */
function scripted(steps: Step[]) {
  const calls: { method: string; body: string }[] = []
  const fetch = vi.fn(async (input: string | Request, init?: RequestInit) => {
    if (typeof input === 'string')
      calls.push({ method: init?.method ?? 'GET', body: String(init?.body ?? '') })
    else calls.push({ method: input.method, body: await input.text() })
    const step = steps[Math.min(calls.length - 1, steps.length - 1)] as Step
    if (step instanceof Error) throw step
    const { status, headers } = typeof step === 'number' ? { status: step, headers: {} } : step
    return new Response(status === 204 ? null : `{"s":${status}}`, { status, headers })
  })
  return { fetch, calls }
}

const policy = { max: 3, baseDelayMs: 100, maxDelayMs: 1_000 }

let plain = false

function run(method: string, steps: Step[], extra: Partial<SendOptions> = {}) {
  const { fetch, calls } = scripted(steps)
  const delays: number[] = []
  const events: RetryEvent[] = []
  const url = 'https://x.test/things/1?api_key=s3cret'
  const init = { method, body: method === 'GET' || method === 'DELETE' ? undefined : '{"a":1}' }
  const promise = sendWithRetry(plain ? { url, init } : new Request(url, init), {
    fetch,
    retries: policy,
    random: () => 0,
    sleep: async (ms) => {
      delays.push(ms)
    },
    onRetry: (e) => events.push(e),
    redactUrl: (url) => url.replace('s3cret', '[REDACTED]'),
    ...extra,
  })
  return { promise, calls, delays, events }
}

describe.each([
  { form: 'Request', isPlain: false },
  { form: '{ url, init }', isPlain: true },
])('sendWithRetry with $form', ({ isPlain }) => {
  beforeEach(() => {
    plain = isPlain
  })

  describe('which statuses are retried', () => {
    test.each([
      { method: 'GET', steps: [503, 200], want: { status: 200, calls: 2 } },
      { method: 'GET', steps: [500, 502, 504, 200], want: { status: 200, calls: 4 } },
      { method: 'GET', steps: [500], want: { status: 500, calls: 4 } },
      { method: 'DELETE', steps: [502, 200], want: { status: 200, calls: 2 } },
      { method: 'GET', steps: [429, 200], want: { status: 200, calls: 2 } },
      { method: 'PATCH', steps: [429, 204], want: { status: 204, calls: 2 } },
      { method: 'PATCH', steps: [500, 200], want: { status: 500, calls: 1 } },
      { method: 'PUT', steps: [503, 200], want: { status: 503, calls: 1 } },
      { method: 'PATCH', steps: [409, 200], want: { status: 409, calls: 1 } },
      { method: 'GET', steps: [404, 200], want: { status: 404, calls: 1 } },
      { method: 'GET', steps: [400], want: { status: 400, calls: 1 } },
    ])('$method $steps -> $want', async ({ method, steps, want }) => {
      const { promise, calls } = run(method, steps)
      const response = await promise
      expect(response.status).toBe(want.status)
      expect(calls).toHaveLength(want.calls)
    })

    test('409 is retried when the rule opts in, and the body is resent each time', async () => {
      const { promise, calls } = run('PATCH', [409, 409, 200], {
        isRetryable: (status) => status === 409 || status === 429,
      })
      expect((await promise).status).toBe(200)
      expect(calls.map((c) => c.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}'])
    })
  })

  describe('delays', () => {
    test.each([
      {
        name: 'exponential backoff, jitter 0',
        steps: [503, 503, 503, 200],
        random: 0,
        want: [50, 100, 200],
      },
      {
        name: 'exponential backoff, jitter max',
        steps: [503, 503, 200],
        random: 0.999999,
        want: [100, 200],
      },
      {
        name: 'capped at maxDelayMs',
        steps: [503, 503, 503, 200],
        random: 0.999999,
        max: { max: 3, baseDelayMs: 600, maxDelayMs: 1_000 },
        want: [600, 1000, 1000],
      },
      {
        name: 'Retry-After seconds first',
        steps: [{ status: 429, headers: { 'Retry-After': '0' } }, 200],
        random: 0,
        want: [0],
      },
      {
        name: 'Retry-After capped',
        steps: [{ status: 429, headers: { 'Retry-After': '3600' } }, 200],
        random: 0,
        want: [1000],
      },
      {
        name: 'Retry-After HTTP-date',
        steps: [{ status: 503, headers: { 'Retry-After': 'Thu, 01 Jan 2026 00:00:00 GMT' } }, 200],
        random: 0,
        now: Date.parse('Wed, 31 Dec 2025 23:59:59.5 GMT'),
        want: [500],
      },
      {
        name: 'invalid Retry-After falls back to backoff',
        steps: [{ status: 429, headers: { 'Retry-After': 'later' } }, 200],
        random: 0,
        want: [50],
      },
    ])('$name', async ({ steps, random, want, max, now }) => {
      const { promise, delays } = run('GET', steps, {
        random: () => random,
        ...(max ? { retries: max } : {}),
        ...(now ? { now: () => now } : {}),
      })
      await promise
      expect(delays).toEqual(want)
    })

    test('onRetry sees each retry with a redacted URL; a throwing hook is ignored', async () => {
      const { promise, events } = run('GET', [
        503,
        { status: 429, headers: { 'retry-after': '1' } },
        200,
      ])
      await promise
      expect(events).toEqual([
        {
          retry: 1,
          delayMs: 50,
          method: 'GET',
          url: 'https://x.test/things/1?api_key=[REDACTED]',
          status: 503,
        },
        {
          retry: 2,
          delayMs: 1000,
          method: 'GET',
          url: 'https://x.test/things/1?api_key=[REDACTED]',
          status: 429,
        },
      ])
      const again = run('GET', [503, 200], {
        onRetry: () => {
          throw new Error('hook')
        },
      })
      expect((await again.promise).status).toBe(200)
    })

    test('max 0 and retries false-like policy send once', async () => {
      const { promise, calls } = run('GET', [503, 200], {
        retries: { max: 0, baseDelayMs: 1, maxDelayMs: 1 },
      })
      expect((await promise).status).toBe(503)
      expect(calls).toHaveLength(1)
    })
  })
})

describe('sendWithRetry: network errors, timeouts, aborts', () => {
  test('network errors are retried for GET and wrapped when they persist', async () => {
    const boom = new TypeError('fetch failed')
    const ok = run('GET', [boom, 200])
    expect((await ok.promise).status).toBe(200)
    const fail = run('GET', [boom])
    const error = await fail.promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error).toMatchObject({ message: 'Network or fetch error: fetch failed', cause: boom })
    expect(fail.calls).toHaveLength(4)
  })

  test('network errors are not retried for PATCH', async () => {
    const { promise, calls } = run('PATCH', [new TypeError('socket hang up'), 200])
    await expect(promise).rejects.toBeInstanceOf(NetworkError)
    expect(calls).toHaveLength(1)
  })

  test('toError turns the final response into a thrown error', async () => {
    const { promise } = run('GET', [404], { toError: (r) => new Error(`status ${r.status}`) })
    await expect(promise).rejects.toThrow('status 404')
  })

  test('a timeout aborts the attempt and reports RequestTimeoutError', async () => {
    const hang = vi.fn(
      (_: string | Request, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
    const promise = sendWithRetry(new Request('https://x.test/'), {
      fetch: hang,
      timeoutMs: 5,
      retries: { max: 1, baseDelayMs: 0, maxDelayMs: 0 },
      sleep: async () => {},
    })
    const error = await promise.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(error).toMatchObject({ timeoutMs: 5, name: 'RequestTimeoutError' })
    expect(hang).toHaveBeenCalledTimes(2)
  })

  test("the caller's abort rejects with its reason and is never retried", async () => {
    const controller = new AbortController()
    const fetch = vi.fn(async (_: string | Request, init?: RequestInit) => {
      controller.abort(new Error('user gave up'))
      throw init?.signal?.reason
    })
    const promise = sendWithRetry(new Request('https://x.test/'), {
      fetch,
      signal: controller.signal,
    })
    await expect(promise).rejects.toThrow('user gave up')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('an abort during the wait between attempts ends the wait at once', async () => {
    const controller = new AbortController()
    const fetch = vi.fn(async () => new Response('', { status: 503 }))
    const promise = sendWithRetry(new Request('https://x.test/'), {
      fetch,
      signal: controller.signal,
      retries: { max: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      onRetry: () => queueMicrotask(() => controller.abort(new Error('stop waiting'))),
    })
    await expect(promise).rejects.toThrow('stop waiting')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('an already-aborted signal never calls fetch', async () => {
    const fetch = vi.fn(async (_: string | Request, init?: RequestInit) => {
      if (init?.signal?.aborted) throw init.signal.reason
      return new Response('')
    })
    await expect(
      sendWithRetry(new Request('https://x.test/'), {
        fetch,
        signal: AbortSignal.abort(new Error('early')),
      }),
    ).rejects.toThrow('early')
  })
})

describe('call shape seen by the injected fetch', () => {
  test('{ url, init } reaches fetch as (url, init), with a signal only when needed', async () => {
    const seen: unknown[][] = []
    const fetch = vi.fn(async (...args: unknown[]) => {
      seen.push(args)
      return new Response('{}')
    })
    const init = { method: 'PATCH', headers: { a: 'b' }, body: '{"x":1}' }
    await sendWithRetry({ url: 'https://x.test/e/1', init }, { fetch })
    expect(seen[0]).toEqual(['https://x.test/e/1', init])
    await sendWithRetry({ url: 'https://x.test/e/1', init }, { fetch, timeoutMs: 1000 })
    expect(seen[1]?.[0]).toBe('https://x.test/e/1')
    expect(seen[1]?.[1]).toMatchObject({ ...init, signal: expect.any(AbortSignal) })
  })

  test('createRetryingFetch turns a Request into (url, init) with a string body', async () => {
    const seen: unknown[][] = []
    const fetch = vi.fn(async (...args: unknown[]) => {
      seen.push(args)
      return new Response('{}')
    })
    const wrapped = createRetryingFetch({ fetch })
    await wrapped(
      new Request('https://x.test/e/1', {
        method: 'POST',
        body: '{"x":1}',
        headers: { 'x-a': '1' },
      }),
    )
    expect(seen[0]?.[0]).toBe('https://x.test/e/1')
    expect(seen[0]?.[1]).toMatchObject({ method: 'POST', body: '{"x":1}', headers: { 'x-a': '1' } })
  })
})

describe('very long delays', () => {
  test('a timeout beyond the timer range means no timeout, not an immediate abort', async () => {
    const fetch = vi.fn(async (_: string | Request, init?: RequestInit) => {
      await new Promise((r) => setTimeout(r, 5))
      if (init?.signal?.aborted) throw init.signal.reason
      return new Response('{}')
    })
    const response = await sendWithRetry(
      { url: 'https://x.test/', init: {} },
      { fetch, timeoutMs: 3e9 },
    )
    expect(response.status).toBe(200)
  })
})

describe('shared timeout signals', () => {
  test('attempts without a caller signal share one, and each still times out', async () => {
    const signals: AbortSignal[] = []
    const hang = vi.fn(
      (_: string | Request, init?: RequestInit) =>
        new Promise<Response>((_, reject) => {
          signals.push(init?.signal as AbortSignal)
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
        }),
    )
    const send = () =>
      sendWithRetry(
        { url: 'https://x.test/', init: {} },
        { fetch: hang, timeoutMs: 20, retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0 } },
      ).catch((e: unknown) => e)
    const errors = await Promise.all([send(), send(), send()])
    for (const e of errors) expect(e).toBeInstanceOf(RequestTimeoutError)
    expect(new Set(signals).size).toBe(1)
  })

  test('a finished attempt is not affected when the shared signal fires later', async () => {
    const fetch = vi.fn(async () => new Response('{}'))
    const response = await sendWithRetry(
      { url: 'https://x.test/', init: {} },
      { fetch, timeoutMs: 5 },
    )
    await new Promise((r) => setTimeout(r, 20))
    expect(await response.json()).toEqual({})
  })
})

test('createRetryingFetch keeps the redirect mode of the Request', async () => {
  const seen: RequestInit[] = []
  const fetch = vi.fn(async (_: string | Request, init?: RequestInit) => {
    seen.push(init ?? {})
    return new Response('{}')
  })
  await createRetryingFetch({ fetch })(new Request('https://x.test/', { redirect: 'manual' }))
  expect(seen[0]?.redirect).toBe('manual')
})
