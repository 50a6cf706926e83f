import { createCipheriv, createHmac, randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'

/** Header bytes that open every sealed result. */
const SEALED_HEADER = Uint8Array.from([0x9e, 0x85, 0xdc, 0xed])

/**
 * Seals a payload the way Fingerprint does for sealed client results (deflate-raw, AES-256-GCM, header +
 * 12-byte nonce + ciphertext + 16-byte tag), so the tour can show unsealing without a real account.
 */
export function sealForDemo(payload: unknown, key: Uint8Array): string {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const body = Buffer.concat([
    cipher.update(deflateRawSync(JSON.stringify(payload))),
    cipher.final(),
  ])
  return Buffer.concat([SEALED_HEADER, nonce, body, cipher.getAuthTag()]).toString('base64')
}

/** Signs a webhook body as Fingerprint does: `v1=<hex HMAC-SHA256 of the raw body>`. */
export function signWebhookForDemo(body: string, secret: string): string {
  return `v1=${createHmac('sha256', secret).update(body).digest('hex')}`
}
