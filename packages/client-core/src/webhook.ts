import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, toBytes, type BytesLike } from './bytes'

/** Arguments of {@link isValidWebhookSignature}. */
export interface IsValidWebhookSignatureParams {
  /** The value of the signature header (`fpjs-event-signature`): `v1=<hex>[,v1=<hex>...]`. */
  header: string
  /** The raw request body: bytes (a Node `Buffer` works) or the body text. */
  data: BytesLike | string
  /** The webhook signing secret: text, or its bytes (a `Buffer`, as Node's `createHmac` takes). */
  secret: string | BytesLike
}

const ENTRY = /^v1=([0-9a-f]{64})$/

/** Compares two equal-length strings without an early exit. */
function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Checks a webhook signature header against the raw body: HMAC-SHA256 of the body keyed with the
 * secret, compared in constant time with each `v1=<64 lowercase hex>` entry of the comma-separated
 * header. Entries in any other form are ignored. Synchronous (a Promise would be truthy in
 * `if (!isValid...)`), pure JS, so it runs on any runtime.
 *
 * @param params - `header`, `data` (raw body) and `secret`.
 * @returns true when one entry matches; false otherwise, including for malformed input. Never throws.
 * @example
 * ```ts
 * const ok = isValidWebhookSignature({ header: req.headers.get('fpjs-event-signature') ?? '', data: rawBody, secret })
 * if (!ok) return new Response('bad signature', { status: 403 })
 * ```
 */
export function isValidWebhookSignature(params: IsValidWebhookSignatureParams): boolean {
  try {
    const { header, data, secret } = params
    if (typeof header !== 'string') return false
    // Text is UTF-8 encoded; bytes are used as they are. Anything else, or an empty secret: false.
    const key = toBytes(secret, 'secret', 'utf8')
    if (key.length === 0) return false
    const entries = header.split(',')
    if (!entries.some((entry) => ENTRY.test(entry))) return false
    const body = toBytes(data, 'data', 'utf8')
    const expected = bytesToHex(hmac(sha256, key, body))
    let valid = false
    for (const entry of entries) {
      const match = ENTRY.exec(entry)
      // Every well-formed entry is compared, so the time taken doesn't reveal which one matched.
      if (match && equalConstantTime(match[1] as string, expected)) valid = true
    }
    return valid
  } catch {
    return false
  }
}
