import { expect, test } from 'vitest'
import { assertStringArray, assertOptionalString, serializeQuery } from '@fpapi/client-core'

// encodeURIComponent throws a bare URIError ("URI malformed") on a lone surrogate: the query
// serializer and the string checks must say which parameter is wrong instead.
test('serializeQuery names the parameter whose value or name is not well-formed Unicode', () => {
  expect(() => serializeQuery({ linked_id: 'order-\ud800' })).toThrow(
    new TypeError('query parameter linked_id must be a well-formed Unicode string'),
  )
  expect(() => serializeQuery({ environment: ['ok', '\udc00'] })).toThrow(
    /query parameter environment must be a well-formed Unicode string/,
  )
  expect(() => serializeQuery({ ['bad\ud800']: 'x' })).toThrow(TypeError)
  // Paired surrogates (emoji) are fine and percent-encoded as UTF-8.
  expect(serializeQuery({ url: 'a\ud83d\ude00' })).toBe('url=a%F0%9F%98%80')
})

test('the optional string checks reject lone surrogates too', () => {
  expect(() => assertOptionalString('\ud800', 'options.ruleset_id')).toThrow(
    new TypeError('options.ruleset_id must be a well-formed Unicode string'),
  )
  expect(() => assertStringArray(['a', 'b\udfff'], 'filter.environment')).toThrow(
    new TypeError('filter.environment[1] must be a well-formed Unicode string'),
  )
  expect(() => assertOptionalString('\ud83d\ude00', 'x')).not.toThrow()
})
