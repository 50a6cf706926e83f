import { expect, test } from 'vitest'
import { MIN_SEARCHED_KEY_LENGTH, createAuth, createTransport } from '@fpapi/client-core'

const body = '{"error":{"code":"secret_api_key_not_found","message":"Secret API key not found."}}'
const extractError = (parsed: unknown) => {
  const e = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof e?.code === 'string' && typeof e.message === 'string'
    ? { code: e.code, message: e.message }
    : undefined
}

// Before: a test key such as `key`, `secret` or `e` was "redacted" inside the API's own error code
// and message (`secret_api_[REDACTED]_not_found`; with `e` the body no longer had the API's shape).
test.each(['key', 'secret', 'e', 'api-key'])(
  'a short test key %j leaves error codes, messages and status texts alone',
  async (key) => {
    const transport = createTransport({
      fetch: async () => new Response(body, { status: 403, statusText: 'Forbidden' }),
      auth: createAuth({ type: 'bearer' }, key),
      retries: false,
      errors: { extractError },
    })
    const error = await transport
      .fetchFor()('https://x.test/v4/events/e1', {})
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      errorCode: 'secret_api_key_not_found',
      message: 'Secret API key not found.',
      rawBody: body,
    })
  },
)

test('keys of the minimum length and longer are still redacted', () => {
  const key = 'k'.repeat(MIN_SEARCHED_KEY_LENGTH)
  const auth = createAuth({ type: 'bearer' }, key)
  expect(auth.redactText(`echo ${key}`)).toBe('echo [REDACTED]')
  expect(createAuth({ type: 'bearer' }, key.slice(1)).redactText(`echo ${key}`)).toBe(`echo ${key}`)
})
