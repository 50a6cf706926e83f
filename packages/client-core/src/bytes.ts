/**
 * Any container of bytes the clients accept: `Uint8Array` (a Node `Buffer` is one), `ArrayBuffer`,
 * any other `ArrayBufferView` (`DataView`, `Int8Array`, ...).
 */
export type BytesLike = Uint8Array | ArrayBuffer | ArrayBufferView

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/
const BASE64URL = /^[A-Za-z0-9_-]*$/

/**
 * Decodes standard or URL-safe base64 (padding optional, surrounding whitespace ignored) without
 * `Buffer`.
 *
 * @param text - the base64 text.
 * @param name - the argument's name for error messages.
 * @returns the decoded bytes.
 * @throws {TypeError} naming the argument when the text is not valid base64.
 * @example
 * ```ts
 * base64ToBytes('AQID') // Uint8Array [1, 2, 3]
 * ```
 */
export function base64ToBytes(text: string, name = 'input'): Uint8Array {
  let clean = text.trim()
  if (!BASE64.test(clean)) {
    if (!BASE64URL.test(clean) || clean.length % 4 === 1) {
      throw new TypeError(`${name} is not valid base64`)
    }
    clean = clean.replace(/-/g, '+').replace(/_/g, '/')
  }
  clean = clean.padEnd(clean.length + ((4 - (clean.length % 4)) % 4), '=')
  const binary = atob(clean)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/**
 * Views any byte container as a `Uint8Array` without copying; a string is decoded as base64 or as
 * UTF-8, as the caller chooses.
 *
 * @param input - the bytes, or a string.
 * @param name - the argument's name for error messages.
 * @param strings - how to read a string: `'base64'` (sealed data, keys) or `'utf8'` (webhook bodies).
 * @returns a `Uint8Array` over the same memory (or a new one for strings).
 * @throws {TypeError} naming the argument for anything else, or invalid base64.
 * @example
 * ```ts
 * toBytes(new ArrayBuffer(4), 'sealedData') // Uint8Array(4)
 * toBytes('AQID', 'key') // Uint8Array [1, 2, 3]
 * ```
 */
export function toBytes(
  input: unknown,
  name: string,
  strings: 'base64' | 'utf8' = 'base64',
): Uint8Array {
  if (input instanceof Uint8Array) return input
  if (input instanceof ArrayBuffer) return new Uint8Array(input)
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  if (typeof input === 'string') {
    return strings === 'utf8' ? new TextEncoder().encode(input) : base64ToBytes(input, name)
  }
  // Cross-realm buffers (another vm context, a worker) fail instanceof but still have the tag.
  if (Object.prototype.toString.call(input) === '[object ArrayBuffer]') {
    return new Uint8Array(input as ArrayBuffer)
  }
  throw new TypeError(
    `${name} must be a Uint8Array, Buffer, ArrayBuffer, ArrayBufferView or ${strings === 'utf8' ? 'string' : 'base64 string'}`,
  )
}

/**
 * Lower-case hex of some bytes.
 *
 * @param bytes - the bytes.
 * @returns the hex text, two characters per byte.
 * @example
 * ```ts
 * bytesToHex(new Uint8Array([0, 255])) // '00ff'
 * ```
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0')
  return out
}
