import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import { RequestError, createAuth, createTransport } from '@fpapi/client-core'

const KEY = 'sk_reason+phrase/=42'
const ENCODED = encodeURIComponent(KEY)

const extractError = (body: unknown) => {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof e?.code === 'string' && typeof e.message === 'string'
    ? { code: e.code, message: e.message }
    : undefined
}

/** What a log line could show of an error (the raw `response` stays non-enumerable). */
function shown(error: unknown): string {
  return [(error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n')
}

async function errorFor(response: Response): Promise<unknown> {
  const transport = createTransport({
    fetch: async () => response,
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError },
  })
  return transport
    .fetchFor()('https://x.test/v1/a', {})
    .catch((e: unknown) => e)
}

// Before: the status text went into `message` and `errorCode` as is.
test.each([
  { name: 'as is', statusText: `Bad key ${KEY}` },
  { name: 'percent-encoded', statusText: `Bad GET /v1/a?api_key=${ENCODED}` },
])('a status text that echoes the key ($name) is redacted', async ({ statusText }) => {
  const error = await errorFor(new Response('<html>no</html>', { status: 403, statusText }))
  expect(error).toBeInstanceOf(RequestError)
  expect((error as RequestError).errorCode).toContain('[REDACTED]')
  expect((error as RequestError).message).toContain('[REDACTED]')
  expect(shown(error)).not.toContain(KEY)
  expect(shown(error)).not.toContain(ENCODED)
})

// Before: the raw text was redacted, but JSON escapes hid the key from it and JSON.parse spelled it again.
test.each([
  {
    name: 'unicode escapes',
    spell: (s: string) =>
      [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  },
  { name: 'escaped slashes', spell: (s: string) => s.replace(/\//g, '\\/') },
])('an error body that spells the key with $name is redacted', async ({ spell }) => {
  const text = `{"error":{"code":"bad_key","message":"key ${spell(KEY)} is wrong"},"echo":{"${spell(KEY)}":["${spell(KEY)}"]}}`
  expect(text).not.toContain(KEY)
  const error = (await errorFor(new Response(text, { status: 400 }))) as RequestError
  expect(error.message).toBe('key [REDACTED] is wrong')
  expect(error.responseBody).toEqual({
    error: { code: 'bad_key', message: 'key [REDACTED] is wrong' },
    echo: { '[REDACTED]': ['[REDACTED]'] },
  })
  expect(shown(error)).not.toContain(KEY)
})

test('a deeply nested escaped error body is redacted without overflowing the stack', async () => {
  const depth = 100_000
  const text = `${'['.repeat(depth)}"\\u0073"${']'.repeat(depth)}`
  const error = (await errorFor(new Response(text, { status: 400 }))) as RequestError
  expect(error).toBeInstanceOf(RequestError)
  expect(error.statusCode).toBe(400)
})
