/// <reference types="node" />
import { createCipheriv, randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import {
  DecryptionAlgorithm,
  UnsealAggregateError,
  UnsealError,
  parseEventsResponse,
  unseal,
  unsealEventsResponse,
} from '../src/index'
import { makeEvent } from './fixtures/events'

const key = randomBytes(32)
const wrongKey = randomBytes(32)
const HEADER = Buffer.from([0x9e, 0x85, 0xdc, 0xed])

function seal(payload: string, withKey = key, header = HEADER): Buffer {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', withKey, nonce)
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(payload))), cipher.final()])
  return Buffer.concat([header, nonce, body, cipher.getAuthTag()])
}

const event = makeEvent('sealedVisitor', 0)
const sealed = seal(JSON.stringify(event))
const aes = DecryptionAlgorithm.Aes256Gcm

describe('unsealEventsResponse accepts any byte container', () => {
  const containers: { name: string; data: unknown; key: unknown }[] = [
    { name: 'Buffer + Buffer key', data: sealed, key },
    { name: 'Uint8Array', data: new Uint8Array(sealed), key: new Uint8Array(key) },
    {
      name: 'ArrayBuffer',
      data: sealed.buffer.slice(sealed.byteOffset, sealed.byteOffset + sealed.length),
      key: key.buffer.slice(key.byteOffset, key.byteOffset + key.length),
    },
    { name: 'DataView', data: new DataView(sealed.buffer, sealed.byteOffset, sealed.length), key },
    { name: 'base64 strings', data: sealed.toString('base64'), key: key.toString('base64') },
  ]
  test.each(containers)('$name', async ({ data, key: k }) => {
    await expect(
      unsealEventsResponse(data as Uint8Array, [
        { key: k as Uint8Array, algorithm: 'aes-256-gcm' },
      ]),
    ).resolves.toEqual(event)
  })

  test('the first key that works wins; earlier failures are not reported', async () => {
    await expect(
      unsealEventsResponse(sealed, [
        { key: wrongKey, algorithm: aes },
        { key, algorithm: aes },
      ]),
    ).resolves.toEqual(event)
  })
})

describe('failures are clear errors, never crashes or partial results', () => {
  const cases: { name: string; data: Buffer }[] = [
    { name: 'shorter than header + nonce + tag', data: sealed.subarray(0, 20) },
    { name: 'empty', data: Buffer.alloc(0) },
    { name: 'wrong header', data: seal(JSON.stringify(event), key, Buffer.from([1, 2, 3, 4])) },
    {
      name: 'tampered ciphertext',
      data: Buffer.from(sealed.map((b, i) => (i === 30 ? b ^ 1 : b))),
    },
    {
      name: 'tampered tag',
      data: Buffer.from(sealed.map((b, i) => (i === sealed.length - 1 ? b ^ 1 : b))),
    },
    { name: 'sealed with another key', data: seal(JSON.stringify(event), wrongKey) },
  ]
  test.each(cases)('$name: UnsealAggregateError with one UnsealError per key', async ({ data }) => {
    const keys = [
      { key, algorithm: aes },
      { key: randomBytes(32), algorithm: aes },
    ]
    const error = await unsealEventsResponse(data, keys).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsealAggregateError)
    const { errors } = error as UnsealAggregateError
    expect(errors).toHaveLength(2)
    for (const e of errors) expect(e).toBeInstanceOf(UnsealError)
    // The key is readable for code written for the official SDK, but never serialised.
    expect(errors[0]!.key).toBe(keys[0])
    expect(Object.keys(errors[0]!)).not.toContain('key')
    expect(JSON.stringify(error)).not.toContain(key.toString('base64'))
    expect(JSON.stringify(errors)).not.toContain('"key"')
  })

  test('decrypted data that is not an event', async () => {
    await expect(
      unsealEventsResponse(seal('{"visitorId":"x"}'), [{ key, algorithm: aes }]),
    ).rejects.toThrow('Sealed data is not valid events response')
    await expect(unsealEventsResponse(seal('not json'), [{ key, algorithm: aes }])).rejects.toThrow(
      'Sealed data is not valid JSON',
    )
  })

  test('malformed arguments: TypeError naming them', async () => {
    await expect(unsealEventsResponse(sealed, [])).rejects.toThrow(/^decryptionKeys/)
    await expect(unsealEventsResponse(42 as never, [{ key, algorithm: aes }])).rejects.toThrow(
      /^sealedData/,
    )
    await expect(
      unsealEventsResponse(sealed, [{ key, algorithm: 'aes-128-cbc' as never }]),
    ).rejects.toThrow(/algorithm/)
  })
})

test('unseal returns the text; parseEventsResponse checks the shape', async () => {
  const text = await unseal(sealed, [{ key, algorithm: aes }])
  expect(parseEventsResponse(text)).toEqual(event)
  expect(() => parseEventsResponse('[]')).toThrow('Sealed data is not valid events response')
})
