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

/** SHA-256's block size in bytes: HMAC pads its key to this length (RFC 2104). */
const BLOCK_BYTES = 64

/**
 * HMAC-SHA256 (RFC 2104) over @noble/hashes' SHA-256. Written out rather than taken from
 * `@noble/hashes/hmac`, whose module assigns to its export at load time: a bundler must then keep
 * it, and SHA-256 with it, in every bundle of the package, even when no webhook is checked.
 */
function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const pad = new Uint8Array(BLOCK_BYTES)
  pad.set(key.length > BLOCK_BYTES ? sha256(key) : key)
  for (let i = 0; i < BLOCK_BYTES; i++) pad[i] = (pad[i] as number) ^ 0x36
  const inner = sha256.create().update(pad).update(message).digest()
  for (let i = 0; i < BLOCK_BYTES; i++) pad[i] = (pad[i] as number) ^ 0x36 ^ 0x5c
  const outer = sha256.create().update(pad).update(inner).digest()
  pad.fill(0)
  return outer
}

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
    const expected = bytesToHex(hmacSha256(key, body))
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
