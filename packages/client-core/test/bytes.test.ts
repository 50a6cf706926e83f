/// <reference types="node" />
import { describe, expect, test } from 'vitest'
import { base64ToBytes, bytesToHex, toBytes } from '@fpapi/client-core'

const bytes = new Uint8Array([0xfb, 0xff, 0x01, 0x02])

describe('toBytes', () => {
  test.each([
    { name: 'Uint8Array', given: bytes },
    { name: 'Node Buffer', given: Buffer.from(bytes) },
    { name: 'ArrayBuffer', given: bytes.slice().buffer },
    {
      name: 'DataView on a slice',
      given: new DataView(new Uint8Array([9, ...bytes, 9]).buffer, 1, 4),
    },
    { name: 'Int8Array', given: new Int8Array(bytes.slice().buffer) },
    { name: 'base64', given: '+/8BAg==' },
    { name: 'base64 without padding', given: '+/8BAg' },
    { name: 'base64url', given: '-_8BAg' },
    { name: 'base64 with surrounding whitespace', given: ' +/8BAg==\n' },
  ])('$name', ({ given }) => {
    expect(bytesToHex(toBytes(given, 'sealedData'))).toBe('fbff0102')
  })

  test('utf8 strings', () => {
    expect(bytesToHex(toBytes('é', 'data', 'utf8'))).toBe('c3a9')
  })

  test.each([null, undefined, 42, {}, [1, 2], 'not base64!', 'abcde'])('rejects %j', (given) => {
    expect(() => toBytes(given, 'sealedData')).toThrow(TypeError)
    expect(() => toBytes(given, 'sealedData')).toThrow(/^sealedData /)
  })

  test('base64ToBytes of empty text', () => {
    expect(base64ToBytes('')).toEqual(new Uint8Array())
  })
})
