import { inspect } from 'node:util'
import { expect, test } from 'vitest'
import {
  createErrorFromResponse,
  DecryptionAlgorithm,
  RequestError,
  SdkError,
  unseal,
  UnsealAggregateError,
  UnsealError,
} from '@fpapi/client-core'

const SECRET = 'sk_live_echoed_by_a_proxy_0123456789'

/**
 * Every place a logger may print an error from. (`util.inspect`'s `getters: true` calls the class's
 * getters, as reading `error.response` does: asking for that prints what it returns.)
 */
function everyListing(error: unknown): string {
  return [
    inspect(error, { showHidden: true, depth: Infinity }),
    JSON.stringify(error),
    JSON.stringify(Object.getOwnPropertyNames(error)),
    inspect(structuredClone(error), { showHidden: true, depth: Infinity }),
  ].join('\n')
}

test('error.response (a server echo in its headers, a query key in its url) is readable but listed nowhere', async () => {
  const response = new Response('<html>bad gateway</html>', {
    status: 502,
    headers: { 'x-echo': `Bearer ${SECRET}` },
  })
  const error = await createErrorFromResponse(response, {
    extractError: () => undefined,
    redactText: (text) => text.split(SECRET).join('[REDACTED]'),
  })
  expect(error).toBeInstanceOf(RequestError)
  expect(error.response).toBe(response)
  expect(error.headers['x-echo']).toBe('Bearer [REDACTED]')
  expect(Object.getOwnPropertyNames(error)).not.toContain('response')
  expect(everyListing(error)).not.toContain(SECRET)
  // Still readable, as with the official SDKs.
  expect(await error.response.text()).toBe('<html>bad gateway</html>')
  expect(new SdkError('no response').response).toBeUndefined()
})

test('UnsealError.key (bytes, base64, hex) is readable but listed nowhere', async () => {
  const raw = new Uint8Array(32).fill(0x5a)
  const base64 = btoa(String.fromCharCode(...raw))
  const sealed = new Uint8Array([0x9e, 0x85, 0xdc, 0xed, ...new Array<number>(40).fill(1)])
  const entries = [
    { key: raw, algorithm: DecryptionAlgorithm.Aes256Gcm },
    { key: base64, algorithm: DecryptionAlgorithm.Aes256Gcm },
  ]
  const error = await unseal(sealed, entries).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UnsealAggregateError)
  const aggregate = error as UnsealAggregateError<(typeof entries)[number]>
  expect(aggregate.errors.map((e) => e.key)).toEqual(entries)
  expect(aggregate.errors[0]).toBeInstanceOf(UnsealError)
  const printed = everyListing(aggregate) + aggregate.errors.map(everyListing).join('\n')
  expect(printed).not.toContain(base64)
  expect(printed).not.toContain('90, 90, 90')
  expect(printed).not.toContain('5a 5a 5a')
  expect(Object.getOwnPropertyNames(aggregate.errors[0])).not.toContain('key')
})
