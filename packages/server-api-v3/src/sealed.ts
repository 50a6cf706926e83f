import { unseal, type BytesLike, type DecryptionKey } from '@fpapi/client-core'
import type { EventsGetResponse } from './types'

function isEventsGetResponse(value: unknown): value is EventsGetResponse {
  return typeof value === 'object' && value !== null && 'products' in value
}

/**
 * Parses decrypted sealed data as a v3 event.
 *
 * @param unsealed - the decrypted JSON text.
 * @returns the event.
 * @throws {Error} when the text is not JSON or not an object with `products`.
 * @example
 * ```ts
 * const event = parseEventsResponse(await unseal(sealed, keys))
 * ```
 */
export function parseEventsResponse(unsealed: string): EventsGetResponse {
  let value: unknown
  try {
    value = JSON.parse(unsealed) as unknown
  } catch (cause) {
    throw new Error('Sealed data is not valid JSON', { cause })
  }
  if (!isEventsGetResponse(value)) throw new Error('Sealed data is not valid events response')
  return value
}

// The core's own function, re-exported rather than wrapped: a wrapper of the same name would be
// renamed (`unseal2`) when the core is bundled into this package, and show so in stack traces.
export { unseal } from '@fpapi/client-core'

/**
 * Decrypts a sealed client result (the `sealedResult` of the JS agent) into a v3 event, trying each
 * key in order.
 *
 * @param sealedData - the sealed bytes: `Uint8Array`, `Buffer`, `ArrayBuffer`, any
 * `ArrayBufferView`, or a base64 string.
 * @param decryptionKeys - the keys to try, in order, each `{ key, algorithm: 'aes-256-gcm' }`; a key
 * may be bytes or base64.
 * @returns the event, as `getEvent` would return it.
 * @throws {UnsealAggregateError} when no key can decrypt the data.
 * @throws {Error} when the decrypted data is not an event.
 * @example
 * ```ts
 * const event = await unsealEventsResponse(Buffer.from(sealedResult, 'base64'), [
 *   { key: Buffer.from(process.env.SEALED_KEY!, 'base64'), algorithm: DecryptionAlgorithm.Aes256Gcm },
 * ])
 * ```
 */
export async function unsealEventsResponse(
  sealedData: BytesLike | string,
  decryptionKeys: readonly DecryptionKey[],
): Promise<EventsGetResponse> {
  return parseEventsResponse(await unseal(sealedData, decryptionKeys))
}
