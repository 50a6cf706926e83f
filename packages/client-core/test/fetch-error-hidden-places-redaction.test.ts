import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import { NetworkError, createAuth, createTransport } from '@fpapi/client-core'

// A key with characters that percent-encoding changes, so both spellings are exercised.
const KEY = 'sk_hidden+place/%2F=xyz'
const ENCODED = encodeURIComponent(KEY)

/** Everything a log line or a crash report could show of an error, hidden properties included. */
function everything(error: unknown): string {
  let json: string
  try {
    json = JSON.stringify(error)
  } catch (e) {
    json = String((e as Error).message)
  }
  return [json, inspect(error, { depth: 12, showHidden: true })].join('\n')
}

type Thrower = (url: string, headers: Record<string, string>) => unknown
const quote = (url: string, headers: Record<string, string>) => `${url} ${JSON.stringify(headers)}`

// Before: only the message, stack, enumerable string properties and Error causes were cleaned.
const throwers: Record<string, Thrower> = {
  'a non-enumerable property': (url, headers) => {
    const error = new Error('failed')
    Object.defineProperty(error, 'request', { value: { url, headers }, enumerable: false })
    return error
  },
  'an AggregateError': (url, headers) =>
    new AggregateError([new Error(`to ${url}`), new Error(JSON.stringify(headers))], 'all failed'),
  'a plain-object cause': (url, headers) => new Error('failed', { cause: { url, headers } }),
  'a plain object': (url, headers) => ({ url, headers }),
  'a Headers property': (_url, headers) =>
    Object.assign(new Error('failed'), { headers: new Headers(headers) }),
  'the error name': (url, headers) =>
    Object.assign(new Error('failed'), { name: quote(url, headers) }),
  'a symbol property': (url, headers) =>
    Object.assign(new Error('failed'), { [Symbol('request')]: quote(url, headers) }),
  'an array of errors': (url, headers) =>
    Object.assign(new Error('failed'), { errors: [new Error(quote(url, headers))] }),
  'a getter that throws the URL': (url) => {
    const error = new Error('failed')
    Object.defineProperty(error, 'detail', {
      enumerable: true,
      get() {
        throw new Error(`cannot read ${url}`)
      },
    })
    return error
  },
  'a circular cause chain': (url, headers) => {
    const outer = new Error('outer') as Error & { cause?: unknown }
    const inner = new Error(quote(url, headers), { cause: outer })
    outer.cause = inner
    return outer
  },
}

test.each(
  Object.keys(throwers).flatMap((thrown) =>
    (['query', 'header', 'bearer'] as const).map((type) => ({ thrown, type })),
  ),
)('$type auth: a fetch error holding the key in $thrown loses it', async ({ thrown, type }) => {
  const style =
    type === 'bearer'
      ? ({ type } as const)
      : type === 'header'
        ? ({ type, name: 'Auth-API-Key' } as const)
        : ({ type, name: 'api_key' } as const)
  const transport = createTransport({
    fetch: async (input: string | Request, init?: RequestInit) => {
      throw throwers[thrown]!(String(input), (init?.headers ?? {}) as Record<string, string>)
    },
    auth: createAuth(style, KEY),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const error = await transport
    .fetchFor()('https://x.test/v1/things', {
      method: 'GET',
      headers: type === 'query' ? {} : (createAuth(style, KEY).headers() as Record<string, string>),
    })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
  const shown = everything(error)
  expect(shown).not.toContain(KEY)
  expect(shown).not.toContain(ENCODED)
})

test('a fetch error without the key is kept as is, and a cleaned copy keeps code and errors', async () => {
  const clean = Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' })
  const withKey = new AggregateError([clean, new Error(`GET /?api_key=${ENCODED}`)], 'both failed')
  const results: unknown[] = []
  for (const thrown of [clean, withKey]) {
    const transport = createTransport({
      fetch: async () => {
        throw thrown
      },
      auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
      retries: false,
      errors: { extractError: () => undefined },
    })
    results.push(
      await transport
        .fetchFor()('https://x.test/v1/a', {})
        .catch((e: unknown) => (e as Error).cause),
    )
  }
  expect(results[0]).toBe(clean)
  const copy = results[1] as AggregateError
  expect(copy).not.toBe(withKey)
  expect(copy.name).toBe('AggregateError')
  expect(copy.errors).toHaveLength(2)
  expect((copy.errors[0] as { code?: string }).code).toBe('ECONNREFUSED')
  expect((copy.errors[1] as Error).message).toBe('GET /?api_key=[REDACTED]')
})

test('a fetch error whose message getter throws still gives a NetworkError', async () => {
  const transport = createTransport({
    fetch: async () => {
      const error = new Error('x')
      Object.defineProperty(error, 'message', {
        get() {
          throw new Error('no message for you')
        },
      })
      throw error
    },
    auth: createAuth({ type: 'bearer' }, KEY),
    retries: false,
    errors: { extractError: () => undefined },
  })
  const error = await transport
    .fetchFor()('https://x.test/v1/a', {})
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
})
