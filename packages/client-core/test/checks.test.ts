import { describe, expect, test } from 'vitest'
import {
  assertId,
  assertNonNegativeInteger,
  assertOptionalBoolean,
  assertOptionalNumber,
  assertOptionalString,
  assertStringArray,
  assertNonNegativeNumber,
  assertObject,
  assertPositiveInteger,
  assertRegion,
  assertSecret,
} from '@fpapi/client-core'

describe('assertId', () => {
  test.each(['abc', ' a ', '../visitors/x', 'a/b', '%2e%2e', '...'])('accepts %j', (given) => {
    expect(() => assertId(given, 'eventId')).not.toThrow()
  })
  test.each([
    { given: '', want: 'eventId must be a non-empty string (got an empty string)' },
    { given: '   ', want: 'eventId must be a non-empty string (got a whitespace-only string)' },
    { given: '\t\n', want: 'eventId must be a non-empty string (got a whitespace-only string)' },
    { given: null, want: 'eventId must be a non-empty string (got null)' },
    { given: undefined, want: 'eventId must be a non-empty string (got undefined)' },
    { given: 42, want: 'eventId must be a non-empty string (got number 42)' },
    { given: ['a'], want: 'eventId must be a non-empty string (got an array)' },
    { given: { id: 'a' }, want: 'eventId must be a non-empty string (got an object)' },
    { given: '.', want: "eventId must not be '.' or '..'" },
    { given: '..', want: "eventId must not be '.' or '..'" },
  ])('rejects $given', ({ given, want }) => {
    expect(() => assertId(given, 'eventId')).toThrow(new TypeError(want))
  })
})

describe('assertSecret never echoes the value', () => {
  test.each([
    { given: '', want: 'apiKey must be a non-empty string (got an empty string)' },
    { given: '  ', want: 'apiKey must be a non-empty string (got a blank string)' },
    { given: null, want: 'apiKey must be a non-empty string (got null)' },
    { given: 12345, want: 'apiKey must be a non-empty string (got number)' },
  ])('rejects $given', ({ given, want }) => {
    expect(() => assertSecret(given, 'apiKey')).toThrow(new TypeError(want))
  })
  test('accepts a key', () => expect(() => assertSecret('k', 'apiKey')).not.toThrow())
})

describe('numbers, regions, objects', () => {
  test.each([0, -1, 1.5, NaN, Infinity, '3', null, 2 ** 60])(
    'assertPositiveInteger rejects %j',
    (given) => {
      expect(() => assertPositiveInteger(given, 'limit')).toThrow(
        /^limit must be a positive integer/,
      )
    },
  )
  test.each([1, 100, Number.MAX_SAFE_INTEGER])('assertPositiveInteger accepts %j', (given) => {
    expect(() => assertPositiveInteger(given, 'limit')).not.toThrow()
  })
  test.each([-1, NaN, Infinity, '1'])('assertNonNegativeNumber rejects %j', (given) => {
    expect(() => assertNonNegativeNumber(given, 'timeoutMs')).toThrow(TypeError)
  })
  test('assertRegion', () => {
    expect(() => assertRegion('EU', 'region', ['Global', 'EU'])).not.toThrow()
    expect(() => assertRegion('eu', 'region', ['Global', 'EU'])).toThrow(
      new TypeError(`region must be one of 'Global', 'EU' (got "eu")`),
    )
  })
  test.each([null, [], 'x', 1])('assertObject rejects %j', (given) => {
    expect(() => assertObject(given, 'body')).toThrow(/^body must be an object/)
  })
})

describe('optional field checks', () => {
  test.each([
    { fn: assertOptionalString, ok: [undefined, '', 'x'], bad: [null, 1, true, []] },
    { fn: assertOptionalBoolean, ok: [undefined, true, false], bad: [null, 'true', 0] },
    { fn: assertOptionalNumber, ok: [undefined, 0, -1.5], bad: [null, NaN, Infinity, '1'] },
    { fn: assertNonNegativeInteger, ok: [0, 1, 500], bad: [undefined, -1, 1.5, '1'] },
    { fn: assertStringArray, ok: [undefined, [], ['a', 'b']], bad: [null, 'a', [1], ['a', null]] },
  ])('$fn.name', ({ fn, ok, bad }) => {
    for (const v of ok) expect(() => fn(v, 'filter.x')).not.toThrow()
    for (const v of bad) expect(() => fn(v, 'filter.x')).toThrow(/^filter\.x(\[\d+\])? must be/)
  })
})

test('assertId rejects lone surrogates but accepts pairs', () => {
  expect(() => assertId('a\ud800b', 'eventId')).toThrow(
    new TypeError('eventId must be a well-formed Unicode string'),
  )
  expect(() => assertId('\udc00', 'eventId')).toThrow(TypeError)
  expect(() => assertId('emoji-😀', 'eventId')).not.toThrow()
})
