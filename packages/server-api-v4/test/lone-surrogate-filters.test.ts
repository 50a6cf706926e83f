import { expect, test, vi } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'

const setup = () => {
  const fetch = vi.fn(async () => Response.json({ events: [] }))
  return { fetch, client: new FingerprintServerApiClient({ apiKey: 'unit-test-key-0001', fetch }) }
}

test('a filter with a lone surrogate is a TypeError naming the filter, before any request', async () => {
  const { fetch, client } = setup()
  await expect(client.searchEvents({ linked_id: 'order-\ud800' })).rejects.toThrow(
    new TypeError('filter.linked_id must be a well-formed Unicode string'),
  )
  await expect(client.searchEvents({ environment: ['prod', '\udc00'] })).rejects.toThrow(
    new TypeError('filter.environment[1] must be a well-formed Unicode string'),
  )
  expect(() => client.iterateEvents({ ip_address: '\ud800' })).toThrow(
    new TypeError('filter.ip_address must be a well-formed Unicode string'),
  )
  await expect(
    client.raw.GET('/events', { params: { query: { linked_id: '\ud800' } } }),
  ).rejects.toThrow(/query parameter linked_id must be a well-formed Unicode string/)
  expect(fetch).not.toHaveBeenCalled()
})

test('options and update bodies with lone surrogates are refused by name too', async () => {
  const { fetch, client } = setup()
  await expect(client.getEvent('ev-1', { ruleset_id: '\ud800' })).rejects.toThrow(
    new TypeError('options.ruleset_id must be a well-formed Unicode string'),
  )
  await expect(client.updateEvent('ev-1', { linked_id: '\udc00' })).rejects.toThrow(
    new TypeError('body.linked_id must be a well-formed Unicode string'),
  )
  expect(fetch).not.toHaveBeenCalled()
})

test('well-formed text outside the BMP goes through, percent-encoded', async () => {
  const { fetch, client } = setup()
  await client.searchEvents({ linked_id: 'order-\ud83d\ude00' })
  expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('linked_id=order-%F0%9F%98%80')
})
