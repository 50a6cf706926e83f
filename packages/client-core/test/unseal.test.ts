/// <reference types="node" />
import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import {
  DecryptionAlgorithm,
  SEALED_HEADER,
  UnsealAggregateError,
  UnsealError,
  unseal,
  unsealAes256Gcm,
} from '@fpapi/client-core'

async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Seals `text` the way sealed results are laid out: header, nonce, AES-256-GCM ciphertext + tag. */
async function seal(text: string, key: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const nonce = crypto.getRandomValues(new Uint8Array(12))
  const cryptoKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt'])
  const compressed = await deflateRaw(new TextEncoder().encode(text))
  const encrypted = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, cryptoKey, compressed),
  )
  return new Uint8Array([...SEALED_HEADER, ...nonce, ...encrypted])
}

const key = crypto.getRandomValues(new Uint8Array(32))
const otherKey = crypto.getRandomValues(new Uint8Array(32))
const aes = DecryptionAlgorithm.Aes256Gcm

describe('unseal', () => {
  test('opens with the matching key, after trying a wrong one', async () => {
    const sealed = await seal('{"hello":"world"}', key)
    expect(
      await unseal(sealed, [
        { key: otherKey, algorithm: aes },
        { key, algorithm: 'aes-256-gcm' },
      ]),
    ).toBe('{"hello":"world"}')
  })

  test.each([
    {
      name: 'Buffer data, base64 key',
      data: (s: Uint8Array) => Buffer.from(s),
      k: () => Buffer.from(key).toString('base64'),
    },
    {
      name: 'ArrayBuffer data, ArrayBuffer key',
      data: (s: Uint8Array) => s.slice().buffer,
      k: () => key.slice().buffer,
    },
    {
      name: 'base64 data, DataView key',
      data: (s: Uint8Array) => Buffer.from(s).toString('base64'),
      k: () => new DataView(key.slice().buffer),
    },
  ])('accepts $name', async ({ data, k }) => {
    const sealed = await seal('payload', key)
    expect(await unseal(data(sealed), [{ key: k(), algorithm: aes }])).toBe('payload')
  })

  const cases: { name: string; make: (s: Uint8Array) => Uint8Array; want: RegExp }[] = [
    { name: 'too short', make: (s) => s.slice(0, 31), want: /too short \(31 bytes; at least 32/ },
    {
      name: 'wrong header',
      make: (s) => new Uint8Array([0, ...s.slice(1)]),
      want: /Invalid sealed data header/,
    },
    {
      name: 'tampered ciphertext',
      make: (s) => s.map((b, i) => (i === 20 ? b ^ 1 : b)),
      want: /authentication failed/,
    },
    {
      name: 'tampered tag',
      make: (s) => s.map((b, i) => (i === s.length - 1 ? b ^ 1 : b)),
      want: /authentication failed/,
    },
    { name: 'header only', make: () => new Uint8Array(SEALED_HEADER), want: /too short/ },
  ]
  test.each(cases)('$name gives one UnsealError per key, aggregated', async ({ make, want }) => {
    const sealed = make(await seal('{"a":1}', key))
    const error = await unseal(sealed, [
      { key, algorithm: aes },
      { key: otherKey, algorithm: aes },
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsealAggregateError)
    const { errors } = error as UnsealAggregateError
    expect(errors).toHaveLength(2)
    for (const e of errors) {
      expect(e).toBeInstanceOf(UnsealError)
      expect(e.message).toMatch(want)
    }
  })

  test('a wrong key says so, keeps the key non-enumerable, and never serializes it', async () => {
    const sealed = await seal('x', key)
    const entry = { key: otherKey, algorithm: aes }
    const error = (await unseal(sealed, [entry]).catch((e: unknown) => e)) as UnsealAggregateError
    const [first] = error.errors
    expect(first?.key).toBe(entry)
    expect(Object.keys(first as object)).not.toContain('key')
    const hex = Buffer.from(otherKey).toString('hex')
    const b64 = Buffer.from(otherKey).toString('base64')
    for (const text of [
      JSON.stringify(error),
      JSON.stringify(first),
      inspect(error, { depth: 10 }),
      String(error),
    ]) {
      expect(text).not.toContain(hex)
      expect(text).not.toContain(b64)
      expect(text).not.toContain(String(otherKey[0]) + ',' + String(otherKey[1]))
    }
  })

  test('a key of the wrong length is a per-key failure, not a crash', async () => {
    const sealed = await seal('x', key)
    const error = (await unseal(sealed, [{ key: new Uint8Array(16), algorithm: aes }]).catch(
      (e: unknown) => e,
    )) as UnsealAggregateError
    expect(error.errors[0]?.message).toMatch(/32 bytes/)
  })

  test('valid encryption of data that is not deflate-raw is reported', async () => {
    const nonce = new Uint8Array(12)
    const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt'])
    const enc = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: nonce },
        k,
        new Uint8Array([0xff, 0xff, 0xff]),
      ),
    )
    await expect(
      unsealAes256Gcm(new Uint8Array([...SEALED_HEADER, ...nonce, ...enc]), key),
    ).rejects.toThrow(/could not be decompressed/)
  })

  test.each([
    {
      name: 'no keys',
      data: new Uint8Array(40),
      keys: [],
      want: /decryptionKeys must be a non-empty array/,
    },
    {
      name: 'keys not an array',
      data: new Uint8Array(40),
      keys: 'k',
      want: /decryptionKeys must be a non-empty array/,
    },
    {
      name: 'unknown algorithm',
      data: new Uint8Array(40),
      keys: [{ key, algorithm: 'aes-128-cbc' }],
      want: /decryptionKeys\[0\]\.algorithm must be 'aes-256-gcm'/,
    },
    {
      name: 'key not bytes',
      data: new Uint8Array(40),
      keys: [{ key: 12, algorithm: aes }],
      want: /decryptionKeys\[0\]\.key must be/,
    },
    {
      name: 'data not bytes',
      data: 12,
      keys: [{ key, algorithm: aes }],
      want: /sealedData must be/,
    },
  ])('bad arguments: $name', async ({ data, keys, want }) => {
    await expect(unseal(data, keys as never)).rejects.toThrow(want)
    await expect(unseal(data, keys as never)).rejects.toBeInstanceOf(TypeError)
  })
})
