import { expect, test } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'
import { API_KEY, fakeFetch } from './helpers'

// Before: headers were merged as object keys, so a user's `accept` or `content-type` in another
// case than ours was sent joined to ours (`application/json, text/plain`), and a `Content-Type`
// in defaultHeaders was overwritten by ours on updateEvent. The official SDK sends the user's value.

test('a defaultHeaders entry replaces the default of the same name in any case', async () => {
  const { fetch, calls } = fakeFetch({ json: { event_id: 'e', timestamp: 1 } })
  const client = new FingerprintServerApiClient({
    apiKey: API_KEY,
    fetch,
    defaultHeaders: { accept: 'text/plain', 'USER-AGENT': 'my-app/1.0' },
  })
  await client.getEvent('e')
  const sent = new Headers(calls[0]!.headers)
  expect(sent.get('accept')).toBe('text/plain')
  expect(sent.get('user-agent')).toBe('my-app/1.0')
  expect(sent.get('authorization')).toBe(`Bearer ${API_KEY}`)
})

test.each([
  ['defaultHeaders, lower case', { 'content-type': 'application/merge-patch+json' }, undefined],
  ['defaultHeaders, usual case', { 'Content-Type': 'application/merge-patch+json' }, undefined],
  ['per call', undefined, { 'CONTENT-TYPE': 'application/merge-patch+json' }],
])('a Content-Type from %s is what updateEvent sends', async (_, defaultHeaders, headers) => {
  const { fetch, calls } = fakeFetch({ status: 200, text: '' })
  const client = new FingerprintServerApiClient({ apiKey: API_KEY, fetch, defaultHeaders })
  await client.updateEvent('e', { suspect: true }, { headers })
  expect(new Headers(calls[0]!.headers).get('content-type')).toBe('application/merge-patch+json')
})

test('without one, updateEvent still sends application/json; a per-call header beats a default', async () => {
  const { fetch, calls } = fakeFetch({ status: 200, text: '' })
  const client = new FingerprintServerApiClient({
    apiKey: API_KEY,
    fetch,
    defaultHeaders: { 'X-Team': 'a' },
  })
  await client.updateEvent('e', { suspect: true }, { headers: { 'x-team': 'b' } })
  const sent = new Headers(calls[0]!.headers)
  expect(sent.get('content-type')).toBe('application/json')
  expect(sent.get('x-team')).toBe('b')
})

test('a lower-case authorization in defaultHeaders replaces the key instead of joining it', async () => {
  const { fetch, calls } = fakeFetch({ json: { event_id: 'e', timestamp: 1 } })
  const client = new FingerprintServerApiClient({
    apiKey: API_KEY,
    fetch,
    defaultHeaders: { authorization: 'Bearer from-a-proxy' },
  })
  await client.getEvent('e')
  expect(new Headers(calls[0]!.headers).get('authorization')).toBe('Bearer from-a-proxy')
})
