import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import { createErrorFromResponse, parseErrorBody, RequestError } from '@fpapi/client-core'

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const extractError = () => undefined

// A 200 000-deep body used to become responseBody as parsed: JSON.stringify(error), as any
// JSON logger calls it, then threw "RangeError: Maximum call stack size exceeded".
test.each([
  { kind: 'arrays', text: `{"error":${nested(200_000)}}` },
  {
    kind: 'objects',
    text: `{"a":"\\n","error":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
  },
])(
  'an error body of deeply nested $kind: RequestError with the text as body, printable',
  async ({ text }) => {
    const response = new Response(text, { status: 400, statusText: 'Bad Request' })
    const error = await createErrorFromResponse(response, {
      extractError,
      redactText: (t) => t.split('sk_live_not_in_there_0123').join('[REDACTED]'),
    })
    expect(error).toBeInstanceOf(RequestError)
    expect(error.statusCode).toBe(400)
    expect(error.rawBody).toBe(text)
    expect(error.responseBody).toBe(text)
    expect(() => JSON.stringify(error)).not.toThrow()
    expect(() => inspect(error, { depth: Infinity })).not.toThrow()
  },
)

test('error bodies nested up to 64 levels are parsed; deeper ones stay text', () => {
  expect(parseErrorBody(nested(64))).toEqual(JSON.parse(nested(64)))
  expect(parseErrorBody(nested(65))).toBe(nested(65))
  expect(parseErrorBody('{"error":{"code":"failed","message":"m"}}')).toEqual({
    error: { code: 'failed', message: 'm' },
  })
  expect(parseErrorBody('"text"')).toBe('text')
})
