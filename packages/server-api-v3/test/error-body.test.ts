import { describe, expect, test } from 'vitest'
import { parseErrorBody, type ParsedErrorBody } from '../src/error-body'

describe('parseErrorBody', () => {
  const structured = { error: { code: 'RequestNotFound', message: 'request id not found' } }
  const cases: { name: string; text: string; status: number; want: ParsedErrorBody }[] = [
    {
      name: 'ErrorResponse',
      text: JSON.stringify(structured),
      status: 404,
      want: {
        message: 'request id not found',
        errorCode: 'RequestNotFound',
        body: structured,
        shape: 'error-response',
      },
    },
    {
      name: 'ErrorResponse with unknown extra fields keeps them',
      text: '{"error":{"code":"Failed","message":"m","hint":"x"},"trace":"t"}',
      status: 500,
      want: {
        message: 'm',
        errorCode: 'Failed',
        body: { error: { code: 'Failed', message: 'm', hint: 'x' }, trace: 't' },
        shape: 'error-response',
      },
    },
    {
      name: 'ErrorPlainResponse (visitors endpoint)',
      text: '{"error":"Forbidden (HTTP 403)"}',
      status: 403,
      want: {
        message: 'Forbidden (HTTP 403)',
        errorCode: 'Status Text',
        body: { error: 'Forbidden (HTTP 403)' },
        shape: 'error-plain',
      },
    },
    {
      name: 'plain 429 is normalised to the structured shape',
      text: '{"error":"Too many requests"}',
      status: 429,
      want: {
        message: 'Too many requests',
        errorCode: 'TooManyRequests',
        body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
        shape: 'error-plain',
      },
    },
    {
      name: 'HTML from a proxy keeps the raw text',
      text: '<html><body>502 Bad Gateway</body></html>',
      status: 502,
      want: {
        message: 'Unknown error',
        errorCode: 'Status Text',
        body: '<html><body>502 Bad Gateway</body></html>',
        shape: 'unknown',
      },
    },
    {
      name: 'empty body',
      text: '',
      status: 500,
      want: {
        message: 'Unknown error',
        errorCode: 'Status Text',
        body: undefined,
        shape: 'unknown',
      },
    },
    {
      name: 'whitespace body',
      text: '  \n',
      status: 500,
      want: { message: 'Unknown error', errorCode: 'Status Text', body: '  \n', shape: 'unknown' },
    },
    {
      name: 'truncated JSON',
      text: '{"error":{"code":"Fa',
      status: 500,
      want: {
        message: 'Unknown error',
        errorCode: 'Status Text',
        body: '{"error":{"code":"Fa',
        shape: 'unknown',
      },
    },
    {
      name: 'JSON null',
      text: 'null',
      status: 500,
      want: { message: 'Unknown error', errorCode: 'Status Text', body: null, shape: 'unknown' },
    },
    {
      name: 'JSON array',
      text: '[1]',
      status: 400,
      want: { message: 'Unknown error', errorCode: 'Status Text', body: [1], shape: 'unknown' },
    },
    {
      name: 'error object with non-string code',
      text: '{"error":{"code":1,"message":"m"}}',
      status: 400,
      want: {
        message: 'Unknown error',
        errorCode: 'Status Text',
        body: { error: { code: 1, message: 'm' } },
        shape: 'unknown',
      },
    },
  ]
  test.each(cases)('$name', ({ text, status, want }) => {
    expect(parseErrorBody(text, status, 'Status Text')).toEqual(want)
  })
})
