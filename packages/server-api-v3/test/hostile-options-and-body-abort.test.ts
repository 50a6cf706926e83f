import { describe, expect, test, vi } from 'vitest'
import { AuthenticationMode, FingerprintJsServerApiClient } from '@fpapi/server-api-v3'

const API_KEY = 'hunter2_secret_key'

function neverCalledFetch() {
  return vi.fn(async () => new Response('{}')) as unknown as typeof fetch & ReturnType<typeof vi.fn>
}

/** Fails the test when a message, the stack or the serialized error mentions a secret. */
function expectNoSecret(error: unknown) {
  const text = `${(error as Error).message}\n${(error as Error).stack}\n${JSON.stringify(error)}`
  expect(text).not.toContain('hunter2')
}

describe('headers fetch would refuse: TypeError before any request, value never quoted', () => {
  test.each<{ given: Record<string, string>; want: RegExp }>([
    { given: { 'bad header': 'v' }, want: /defaultHeaders has an invalid header name/ },
    { given: { 'X-Token': 'hunter2\r\nX-Injected: 1' }, want: /defaultHeaders\.X-Token must be/ },
    { given: { 'X-Token': 'hunter2-ключ' }, want: /defaultHeaders\.X-Token must be/ },
  ])('defaultHeaders $given', ({ given, want }) => {
    let thrown: unknown
    try {
      new FingerprintJsServerApiClient({
        apiKey: API_KEY,
        fetch: neverCalledFetch(),
        defaultHeaders: given,
      })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TypeError)
    expect((thrown as Error).message).toMatch(want)
    expectNoSecret(thrown)
  })

  test.each<{ given: Record<string, string>; want: RegExp }>([
    { given: { 'bad header': 'v' }, want: /requestOptions\.headers has an invalid header name/ },
    { given: { 'X-Token': 'hunter2\nX' }, want: /requestOptions\.headers\.X-Token must be/ },
  ])('requestOptions.headers $given', async ({ given, want }) => {
    const fetch = neverCalledFetch()
    const client = new FingerprintJsServerApiClient({ apiKey: API_KEY, fetch })
    const error = await client.getEvent('req', { headers: given }).catch((e) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toMatch(want)
    expectNoSecret(error)
    expect(fetch).not.toHaveBeenCalled()
  })
})

test('a baseUrl with credentials is refused at construction without quoting them', () => {
  let thrown: unknown
  try {
    new FingerprintJsServerApiClient({ apiKey: API_KEY, baseUrl: 'http://me:hunter2@127.0.0.1' })
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(TypeError)
  expect((thrown as Error).message).toMatch(/baseUrl must not contain credentials/)
  expectNoSecret(thrown)
})

test('aborting the signal while the event body is still arriving rejects with its reason', async () => {
  let cancelled = false
  const fetch = vi.fn(async () => {
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('{"products":')),
      cancel: () => {
        cancelled = true
      },
    })
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof globalThis.fetch
  const client = new FingerprintJsServerApiClient({
    apiKey: API_KEY,
    fetch,
    retries: false,
    authenticationMode: AuthenticationMode.QueryParameter,
  })
  const controller = new AbortController()
  const reason = new Error('user navigated away')
  const pending = client.getEvent('req', { signal: controller.signal })
  await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
  await new Promise((resolve) => setTimeout(resolve, 0))
  controller.abort(reason)
  await expect(pending).rejects.toBe(reason)
  expect(cancelled).toBe(true)
})
