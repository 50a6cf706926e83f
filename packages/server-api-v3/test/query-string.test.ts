import { describe, expect, test } from 'vitest'
import { serializeQuery } from '../src/query-string'

describe('serializeQuery', () => {
  const cases: { name: string; given: Record<string, unknown> | undefined; want: string }[] = [
    { name: 'undefined filter', given: undefined, want: '' },
    { name: 'empty filter', given: {}, want: '' },
    {
      name: 'number and string',
      given: { limit: 10, visitor_id: 'v1' },
      want: 'limit=10&visitor_id=v1',
    },
    {
      name: 'booleans as words',
      given: { suspect: true, vpn: false },
      want: 'suspect=true&vpn=false',
    },
    { name: 'skips undefined and null', given: { a: undefined, b: null, c: 1 }, want: 'c=1' },
    {
      name: 'arrays as repeated keys (form, explode), not key[]',
      given: { environment: ['ae_1', 'ae_2'] },
      want: 'environment=ae_1&environment=ae_2',
    },
    { name: 'empty array left out', given: { environment: [], limit: 1 }, want: 'limit=1' },
    {
      name: 'null items left out',
      given: { environment: ['a', null, undefined, 'b'] },
      want: 'environment=a&environment=b',
    },
    {
      name: 'percent-encodes reserved characters',
      given: { linked_id: 'a&b=c d/é', ip_address: '10.0.0.0/24' },
      want: 'linked_id=a%26b%3Dc%20d%2F%C3%A9&ip_address=10.0.0.0%2F24',
    },
    { name: 'zero is kept', given: { before: 0 }, want: 'before=0' },
  ]
  test.each(cases)('$name', ({ given, want }) => {
    expect(serializeQuery(given)).toBe(want)
  })

  test('inherited properties are ignored', () => {
    const filter = Object.create({ inherited: 'x' }) as Record<string, unknown>
    filter.own = 'y'
    expect(serializeQuery(filter)).toBe('own=y')
  })

  test.each([{ nested: { a: 1 } }, { fn: () => 1 }, { list: [{ a: 1 }] }, { bad: '\uD800' }])(
    'rejects a value that is not a scalar: %o',
    (given) => {
      expect(() => serializeQuery(given)).toThrow(TypeError)
      expect(() => serializeQuery(given)).toThrow(/^filter\.\w+ must be/)
    },
  )
})
