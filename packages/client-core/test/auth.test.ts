/// <reference types="node" />
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { createAuth, redactHeaders, redactUrl } from '@fpapi/client-core'

const KEY = 'sk_live_secret_123'

describe('createAuth', () => {
  test.each([
    { style: { type: 'bearer' } as const, headers: { Authorization: `Bearer ${KEY}` }, query: {} },
    {
      style: { type: 'header', name: 'Auth-API-Key' } as const,
      headers: { 'Auth-API-Key': KEY },
      query: {},
    },
    { style: { type: 'query', name: 'api_key' } as const, headers: {}, query: { api_key: KEY } },
  ])('$style.type', ({ style, headers, query }) => {
    const auth = createAuth(style, KEY)
    expect(auth.headers()).toEqual(headers)
    expect(auth.query()).toEqual(query)
    expect(JSON.stringify(auth)).not.toContain(KEY)
    expect(inspect(auth, { depth: 10, showHidden: true })).not.toContain(KEY)
  })

  test('rejects an empty key without echoing it', () => {
    expect(() => createAuth({ type: 'bearer' }, '')).toThrow(
      new TypeError('apiKey must be a non-empty string (got an empty string)'),
    )
  })
})

describe('redaction', () => {
  test.each([
    {
      given: 'https://x.test/v3/events?api_key=abc',
      want: 'https://x.test/v3/events?api_key=[REDACTED]',
    },
    {
      given: 'https://x.test/a?x=1&api_key=abc&y=2#f',
      want: 'https://x.test/a?x=1&api_key=[REDACTED]&y=2#f',
    },
    { given: 'https://x.test/a?api%5Fkey=abc', want: 'https://x.test/a?api%5Fkey=[REDACTED]' },
    { given: 'https://x.test/a', want: 'https://x.test/a' },
    { given: 'https://x.test/a?other=api_key', want: 'https://x.test/a?other=api_key' },
  ])('redactUrl($given)', ({ given, want }) => {
    expect(redactUrl(given, ['api_key'])).toBe(want)
  })

  test('redactHeaders', () => {
    const headers = new Headers({
      Authorization: 'Bearer x',
      'Auth-API-Key': 'y',
      'X-Custom': 'z',
      Accept: 'a',
    })
    expect(redactHeaders(headers, ['x-custom'])).toEqual({
      authorization: '[REDACTED]',
      'auth-api-key': '[REDACTED]',
      'x-custom': '[REDACTED]',
      accept: 'a',
    })
  })
})

describe('keys that cannot be header values', () => {
  test.each(['sec\nret', 'sec\u0000ret', 'sp ace', 'clé', 'tab\tkey'])(
    '%j is refused without being echoed',
    (key) => {
      let error: unknown
      try {
        createAuth({ type: 'bearer' }, key)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(TypeError)
      expect((error as Error).message).toBe(
        'apiKey must contain only visible ASCII characters (no spaces or control characters)',
      )
    },
  )
})

test('spaces and line breaks around the key are dropped, as fetch drops them around header values', () => {
  for (const raw of ['key-from-file-0001\n', ' key-from-file-0001', '\tkey-from-file-0001\r\n']) {
    expect(createAuth({ type: 'bearer' }, raw).headers()).toEqual({
      Authorization: 'Bearer key-from-file-0001',
    })
    expect(createAuth({ type: 'query', name: 'api_key' }, raw).query()).toEqual({
      api_key: 'key-from-file-0001',
    })
  }
  // only whitespace: still an empty key
  expect(() => createAuth({ type: 'bearer' }, ' \n')).toThrow(TypeError)
})
