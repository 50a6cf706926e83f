/// <reference types="node" />
import { createHmac } from 'node:crypto'
import { expect, test } from 'vitest'
import { isValidWebhookSignature } from '@fpapi/server-api-v4'

const secret = 'webhook-secret'
const data = Buffer.from('{"event_id":"e1"}')
const hex = createHmac('sha256', secret).update(data).digest('hex')

test.each([
  { header: `v1=${hex}`, want: true },
  { header: `v1=0000,v1=${hex}`, want: true },
  { header: `v1=${'0'.repeat(64)}`, want: false },
  { header: `v1=${hex};`, want: false },
  { header: `v1 = ${hex}`, want: false },
  { header: `V1=${hex}`, want: false },
  { header: '=', want: false },
  { header: 'v1', want: false },
])('isValidWebhookSignature($header) is $want, synchronously', ({ header, want }) => {
  const result = isValidWebhookSignature({ header, data, secret })
  expect(result).toBe(want)
})

test('malformed params never throw', () => {
  expect(isValidWebhookSignature({ header: undefined as never, data, secret })).toBe(false)
  expect(isValidWebhookSignature({ header: `v1=${hex}`, data: {} as never, secret })).toBe(false)
  expect(isValidWebhookSignature(undefined as never)).toBe(false)
})
