import { describe, expect, test } from 'vitest'
import { extractV3Error, type V3ErrorInfo } from '../src/extract-error'

describe('extractV3Error', () => {
  const cases: {
    name: string
    body: unknown
    status: number
    statusText?: string
    want: V3ErrorInfo | undefined
  }[] = [
    {
      name: 'ErrorResponse',
      body: { error: { code: 'RequestNotFound', message: 'request id not found' } },
      status: 404,
      want: { code: 'RequestNotFound', message: 'request id not found' },
    },
    {
      name: 'ErrorResponse with unknown extra fields',
      body: { error: { code: 'Failed', message: 'm', hint: 'x' }, trace: 't' },
      status: 500,
      want: { code: 'Failed', message: 'm' },
    },
    {
      name: 'an error code the spec does not list passes through',
      body: { error: { code: 'BrandNewCode', message: 'm' } },
      status: 400,
      want: { code: 'BrandNewCode', message: 'm' },
    },
    {
      name: 'ErrorPlainResponse uses the status text as code (as the official SDK)',
      body: { error: 'Forbidden (HTTP 403)' },
      status: 403,
      statusText: 'Forbidden',
      want: { code: 'Forbidden', message: 'Forbidden (HTTP 403)' },
    },
    {
      name: 'ErrorPlainResponse without status text',
      body: { error: 'bad' },
      status: 400,
      statusText: '',
      want: { code: 'HTTP 400', message: 'bad' },
    },
    {
      name: 'plain 429 gets the TooManyRequests code and an ErrorResponse body',
      body: { error: 'slow down' },
      status: 429,
      want: {
        code: 'TooManyRequests',
        message: 'slow down',
        body: { error: { code: 'TooManyRequests', message: 'slow down' } },
      },
    },
    {
      name: '429 with an HTML body still gets an ErrorResponse body',
      body: '<html>rate limited</html>',
      status: 429,
      want: {
        code: 'TooManyRequests',
        message: 'Too many requests',
        body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
      },
    },
    {
      name: 'structured 429 is kept as is',
      body: { error: { code: 'TooManyRequests', message: 'x' } },
      status: 429,
      want: { code: 'TooManyRequests', message: 'x' },
    },
    { name: 'HTML text', body: '<html>502</html>', status: 502, want: undefined },
    { name: 'empty body', body: undefined, status: 500, want: undefined },
    { name: 'JSON null', body: null, status: 500, want: undefined },
    { name: 'JSON array', body: [{ error: 'x' }], status: 400, want: undefined },
    { name: 'error: null', body: { error: null }, status: 400, want: undefined },
    {
      name: 'non-string code',
      body: { error: { code: 1, message: 'm' } },
      status: 400,
      want: undefined,
    },
    { name: 'missing message', body: { error: { code: 'Failed' } }, status: 400, want: undefined },
  ]
  test.each(cases)('$name', ({ body, status, statusText, want }) => {
    expect(extractV3Error(body, { status, statusText: statusText ?? 'Status Text' })).toEqual(want)
  })
})
