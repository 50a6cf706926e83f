import { describe, expect, test } from 'vitest'
import { createAuth, createPathClient, createTransport, NetworkError } from '@fpapi/client-core'

const KEY = 'path-client-secret'

interface Seen {
  url: string
  init: RequestInit
}

function setup(...replies: (Response | Error | (() => Response))[]) {
  const seen: Seen[] = []
  const fetch = async (url: string | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} })
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!
    if (reply instanceof Error) throw reply
    return typeof reply === 'function' ? reply() : reply.clone()
  }
  const auth = createAuth({ type: 'bearer' }, KEY)
  const transport = createTransport({
    fetch,
    auth,
    retries: { max: 1, baseDelayMs: 0 },
    sleep: async () => undefined,
    errors: { extractError: () => undefined },
  })
  const raw = createPathClient('https://api.test/v4', { ...auth.headers() }, transport)
  return { raw, seen }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('createPathClient', () => {
  test('fills the path, repeats array query keys, merges header params and headers', async () => {
    const { raw, seen } = setup(json({ events: [] }))
    const { data, error, response } = await raw.GET('/visitors/{id}/events', {
      params: {
        path: { id: 'a/b?c' },
        query: { environment: ['e1', 'e2'], limit: 5, bot: undefined },
        header: { 'X-Trace': 7 },
      },
      headers: { 'X-Extra': 'yes', 'X-Skipped': null },
    })
    expect(data).toEqual({ events: [] })
    expect(error).toBeUndefined()
    expect(response.status).toBe(200)
    expect(seen[0]!.url).toBe(
      'https://api.test/v4/visitors/a%2Fb%3Fc/events?environment=e1&environment=e2&limit=5',
    )
    const headers = seen[0]!.init.headers as Record<string, string>
    expect(headers).toMatchObject({
      Authorization: `Bearer ${KEY}`,
      'X-Trace': '7',
      'X-Extra': 'yes',
    })
    expect(headers).not.toHaveProperty('X-Skipped')
    expect(headers).not.toHaveProperty('Content-Type')
  })

  test('a body is sent as JSON with its content type', async () => {
    const { raw, seen } = setup(new Response(null, { status: 204 }))
    const result = await raw.PATCH('/events/{event_id}', {
      params: { path: { event_id: 'e1' } },
      body: { suspect: true },
    })
    expect(result).toEqual({ data: undefined, response: expect.any(Response) })
    expect(seen[0]!.init).toMatchObject({ method: 'PATCH', body: '{"suspect":true}' })
    expect((seen[0]!.init.headers as Record<string, string>)['Content-Type']).toBe(
      'application/json',
    )
  })

  test('HTTP errors are returned with the parsed (or raw) body, after retries', async () => {
    const { raw, seen } = setup(json({ error: { code: 'x' } }, 503), json({ error: 'gone' }, 404))
    const result = await raw.GET('/events/{event_id}', { params: { path: { event_id: 'e' } } })
    expect(result.error).toEqual({ error: 'gone' })
    expect(result.data).toBeUndefined()
    expect(result.response.status).toBe(404)
    expect(seen).toHaveLength(2)

    const html = setup(new Response('<html>bad gateway</html>', { status: 502 }))
    const { error } = await html.raw.DELETE('/visitors/{id}', {
      params: { path: { id: 'v' } },
      retries: undefined,
    } as never)
    expect(error).toBe('<html>bad gateway</html>')
  })

  test('parseAs text, arrayBuffer and stream; an empty JSON body is undefined', async () => {
    const { raw } = setup(
      () => new Response('plain'),
      () => new Response('bytes'),
      () => new Response('s'),
      () => new Response(''),
    )
    expect((await raw.GET('/a', { parseAs: 'text' })).data).toBe('plain')
    const buffer = (await raw.GET('/a', { parseAs: 'arrayBuffer' })).data as ArrayBuffer
    expect(new TextDecoder().decode(buffer)).toBe('bytes')
    const stream = (await raw.GET('/a', { parseAs: 'stream' })).data
    expect(stream).toBeInstanceOf(ReadableStream)
    await (stream as ReadableStream).cancel()
    expect((await raw.GET('/a')).data).toBeUndefined()
  })

  test('a per-call baseUrl replaces the server URL', async () => {
    const { raw, seen } = setup(json({}))
    await raw.GET('/events', { baseUrl: 'http://127.0.0.1:9/v4/' })
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/v4/events')
  })

  test.each(['querySerializer', 'bodySerializer', 'pathSerializer', 'middleware', 'fetch'])(
    'openapi-fetch option %s: TypeError naming it, no request',
    async (option) => {
      const { raw, seen } = setup(json({}))
      const error = await raw.GET('/a', { [option]: () => '' } as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TypeError)
      expect((error as Error).message).toBe(`init.${option} is not supported by this client`)
      expect(seen).toHaveLength(0)
    },
  )

  test.each([
    [{ parseAs: 'formData' }, /init.parseAs must be one of/],
    [{ params: { path: {} } }, /path parameter event_id/],
    [{ params: { path: { event_id: '..' } } }, /path parameter event_id/],
    [
      { params: { path: { event_id: 'e' }, query: { nested: { a: 1 } } } },
      /query parameter nested/,
    ],
  ])('bad call %j: TypeError before any request', async (init, message) => {
    const { raw, seen } = setup(json({}))
    const error = await raw.GET('/events/{event_id}', init as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(message)
    expect(seen).toHaveLength(0)
  })

  test('a network failure throws a NetworkError; an abort rejects with the reason', async () => {
    const { raw } = setup(new TypeError('fetch failed'))
    await expect(raw.GET('/a')).rejects.toBeInstanceOf(NetworkError)
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    const ok = setup(json({}))
    await expect(ok.raw.GET('/a', { signal: controller.signal })).rejects.toThrow('stop')
  })
})
