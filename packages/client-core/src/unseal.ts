import { toBytes, type BytesLike } from './bytes'
import { UnsealAggregateError, UnsealError } from './unseal-errors'

/** Algorithms sealed results can be encrypted with. */
export enum DecryptionAlgorithm {
  Aes256Gcm = 'aes-256-gcm',
}

/** A key to try on sealed data: raw bytes (any container) or base64 text, and its algorithm. */
export interface DecryptionKey {
  /** The 32-byte key: Uint8Array, Buffer, ArrayBuffer, ArrayBufferView or base64 string. */
  key: BytesLike | string
  /** The algorithm; only `'aes-256-gcm'` exists today. */
  algorithm: DecryptionAlgorithm | `${DecryptionAlgorithm}`
}

/** The four bytes every sealed result starts with. */
export const SEALED_HEADER: readonly number[] = [0x9e, 0x85, 0xdc, 0xed]
const NONCE_LENGTH = 12
const TAG_LENGTH = 16

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle
  if (!s) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available in this runtime')
  return s
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  let stream: DecompressionStream
  try {
    stream = new DecompressionStream('deflate-raw')
  } catch (cause) {
    throw new Error('DecompressionStream("deflate-raw") is not available in this runtime', {
      cause,
    })
  }
  const input = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(input).arrayBuffer())
}

/**
 * Opens one sealed result with one AES-256-GCM key. The layout is: 4 header bytes
 * ({@link SEALED_HEADER}), a 12-byte nonce, the ciphertext, a 16-byte authentication tag; the
 * plaintext is deflate-raw compressed.
 *
 * @param sealed - the sealed bytes.
 * @param key - the 32-byte key.
 * @returns the decompressed plaintext bytes.
 * @throws {Error} with a precise message when the data is too short, the header is wrong, the key
 *   has the wrong length, the key is wrong or the data was altered, or decompression fails.
 * @example
 * ```ts
 * const json = new TextDecoder().decode(await unsealAes256Gcm(sealed, key))
 * ```
 */
export async function unsealAes256Gcm(sealed: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  if (sealed.length < SEALED_HEADER.length + NONCE_LENGTH + TAG_LENGTH) {
    throw new Error(
      `Sealed data is too short (${sealed.length} bytes; at least ${SEALED_HEADER.length + NONCE_LENGTH + TAG_LENGTH} expected)`,
    )
  }
  if (SEALED_HEADER.some((byte, i) => sealed[i] !== byte)) {
    throw new Error('Invalid sealed data header')
  }
  if (key.length !== 32) {
    throw new Error(`Decryption key must be 32 bytes long for aes-256-gcm (got ${key.length})`)
  }
  const nonce = sealed.slice(SEALED_HEADER.length, SEALED_HEADER.length + NONCE_LENGTH)
  // WebCrypto expects the tag appended to the ciphertext, which is how sealed data is laid out.
  const body = sealed.slice(SEALED_HEADER.length + NONCE_LENGTH)
  const cryptoKey = await subtle().importKey('raw', key.slice(), 'AES-GCM', false, ['decrypt'])
  let compressed: ArrayBuffer
  try {
    compressed = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce, tagLength: 128 },
      cryptoKey,
      body,
    )
  } catch (cause) {
    throw new Error('Wrong key, or the sealed data was altered (authentication failed)', { cause })
  }
  try {
    return await inflateRaw(new Uint8Array(compressed))
  } catch (cause) {
    throw new Error('Decrypted data could not be decompressed', { cause })
  }
}

/**
 * Tries each key in order on sealed data and returns the first plaintext, as UTF-8 text.
 *
 * @param sealedData - the sealed bytes (any container, or base64).
 * @param decryptionKeys - keys to try.
 * @returns the plaintext.
 * @throws {TypeError} naming the argument when `sealedData` or `decryptionKeys` is malformed
 *   (not bytes, not an array, empty, an unknown algorithm); the message never contains a key.
 * @throws {UnsealAggregateError} with one {@link UnsealError} per key when no key works.
 * @example
 * ```ts
 * const text = await unseal(sealed, [{ key: process.env.KEY_B64, algorithm: 'aes-256-gcm' }])
 * ```
 */
export async function unseal<K extends DecryptionKey>(
  sealedData: unknown,
  decryptionKeys: readonly K[],
): Promise<string> {
  const sealed = toBytes(sealedData, 'sealedData', 'base64')
  if (!Array.isArray(decryptionKeys) || decryptionKeys.length === 0) {
    throw new TypeError('decryptionKeys must be a non-empty array of { key, algorithm }')
  }
  // Array.from, not map: map skips the holes of a sparse array (`[, key]`), which then reached the
  // decryption as `undefined` instead of being refused here.
  const keys = Array.from(decryptionKeys, (entry: unknown, i) => {
    const name = `decryptionKeys[${i}]`
    if (typeof entry !== 'object' || entry === null)
      throw new TypeError(`${name} must be an object { key, algorithm }`)
    const { algorithm, key } = entry as DecryptionKey
    if (algorithm !== DecryptionAlgorithm.Aes256Gcm) {
      throw new TypeError(`${name}.algorithm must be 'aes-256-gcm'`)
    }
    return toBytes(key, `${name}.key`, 'base64')
  })
  const errors = new UnsealAggregateError<K>([])
  for (let i = 0; i < keys.length; i++) {
    try {
      const plain = await unsealAes256Gcm(sealed, keys[i] as Uint8Array)
      return new TextDecoder().decode(plain)
    } catch (error) {
      errors.addError(
        new UnsealError(
          decryptionKeys[i] as K,
          error instanceof Error ? error : new Error(String(error)),
        ),
      )
    }
  }
  throw errors
}
