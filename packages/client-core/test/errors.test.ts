import { describe, expect, test } from 'vitest'
import { RequestError, SdkError, ServerApiError, TooManyRequestsError } from '@fpapi/client-core'

describe('constructors with the official SDKs shapes', () => {
  const response = new Response('', {
    status: 429,
    statusText: 'Too Many Requests',
    headers: { 'retry-after': '9' },
  })

  test('TooManyRequestsError(body, response)', () => {
    const e = new TooManyRequestsError(
      { error: { code: 'too_many_requests', message: 'slow down' } },
      response,
    )
    expect(e).toBeInstanceOf(ServerApiError)
    expect(e).toBeInstanceOf(RequestError)
    expect(e).toBeInstanceOf(SdkError)
    expect(e).toMatchObject({
      name: 'TooManyRequestsError',
      statusCode: 429,
      errorCode: 'too_many_requests',
      message: 'slow down',
      retryAfter: 9,
    })
  })

  test('ServerApiError(body, statusCode, response)', () => {
    const e = new ServerApiError(
      { error: { code: 'event_not_found', message: 'gone' } },
      404,
      new Response('', { status: 404 }),
    )
    expect(e).toMatchObject({
      name: 'ServerApiError',
      statusCode: 404,
      errorCode: 'event_not_found',
      message: 'gone',
    })
  })

  test('plain { error: "text" } bodies', () => {
    const e = new ServerApiError(
      { error: 'Forbidden (HTTP 403)' },
      403,
      new Response('', { status: 403, statusText: 'Forbidden' }),
    )
    expect(e).toMatchObject({ errorCode: 'Forbidden', message: 'Forbidden (HTTP 403)' })
  })

  test('RequestError(message, body, statusCode, errorCode, response) and unknown()', () => {
    const r = new Response('x', { status: 502, statusText: 'Bad Gateway' })
    expect(new RequestError('m', 'x', 502, 'c', r)).toMatchObject({
      message: 'm',
      responseBody: 'x',
      statusCode: 502,
      errorCode: 'c',
      rawBody: 'x',
    })
    expect(RequestError.unknown(r)).toMatchObject({ statusCode: 502, errorCode: 'Bad Gateway' })
  })

  test('SdkError keeps cause and hides response', () => {
    const cause = new Error('low level')
    const e = new SdkError('high level', new Response(''), cause)
    expect(e.cause).toBe(cause)
    expect(e.response).toBeInstanceOf(Response)
    expect(Object.keys(e)).toEqual(['name'])
  })
})

test('ServerApiError.fromErrorResponse(body, response)', () => {
  const e = ServerApiError.fromErrorResponse(
    { error: { code: 'failed', message: 'Oops' } },
    new Response('', { status: 500 }),
  )
  expect(e).toBeInstanceOf(ServerApiError)
  expect(e).toMatchObject({ statusCode: 500, errorCode: 'failed', message: 'Oops' })
})
