/// <reference types="node" />
import { createHmac } from 'node:crypto'
import { expect, test } from 'vitest'
import { isValidWebhookSignature } from '@fpapi/client-core'

const body = '{"event_id":"1708102555327.NLOjmg"}'
const secretText = 'whsec_bytes_ünï'
const header = `v1=${createHmac('sha256', Buffer.from(secretText)).update(body).digest('hex')}`

// Node's createHmac (and so the official SDKs) takes the secret as a Buffer too; a Buffer secret
// used to make every signature invalid.
test.each([
  { name: 'string', secret: secretText, want: true },
  { name: 'Buffer', secret: Buffer.from(secretText), want: true },
  { name: 'Uint8Array', secret: new TextEncoder().encode(secretText), want: true },
  { name: 'ArrayBuffer', secret: new TextEncoder().encode(secretText).buffer, want: true },
  { name: 'other bytes', secret: Buffer.from('another secret'), want: false },
  { name: 'empty Buffer', secret: Buffer.alloc(0), want: false },
  { name: 'empty string', secret: '', want: false },
  { name: 'object', secret: { secret: secretText }, want: false },
  { name: 'null', secret: null, want: false },
])('secret as $name: $want, never throws', ({ secret, want }) => {
  const params = { header, data: body, secret } as Parameters<typeof isValidWebhookSignature>[0]
  expect(isValidWebhookSignature(params)).toBe(want)
})
