import { expect, test } from 'vitest'
import { checkedPathSerializer } from '@fpapi/client-core'

test.each([
  { given: { event_id: 'a/b' }, want: '/events/a%2Fb' },
  { given: { event_id: '../visitors/x' }, want: '/events/..%2Fvisitors%2Fx' },
  { given: { event_id: 'a?b=c#d' }, want: '/events/a%3Fb%3Dc%23d' },
  { given: { event_id: '%2e%2e' }, want: '/events/%252e%252e' },
  { given: { event_id: '...' }, want: '/events/...' },
])('fills $given as one encoded segment', ({ given, want }) => {
  expect(checkedPathSerializer('/events/{event_id}', given)).toBe(want)
})

// openapi-fetch's own serializer let `..` through (the URL parser then requested `/`) and left a
// missing parameter as the literal `{event_id}`.
test.each([
  { given: { event_id: '..' }, want: /path parameter event_id must not be '\.' or '\.\.'/ },
  { given: { event_id: '.' }, want: /path parameter event_id must not be '\.' or '\.\.'/ },
  { given: {}, want: /path parameter event_id must be a non-empty string \(got undefined\)/ },
  { given: undefined, want: /path parameter event_id must be a non-empty string/ },
  { given: { event_id: ' ' }, want: /path parameter event_id must be a non-empty string/ },
  { given: { event_id: 42 }, want: /path parameter event_id must be a non-empty string/ },
  { given: { event_id: '\ud800' }, want: /path parameter event_id must be a well-formed/ },
])('rejects $given', ({ given, want }) => {
  expect(() => checkedPathSerializer('/events/{event_id}', given)).toThrow(
    expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(want) }),
  )
})
