import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import { NetworkError, createAuth, createTransport, type FetchLike } from '@fpapi/client-core'

// A key with characters that percent-encoding changes, so both spellings are exercised.
const KEY = 'key/with+chars=hunter2'

const extractError = (body: unknown) => {
  const e = (body as { error?: { code?: string; message?: string } })?.error
  return e?.code && e.message ? { code: e.code, message: e.message } : undefined
}

/** Everything a log line or a crash report could show of an error. */
function everything(error: unknown): string {
  const e = error as Error & Record<string, unknown>
  return [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 8, showHidden: true })].join(
    '\n',
  )
}

test.each([
  { style: { type: 'query', name: 'api_key' } as const },
  { style: { type: 'header', name: 'Auth-API-Key' } as const },
  { style: { type: 'bearer' } as const },
])('$style.type auth: a fetch error quoting the URL loses the key', async ({ style }) => {
  // node-fetch words its errors like this, with the full URL (query key included).
  const fetch: FetchLike = async (input) => {
    const url = typeof input === 'string' ? input : input.url
    const error = Object.assign(new Error(`request to ${url} failed, reason: ECONNREFUSED`), {
      code: 'ECONNREFUSED',
    })
    throw new Error(`outer ${decodeURIComponent(url)}`, { cause: error })
  }
  const transport = createTransport({
    fetch,
    auth: createAuth(style, KEY),
    retries: false,
    errors: { extractError },
  })
  const error = await transport
    .fetchFor()(`https://x.test/v1/things?echo=${encodeURIComponent(KEY)}`, { method: 'GET' })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
  expect((error as Error).message).toContain('ECONNREFUSED')
  expect(everything(error)).not.toContain('hunter2')
  const inner = ((error as Error).cause as Error).cause as Error & { code?: string }
  expect(inner.code).toBe('ECONNREFUSED')
})

test.each([
  { name: 'API error message', body: `{"error":{"code":"bad","message":"key ${KEY} is wrong"}}` },
  { name: 'HTML page echoing the URL', body: `<h1>/v1/x?api_key=${encodeURIComponent(KEY)}</h1>` },
  { name: 'JSON of another shape', body: JSON.stringify({ detail: { key: KEY } }) },
])('an error body that echoes the key ($name) is redacted', async ({ body }) => {
  const transport = createTransport({
    fetch: async () => new Response(body, { status: 403 }),
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError },
  })
  const error = await transport
    .fetchFor()('https://x.test/v1/x', { method: 'GET' })
    .catch((e: unknown) => e)
  expect((error as { statusCode?: number }).statusCode).toBe(403)
  expect((error as { rawBody?: string }).rawBody).toContain('[REDACTED]')
  expect(everything(error)).not.toContain('hunter2')
})

// An http -> https redirect repeats the request URL, query key included, in Location.
test('response headers that echo the key (Location of a redirect) are redacted', async () => {
  const location = `https://x.test/v1/x?api_key=${encodeURIComponent(KEY)}`
  const transport = createTransport({
    fetch: async () =>
      new Response(null, {
        status: 301,
        headers: { location, 'x-request-id': `req-${KEY}`, 'x-plain': 'kept' },
      }),
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError },
  })
  const error = await transport
    .fetchFor()('http://x.test/v1/x', { method: 'GET', redirect: 'manual' })
    .catch((e: unknown) => e)
  const headers = (error as { headers: Record<string, string> }).headers
  expect(headers.location).toBe('https://x.test/v1/x?api_key=[REDACTED]')
  expect(headers['x-plain']).toBe('kept')
  // `error.response` (non-enumerable, shown only by showHidden) keeps the raw headers on purpose.
  const e = error as Error
  const visible = [e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 8 })].join('\n')
  expect(visible).not.toContain('hunter2')
})

// Node's URL errors keep the URL in an `input` property of the cause, which util.inspect prints.
test('string properties of a cause (Node URL error `input`) are redacted too', async () => {
  const fetch: FetchLike = async (input) => {
    const url = typeof input === 'string' ? input : input.url
    const cause = Object.assign(new TypeError('Invalid URL'), {
      code: 'ERR_INVALID_URL',
      input: url,
    })
    throw new TypeError(`Failed to parse URL from ${url}`, { cause })
  }
  const transport = createTransport({
    fetch,
    auth: createAuth({ type: 'query', name: 'api_key' }, KEY),
    retries: false,
    errors: { extractError },
  })
  const error = await transport
    .fetchFor()('http://[::1/v1/x', { method: 'GET' })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
  const inner = ((error as Error).cause as Error).cause as Error & { code?: string; input?: string }
  expect(inner.code).toBe('ERR_INVALID_URL')
  expect(inner.input).toContain('api_key=[REDACTED]')
  expect(everything(error)).not.toContain('hunter2')
})
