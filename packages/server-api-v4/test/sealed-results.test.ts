/// <reference types="node" />
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import {
  DecryptionAlgorithm,
  UnsealAggregateError,
  UnsealError,
  parseEventsResponse,
  unsealEventsResponse,
} from '@fpapi/server-api-v4'
import { sampleEvent } from './helpers'

const HEADER = [0x9e, 0x85, 0xdc, 0xed]

async function seal(
  payload: string,
  key: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = new Uint8Array(
    await new Response(
      new Blob([new TextEncoder().encode(payload)])
        .stream()
        .pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  )
  const nonce = crypto.getRandomValues(new Uint8Array(12))
  const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt'])
  const encrypted = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, k, compressed),
  )
  return new Uint8Array([...HEADER, ...nonce, ...encrypted])
}

const key = crypto.getRandomValues(new Uint8Array(32))
const wrong = crypto.getRandomValues(new Uint8Array(32))
const event = sampleEvent('sealed-event')

describe('unsealEventsResponse', () => {
  test.each([
    { name: 'Buffer + Buffer key', data: (s: Uint8Array) => Buffer.from(s), k: Buffer.from(key) },
    {
      name: 'Uint8Array + base64 key',
      data: (s: Uint8Array) => s,
      k: Buffer.from(key).toString('base64'),
    },
    {
      name: 'ArrayBuffer + ArrayBuffer key',
      data: (s: Uint8Array) => s.slice().buffer,
      k: key.slice().buffer,
    },
    {
      name: 'base64 string + Uint8Array key',
      data: (s: Uint8Array) => Buffer.from(s).toString('base64'),
      k: key,
    },
  ])('$name', async ({ data, k }) => {
    const sealed = await seal(JSON.stringify(event), key)
    expect(
      await unsealEventsResponse(data(sealed), [
        { key: k, algorithm: DecryptionAlgorithm.Aes256Gcm },
      ]),
    ).toEqual(event)
  })

  test('tries keys in order (rotation)', async () => {
    const sealed = await seal(JSON.stringify(event), key)
    const result = await unsealEventsResponse(sealed, [
      { key: wrong, algorithm: 'aes-256-gcm' },
      { key, algorithm: 'aes-256-gcm' },
    ])
    expect(result.event_id).toBe('sealed-event')
  })

  test.each([
    {
      name: 'shorter than header + nonce + tag',
      make: (s: Uint8Array) => s.slice(0, 20),
      want: /too short/,
    },
    {
      name: 'wrong header',
      make: (s: Uint8Array) => Uint8Array.from(s, (b, i) => (i === 0 ? 0 : b)),
      want: /header/,
    },
    {
      name: 'tampered bytes',
      make: (s: Uint8Array) => Uint8Array.from(s, (b, i) => (i === 17 ? b ^ 0xff : b)),
      want: /authentication failed/,
    },
  ])('$name: UnsealError per key, aggregated', async ({ make, want }) => {
    const sealed = make(await seal(JSON.stringify(event), key))
    const error = await unsealEventsResponse(sealed, [
      { key, algorithm: 'aes-256-gcm' },
      { key: wrong, algorithm: 'aes-256-gcm' },
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsealAggregateError)
    const errors = (error as UnsealAggregateError).errors
    expect(errors.map((e) => e instanceof UnsealError && want.test(e.message))).toEqual([
      true,
      true,
    ])
  })

  test('wrong key: e.key is readable but never serialized', async () => {
    const sealed = await seal(JSON.stringify(event), key)
    const entry = { key: Buffer.from(wrong), algorithm: DecryptionAlgorithm.Aes256Gcm }
    const error = (await unsealEventsResponse(sealed, [entry]).catch(
      (e: unknown) => e,
    )) as UnsealAggregateError
    expect(error.errors[0]?.key).toBe(entry)
    const secretHex = Buffer.from(wrong).toString('hex')
    const secretB64 = Buffer.from(wrong).toString('base64')
    for (const text of [
      JSON.stringify(error),
      JSON.stringify(error.errors),
      inspect(error, { depth: 10 }),
      String(error),
    ]) {
      expect(text).not.toContain(secretHex)
      expect(text).not.toContain(secretB64)
      expect(text).not.toContain(`${wrong[0]}, ${wrong[1]}, ${wrong[2]}`)
    }
  })

  test('a payload that is not an event is rejected after decryption', async () => {
    const sealed = await seal('{"hello":"world"}', key)
    await expect(unsealEventsResponse(sealed, [{ key, algorithm: 'aes-256-gcm' }])).rejects.toThrow(
      'Sealed data is not valid events response',
    )
  })

  test('parseEventsResponse', () => {
    expect(parseEventsResponse(JSON.stringify(event))).toEqual(event)
    expect(() => parseEventsResponse('nope')).toThrow('Sealed data is not valid events response')
  })

  test.each([
    { data: null, keys: [{ key, algorithm: 'aes-256-gcm' }], want: /^sealedData must be/ },
    { data: new Uint8Array(40), keys: [], want: /^decryptionKeys must be a non-empty array/ },
    {
      data: new Uint8Array(40),
      keys: [{ key, algorithm: 'rot13' }],
      want: /^decryptionKeys\[0\]\.algorithm/,
    },
  ])('bad arguments are TypeErrors: $want', async ({ data, keys, want }) => {
    const error = await unsealEventsResponse(data as never, keys as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(want)
  })
})
