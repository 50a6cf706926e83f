import { expect, test } from 'vitest'
import { resolveBaseUrl } from '@fpapi/client-core'

const servers = { Global: 'https://api.example.test/v9' } as const

// fetch refuses a URL with credentials in a message that quotes the URL, password included.
test.each([
  { given: 'http://user:hunter2-pw@127.0.0.1:9/v9' },
  { given: 'https://:hunter2-pw@proxy.test' },
  { given: 'https://hunter2-pw@proxy.test/v9/' },
])('baseUrl $given with credentials: TypeError that never quotes them', ({ given }) => {
  let thrown: unknown
  try {
    resolveBaseUrl({ servers, defaultRegion: 'Global', baseUrl: given })
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(TypeError)
  expect((thrown as Error).message).toMatch(/baseUrl must not contain credentials/)
  expect(String((thrown as Error).stack)).not.toContain('hunter2')
})

test('an @ in the path of baseUrl is not taken for credentials', () => {
  expect(
    resolveBaseUrl({ servers, defaultRegion: 'Global', baseUrl: 'https://proxy.test/@team/v9' }),
  ).toBe('https://proxy.test/@team/v9')
})

// These used to pass construction and fail every request with fetch's "Failed to parse URL from
// <url>?api_key=<key>" (query-key mode).
test.each(['http://[::1', 'http://127.0.0.1:99999/v4', 'http://exa mple.test/v4'])(
  'baseUrl %j that no URL parser accepts: TypeError at once',
  (baseUrl) => {
    expect(() => resolveBaseUrl({ servers, defaultRegion: 'Global', baseUrl })).toThrow(
      /baseUrl must be an absolute http:\/\/ or https:\/\/ URL/,
    )
  },
)
