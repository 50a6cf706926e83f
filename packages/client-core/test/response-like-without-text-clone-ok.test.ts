import { expect, test } from 'vitest'
import {
  ServerApiError,
  SdkError,
  createAuth,
  createTransport,
  readJsonBody,
  readJsonObject,
} from '@fpapi/client-core'

const extractError = (body: unknown) => {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof e?.code === 'string' && typeof e.message === 'string'
    ? { code: e.code, message: e.message }
    : undefined
}

const transportReturning = (value: unknown) =>
  createTransport({
    fetch: async () => value as Response,
    auth: createAuth({ type: 'bearer' }, 'key'),
    retries: false,
    errors: { extractError },
  })

// Test doubles written for the official SDKs return objects with json() only; ours called text().
test('a Response-like 2xx with json() but no text() is read through json()', async () => {
  const response = {
    ok: true,
    status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => ({ event_id: 'e1' }),
  }
  const got = await transportReturning(response).fetchFor()('https://x.test/v1/a', {})
  expect(await readJsonBody(got)).toEqual({ event_id: 'e1' })
  const broken = { ...response, json: async () => JSON.parse('<html>') as unknown }
  const error = await readJsonBody(broken as unknown as Response).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
})

// Before: a Response-like object without `ok` was treated as an error, even for a 200.
test('a Response-like object without ok is judged by its status', async () => {
  const response = { status: 200, headers: new Headers(), text: async () => '{"a":1}' }
  const got = await transportReturning(response).fetchFor()('https://x.test/v1/a', {})
  expect(await readJsonBody(got)).toEqual({ a: 1 })
})

// Before: without clone() the error body was never read (an unknown RequestError), and headers
// offering get() only crashed the error factory.
test('a Response-like error without clone() or headers.forEach still gives the API error', async () => {
  const response = {
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: { get: () => null },
    text: async () => '{"error":{"code":"event_not_found","message":"no such event"}}',
  }
  const error = await transportReturning(response)
    .fetchFor()('https://x.test/v1/a', {})
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ServerApiError)
  expect(error).toMatchObject({ statusCode: 404, errorCode: 'event_not_found', headers: {} })
})

// Before: a 200 with `null`, an array or a scalar resolved as if it were the promised object.
test.each([
  { body: 'null', got: 'null' },
  { body: '[]', got: 'an array' },
  { body: '"text"', got: 'a string' },
  { body: '42', got: 'a number' },
])('readJsonObject rejects a 2xx body of $got', async ({ body, got }) => {
  const error = await readJsonObject(new Response(body)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toBe(`Expected a JSON object in the response body, got ${got}`)
  expect((error as SdkError).response).toBeInstanceOf(Response)
  expect(await readJsonObject(new Response('{"a":1}'))).toEqual({ a: 1 })
})
