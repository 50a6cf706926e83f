/// <reference types="node" />
import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { isValidWebhookSignature } from '@fpapi/client-core'

const secret = 'whsec_test_secret'
const body = '{"event_id":"1708102555327.NLOjmg"}'
const sig = (data: string, s = secret) => createHmac('sha256', s).update(data).digest('hex')
const good = sig(body)
const other = sig(body, 'another secret')

describe('isValidWebhookSignature', () => {
  test.each([
    { name: 'single valid entry', header: `v1=${good}`, want: true },
    { name: 'valid entry after another', header: `v1=${other},v1=${good}`, want: true },
    { name: 'valid entry beside an unknown version', header: `v2=${other},v1=${good}`, want: true },
    { name: 'wrong secret', header: `v1=${other}`, want: false },
    { name: 'upper-case hex', header: `v1=${good.toUpperCase()}`, want: false },
    { name: 'spaces around the entry', header: ` v1=${good}`, want: false },
    { name: 'trailing junk in the entry', header: `v1=${good}x`, want: false },
    { name: 'short hash', header: `v1=${good.slice(0, 63)}`, want: false },
    { name: 'extra equals', header: `v1=${good}=`, want: false },
    { name: 'no version', header: good, want: false },
    { name: 'empty header', header: '', want: false },
    { name: 'only commas', header: ',,,', want: false },
    { name: 'v1 without value', header: 'v1=', want: false },
  ])('$name -> $want', ({ header, want }) => {
    expect(isValidWebhookSignature({ header, data: Buffer.from(body), secret })).toBe(want)
  })

  test.each([
    { name: 'Buffer', data: Buffer.from(body) },
    { name: 'Uint8Array', data: new TextEncoder().encode(body) },
    { name: 'ArrayBuffer', data: new TextEncoder().encode(body).buffer },
    { name: 'string', data: body },
  ])('accepts the body as $name', ({ data }) => {
    expect(isValidWebhookSignature({ header: `v1=${good}`, data, secret })).toBe(true)
  })

  test.each([
    { name: 'null header', params: { header: null, data: body, secret } },
    { name: 'number header', params: { header: 1, data: body, secret } },
    { name: 'null data', params: { header: `v1=${good}`, data: null, secret } },
    { name: 'empty secret', params: { header: `v1=${sig(body, '')}`, data: body, secret: '' } },
    { name: 'secret not a string', params: { header: `v1=${good}`, data: body, secret: 42 } },
    { name: 'params null', params: null },
    { name: 'params undefined', params: undefined },
  ])('malformed input ($name) returns false without throwing', ({ params }) => {
    expect(isValidWebhookSignature(params as never)).toBe(false)
  })

  test('is synchronous', () => {
    expect(typeof isValidWebhookSignature({ header: `v1=${good}`, data: body, secret })).toBe(
      'boolean',
    )
  })
})
