import { describe, expect, test } from 'vitest'
import { buildPath, serializeQuery } from '@fpapi/client-core'

describe('buildPath', () => {
  test.each([
    { given: 'abc', want: '/visitors/abc' },
    { given: '../visitors/x', want: '/visitors/..%2Fvisitors%2Fx' },
    { given: 'a/b', want: '/visitors/a%2Fb' },
    { given: 'a?b=c', want: '/visitors/a%3Fb%3Dc' },
    { given: '%2e%2e', want: '/visitors/%252e%252e' },
    { given: 'a#b', want: '/visitors/a%23b' },
    { given: 'é ', want: '/visitors/%C3%A9%20' },
  ])('$given -> $want', ({ given, want }) => {
    expect(buildPath('/visitors/{visitor_id}', { visitor_id: given })).toBe(want)
  })
  test('missing parameter', () => {
    expect(() => buildPath('/events/{event_id}', {})).toThrow(TypeError)
  })
})

describe('serializeQuery', () => {
  test.each([
    { given: undefined, want: '' },
    { given: {}, want: '' },
    { given: { a: undefined, b: null }, want: '' },
    { given: { environment: ['a', 'b'] }, want: 'environment=a&environment=b' },
    { given: { environment: [] }, want: '' },
    { given: { environment: ['a', null, undefined, 'b'] }, want: 'environment=a&environment=b' },
    {
      given: { limit: 10, reverse: true, suspect: false },
      want: 'limit=10&reverse=true&suspect=false',
    },
    { given: { q: 'a b&c=d' }, want: 'q=a%20b%26c%3Dd' },
    { given: { start: 0 }, want: 'start=0' },
  ])('$given -> $want', ({ given, want }) => {
    expect(serializeQuery(given)).toBe(want)
  })
  test('nested objects are refused', () => {
    expect(() => serializeQuery({ a: { b: 1 } })).toThrow(/query parameter a/)
  })
})
