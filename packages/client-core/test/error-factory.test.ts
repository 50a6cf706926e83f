import { describe, expect, test } from 'vitest'
import {
  RequestError,
  ServerApiError,
  TooManyRequestsError,
  createErrorFromResponse,
  type ApiErrorInfo,
} from '@fpapi/client-core'

/** The shape of a made-up API: `{ "error": { "code", "message" } }`. */
function extractError(body: unknown): ApiErrorInfo | undefined {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
    ? { code: error.code, message: error.message }
    : undefined
}

const request = { method: 'GET', url: 'https://x.test/v1/things/1?api_key=[REDACTED]' }

describe('createErrorFromResponse', () => {
  test.each([
    {
      name: 'API error shape',
      status: 404,
      body: '{"error":{"code":"thing_not_found","message":"no such thing"}}',
      want: {
        cls: ServerApiError,
        errorCode: 'thing_not_found',
        message: 'no such thing',
        responseBody: { error: { code: 'thing_not_found', message: 'no such thing' } },
      },
    },
    {
      name: 'HTML from a proxy',
      status: 502,
      statusText: 'Bad Gateway',
      body: '<html><body>502 Bad Gateway</body></html>',
      want: {
        cls: RequestError,
        errorCode: 'Bad Gateway',
        message: 'Unknown error (HTTP 502 Bad Gateway)',
        responseBody: '<html><body>502 Bad Gateway</body></html>',
      },
    },
    {
      name: 'empty body',
      status: 500,
      statusText: '',
      body: '',
      want: {
        cls: RequestError,
        errorCode: 'HTTP 500',
        message: 'Unknown error (HTTP 500)',
        responseBody: undefined,
      },
    },
    {
      name: 'truncated JSON',
      status: 400,
      statusText: 'Bad Request',
      body: '{"error":{"code":"bad',
      want: {
        cls: RequestError,
        errorCode: 'Bad Request',
        message: 'Unknown error (HTTP 400 Bad Request)',
        responseBody: '{"error":{"code":"bad',
      },
    },
    {
      name: 'JSON of another shape',
      status: 403,
      statusText: 'Forbidden',
      body: '{"error":"plain string"}',
      want: {
        cls: RequestError,
        errorCode: 'Forbidden',
        message: 'Unknown error (HTTP 403 Forbidden)',
        responseBody: { error: 'plain string' },
      },
    },
    {
      name: 'JSON null',
      status: 400,
      statusText: 'Bad Request',
      body: 'null',
      want: {
        cls: RequestError,
        errorCode: 'Bad Request',
        message: 'Unknown error (HTTP 400 Bad Request)',
        responseBody: null,
      },
    },
    {
      name: 'error code of the wrong type',
      status: 400,
      statusText: 'Bad Request',
      body: '{"error":{"code":12,"message":"x"}}',
      want: {
        cls: RequestError,
        errorCode: 'Bad Request',
        message: 'Unknown error (HTTP 400 Bad Request)',
        responseBody: { error: { code: 12, message: 'x' } },
      },
    },
  ])('$name', async ({ status, statusText, body, want }) => {
    const response = new Response(body, {
      status,
      statusText,
      headers: { 'x-request-id': 'req-1' },
    })
    const error = await createErrorFromResponse(response, { extractError, request })
    expect(error).toBeInstanceOf(want.cls)
    if (want.cls === RequestError) expect(error).not.toBeInstanceOf(ServerApiError)
    expect(error).toMatchObject({
      statusCode: status,
      errorCode: want.errorCode,
      message: want.message,
      rawBody: body,
      requestId: 'req-1',
      request,
    })
    expect(error.responseBody).toEqual(want.responseBody)
    expect(error.headers['x-request-id']).toBe('req-1')
    expect(Object.keys(error)).not.toContain('response')
    expect(await error.response.text()).toBe(body)
    expect(JSON.parse(JSON.stringify(error))).not.toHaveProperty('response')
  })

  test.each([
    {
      name: 'seconds',
      header: '7',
      body: '{"error":{"code":"too_many_requests","message":"slow down"}}',
      want: { retryAfter: 7, errorCode: 'too_many_requests', message: 'slow down' },
    },
    {
      name: 'HTTP-date',
      header: 'Thu, 01 Jan 2026 00:00:03 GMT',
      body: '',
      want: { retryAfter: 3, errorCode: 'rate_limited', message: 'Too many requests' },
    },
    {
      name: 'absent',
      header: undefined,
      body: '<html>',
      want: { retryAfter: 0, errorCode: 'rate_limited', message: 'Too many requests' },
    },
  ])('429 with Retry-After $name', async ({ header, body, want }) => {
    const response = new Response(body, {
      status: 429,
      headers: header ? { 'Retry-After': header } : {},
    })
    const error = await createErrorFromResponse(response, {
      extractError,
      rateLimitCode: 'rate_limited',
      now: () => Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'),
    })
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error).toBeInstanceOf(ServerApiError)
    expect(error).toMatchObject({ statusCode: 429, name: 'TooManyRequestsError', ...want })
  })

  test('an extractor that throws is treated as "not the API shape"', async () => {
    const error = await createErrorFromResponse(new Response('{}', { status: 400 }), {
      extractError: () => {
        throw new Error('boom')
      },
    })
    expect(error.constructor).toBe(RequestError)
  })

  test('a body stream that fails gives an empty raw body', async () => {
    const stream = new ReadableStream({ pull: (c) => c.error(new Error('reset')) })
    const error = await createErrorFromResponse(new Response(stream, { status: 503 }), {
      extractError,
    })
    expect(error).toMatchObject({ statusCode: 503, rawBody: '', responseBody: undefined })
  })
})

test('extractError may normalise the body exposed as responseBody', async () => {
  const error = await createErrorFromResponse(
    new Response('{"error":"Slow down"}', { status: 429 }),
    {
      extractError: (b) => {
        const message = (b as { error?: unknown }).error
        return typeof message === 'string'
          ? {
              code: 'TooManyRequests',
              message,
              body: { error: { code: 'TooManyRequests', message } },
            }
          : undefined
      },
    },
  )
  expect(error).toMatchObject({
    errorCode: 'TooManyRequests',
    message: 'Slow down',
    rawBody: '{"error":"Slow down"}',
    responseBody: { error: { code: 'TooManyRequests', message: 'Slow down' } },
  })
})
