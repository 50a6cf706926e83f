import { expect, test } from 'vitest'
import { unseal } from '@fpapi/client-core'

const sealed = new Uint8Array([0x9e, 0x85, 0xdc, 0xed, ...new Array<number>(40).fill(0)])
const key = { key: new Uint8Array(32), algorithm: 'aes-256-gcm' as const }

// A hole used to be skipped by the argument check and tried as a key (`undefined`), failing as
// "Invalid sealed data header" or "Cannot read properties of undefined" inside an UnsealError.
test.each([
  { keys: [, key], name: 'decryptionKeys[0]' },
  { keys: [key, , key], name: 'decryptionKeys[1]' },
])(
  'a hole in decryptionKeys: TypeError naming $name before any decryption',
  async ({ keys, name }) => {
    await expect(unseal(sealed, keys as never)).rejects.toThrow(
      new TypeError(`${name} must be an object { key, algorithm }`),
    )
  },
)
