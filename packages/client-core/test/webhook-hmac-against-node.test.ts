/// <reference types="node" />
import { createHmac } from 'node:crypto'
import { expect, test } from 'vitest'
import { isValidWebhookSignature } from '@fpapi/client-core'

// The HMAC is written out over @noble/hashes' SHA-256 (see webhook.ts); these cases pin it to
// Node's own HMAC-SHA256, around the 64-byte block size where the key is hashed first.
let seed = 0x5eed
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
const bytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(next() * 256))

test('isValidWebhookSignature agrees with node:crypto for keys and bodies of every size class', () => {
  const keyLengths = [1, 16, 32, 63, 64, 65, 100, 128, 129, 300]
  const bodyLengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]
  for (const keyLength of keyLengths) {
    for (const bodyLength of bodyLengths) {
      const key = bytes(keyLength)
      const body = bytes(bodyLength)
      const digest = createHmac('sha256', key).update(body).digest('hex')
      expect(isValidWebhookSignature({ header: `v1=${digest}`, data: body, secret: key })).toBe(
        true,
      )
      // One flipped bit in the body or the key: no longer valid.
      const tampered = body.length ? Uint8Array.from(body, (b, i) => (i === 0 ? b ^ 1 : b)) : [1]
      expect(
        isValidWebhookSignature({
          header: `v1=${digest}`,
          data: Uint8Array.from(tampered),
          secret: key,
        }),
      ).toBe(false)
      const otherKey = Uint8Array.from(key, (b, i) => (i === key.length - 1 ? b ^ 0x80 : b))
      expect(
        isValidWebhookSignature({ header: `v1=${digest}`, data: body, secret: otherKey }),
      ).toBe(false)
    }
  }
})

test('text secrets and bodies are UTF-8 encoded, as Node encodes them', () => {
  for (const [secret, body] of [
    ['sécret-ключ-🔑', '{"event_id":"ü"}'],
    ['x'.repeat(64), ''],
    ['y'.repeat(65), 'z'.repeat(64)],
  ] as const) {
    const digest = createHmac('sha256', secret).update(body).digest('hex')
    expect(isValidWebhookSignature({ header: `v1=${digest}`, data: body, secret })).toBe(true)
  }
})
