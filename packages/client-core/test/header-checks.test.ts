import { describe, expect, test } from 'vitest'
import { assertHeaders, assertRequestOptions } from '@fpapi/client-core'

const SECRET = 'Bearer sk_hunter2'

test.each([
  { given: { 'X-Ok': 'v', 'x-num': 5 as unknown as string }, want: undefined },
  { given: null, want: /headers must be an object \(got null\)/ },
  { given: { 'bad header': 'v' }, want: /headers has an invalid header name "bad header"/ },
  { given: { 'X-Bad:': 'v' }, want: /headers has an invalid header name/ },
  { given: { '': 'v' }, want: /headers has an invalid header name/ },
  {
    given: { Authorization: `${SECRET}\r\nX-Injected: 1` },
    want: /headers\.Authorization must be/,
  },
  { given: { Authorization: `${SECRET}\n` }, want: /headers\.Authorization must be/ },
  { given: { 'X-A': 'a\0b' }, want: /headers\.X-A must be/ },
  { given: { 'X-A': 'ключ' }, want: /headers\.X-A must be/ },
  { given: { 'X-A': { nested: true } }, want: /headers\.X-A must be/ },
])('assertHeaders($given)', ({ given, want }) => {
  const check = () => assertHeaders(given, 'headers')
  if (want === undefined) return expect(check).not.toThrow()
  let thrown: unknown
  try {
    check()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(TypeError)
  expect((thrown as Error).message).toMatch(want)
  expect((thrown as Error).message).not.toContain('hunter2')
})

test('per-call headers are checked by assertRequestOptions', () => {
  expect(() => assertRequestOptions({ headers: { 'X-A': 'a\r\nb' } })).toThrow(
    /requestOptions\.headers\.X-A must be/,
  )
})

describe('header containers whose entries would be dropped', () => {
  test.each([
    ['a Headers instance', () => new Headers({ 'X-Team': 'fraud' })],
    ['a Map', () => new Map([['X-Team', 'fraud']])],
  ])('%s: TypeError naming the argument, with the fix', (_, make) => {
    expect(() => assertHeaders(make(), 'defaultHeaders')).toThrow(
      /^defaultHeaders must be a plain object of header names and values \(for a Headers instance or a Map, pass Object.fromEntries\(headers\)\)$/,
    )
  })

  test('Object.fromEntries of a Headers instance passes', () => {
    expect(() =>
      assertHeaders(Object.fromEntries(new Headers({ 'X-Team': 'fraud' })), 'defaultHeaders'),
    ).not.toThrow()
  })
})
