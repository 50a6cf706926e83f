import { expect, test } from 'vitest'
import { SdkError, discardBody, readJsonBody } from '@fpapi/client-core'

test.each([
  {
    name: 'JSON',
    body: '{"a":1,"unknown_field":{"x":[1]}}',
    type: 'application/json',
    want: { a: 1, unknown_field: { x: [1] } },
  },
  { name: 'JSON with another content type', body: '[1]', type: 'text/plain', want: [1] },
])('readJsonBody parses $name', async ({ body, type, want }) => {
  expect(await readJsonBody(new Response(body, { headers: { 'content-type': type } }))).toEqual(
    want,
  )
})

test.each([
  { name: 'empty', body: '', want: /body is empty/ },
  {
    name: 'HTML',
    body: '<html>',
    want: /Failed to parse JSON response \(content-type: text\/html\)/,
  },
  { name: 'truncated', body: '{"a":', want: /Failed to parse JSON response/ },
])('readJsonBody rejects $name with an SdkError', async ({ body, want }) => {
  const error = await readJsonBody(
    new Response(body, { headers: { 'content-type': 'text/html' } }),
  ).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toMatch(want)
  expect(Object.keys(error as object)).not.toContain('response')
})

test('discardBody tolerates bodies that are not web streams', () => {
  const nodeStyle = { body: { pipe() {} }, status: 204 } as unknown as Response
  expect(() => discardBody(nodeStyle)).not.toThrow()
  expect(() => discardBody({ body: null } as unknown as Response)).not.toThrow()
  const rejecting = {
    body: { cancel: () => Promise.reject(new Error('x')) },
  } as unknown as Response
  expect(() => discardBody(rejecting)).not.toThrow()
})
