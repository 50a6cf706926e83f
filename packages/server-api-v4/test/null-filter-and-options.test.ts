import { expect, test } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'
import { API_KEY, fakeFetch } from './helpers'

// Before: searchEvents(null) and getEvent(id, { ruleset_id: null }) were TypeErrors, while the
// official SDK treats null as "not given" (and ours already left null filter values out).

test('searchEvents(null) searches without filters, like searchEvents()', async () => {
  const { fetch, calls } = fakeFetch({ json: { events: [] } })
  const client = new FingerprintServerApiClient({ apiKey: API_KEY, fetch })
  await expect(client.searchEvents(null as never)).resolves.toEqual({ events: [] })
  expect(calls[0]!.url).toBe('https://api.fpjs.io/v4/events')
})

test('iterateEvents(null) walks all events without filters', async () => {
  const { fetch, calls } = fakeFetch({ json: { events: [{ event_id: 'a', timestamp: 1 }] } })
  const client = new FingerprintServerApiClient({ apiKey: API_KEY, fetch })
  const ids: string[] = []
  for await (const event of client.iterateEvents(null as never)) ids.push(event.event_id)
  expect(ids).toEqual(['a'])
  expect(calls[0]!.url).toBe('https://api.fpjs.io/v4/events')
})

test('getEvent with ruleset_id null leaves it out of the query', async () => {
  const { fetch, calls } = fakeFetch({ json: { event_id: 'e', timestamp: 1 } })
  const client = new FingerprintServerApiClient({ apiKey: API_KEY, fetch })
  await client.getEvent('e', { ruleset_id: null as never })
  expect(calls[0]!.url).toBe('https://api.fpjs.io/v4/events/e')
  await expect(client.getEvent('e', { ruleset_id: 5 as never })).rejects.toThrow(TypeError)
})
