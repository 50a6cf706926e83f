import { expect, test } from 'vitest'
import { resolveBaseUrl } from '@fpapi/client-core'

const servers = { Global: 'https://api.example.test/v9' } as const
const resolve = (baseUrl: string) => resolveBaseUrl({ servers, defaultRegion: 'Global', baseUrl })

// Such a URL used to be kept as written: `/v9 ` + `/events` was sent as `/v9%20/events`, and
// `/v9/..` + `/events` as `/events` (the URL parser resolves the segment), with no error.
test.each([
  ['http://127.0.0.1:9/v9\n', 'http://127.0.0.1:9/v9'],
  ['  http://127.0.0.1:9/v9/ ', 'http://127.0.0.1:9/v9'],
  ['\thttps://proxy.test\r\n', 'https://proxy.test'],
  ['https://proxy.test/v9/.well/..x/', 'https://proxy.test/v9/.well/..x'],
])('surrounding whitespace of baseUrl %j is dropped', (given, want) => {
  expect(resolve(given)).toBe(want)
})

test.each([
  'http://127.0.0.1:9/v 9',
  'http://127.0.0.1:9/v9\t/x',
  'http://127.0.0.1:9/v\n9',
  'http://127.0.0.1:9\\evil/v9',
  'http://127.0.0.1:9/v9\\x',
  'http://127.0.0.1:9/v9\u0000',
])('baseUrl %j with whitespace, a control character or a backslash inside: TypeError', (given) => {
  expect(() => resolve(given)).toThrow(
    new TypeError('baseUrl must not contain spaces, control characters or backslashes'),
  )
})

test.each([
  'http://127.0.0.1:9/v9/..',
  'http://127.0.0.1:9/v9/../',
  'http://127.0.0.1:9/./v9',
  'http://127.0.0.1:9/v9/%2e%2E',
  'http://127.0.0.1:9/v9/.%2e/x',
  'http://127.0.0.1:9/v9/%2E',
])('baseUrl %j with a dot segment: TypeError', (given) => {
  expect(() => resolve(given)).toThrow(
    new TypeError("baseUrl must not contain '.' or '..' path segments"),
  )
})

test('a baseUrl that is not a string is still refused as not a URL', () => {
  expect(() => resolve(42 as never)).toThrow(/baseUrl must be an absolute http/)
  expect(() => resolve('   ')).toThrow(/baseUrl must be an absolute http/)
})
