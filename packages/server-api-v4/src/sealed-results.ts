import { unseal, type BytesLike, type DecryptionKey } from '@fpapi/client-core'
import type { Event } from './types'

/**
 * Parses the plaintext of a sealed result and checks that it is an event.
 *
 * @param unsealed - the decrypted JSON text.
 * @returns the event.
 * @throws {Error} when the text is not JSON or not an event (no `event_id` / `timestamp`).
 * @example
 * ```ts
 * const event = parseEventsResponse('{"event_id":"…","timestamp":1}')
 * ```
 */
export function parseEventsResponse(unsealed: string): Event {
  let json: unknown
  try {
    json = JSON.parse(unsealed)
  } catch (cause) {
    throw new Error('Sealed data is not valid events response', { cause })
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    !('event_id' in json) ||
    !('timestamp' in json)
  ) {
    throw new Error('Sealed data is not valid events response')
  }
  return json as Event
}

/**
 * Decrypts a sealed result with the first key that works and returns the event. Keys are tried in
 * order, so you can rotate keys without downtime.
 *
 * @param sealedData - the sealed bytes: Uint8Array, Buffer, ArrayBuffer, any ArrayBufferView, or base64.
 * @param decryptionKeys - `{ key, algorithm: 'aes-256-gcm' }` entries; keys as bytes or base64.
 * @returns the event.
 * @throws {TypeError} naming the argument for malformed input (never printing a key).
 * @throws {UnsealAggregateError} with one {@link UnsealError} per key when no key opens the data
 *   (too short, wrong header, wrong key, tampered bytes); each keeps its `key` non-enumerable.
 * @throws {Error} when the plaintext is not an event.
 * @example
 * ```ts
 * const event = await unsealEventsResponse(sealedBase64, [
 *   { key: process.env.SEALED_KEY_BASE64!, algorithm: DecryptionAlgorithm.Aes256Gcm },
 * ])
 * ```
 */
export async function unsealEventsResponse(
  sealedData: BytesLike | string,
  decryptionKeys: DecryptionKey[],
): Promise<Event> {
  return parseEventsResponse(await unseal(sealedData, decryptionKeys))
}
