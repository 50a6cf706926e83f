import { expect, test, vi } from 'vitest'
import { FingerprintServerApiClient } from '@fpapi/server-api-v4'

function setup() {
  const fetch = vi.fn(async () => Response.json({ events: [] }))
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  return { client, fetch }
}

// Before: updateEvent only checked that the body was an object, so these went out as PATCH bodies
// the API rejects (or, for a Date, as a quoted string).
test.each([
  { body: { linked_id: 5 }, message: /body\.linked_id must be a string/ },
  { body: { suspect: 'yes' }, message: /body\.suspect must be a boolean/ },
  { body: { tags: 'vip' }, message: /body\.tags must be an object/ },
  { body: { tags: new Map() }, message: /body\.tags must be a plain object \(got a Map\)/ },
  { body: new Date(0), message: /body must be a plain object \(got a Date\)/ },
])('updateEvent rejects $body before any request', async ({ body, message }) => {
  const { client, fetch } = setup()
  await expect(client.updateEvent('e1', body as never)).rejects.toThrow(message)
  expect(fetch).not.toHaveBeenCalled()
})

test('updateEvent still sends valid and unknown fields as given', async () => {
  const { client, fetch } = setup()
  await client.updateEvent('e1', { linked_id: 'o-1', suspect: false, tags: { a: 1 } })
  await client.updateEvent('e1', { future_field: 1 } as never)
  expect(fetch).toHaveBeenCalledTimes(2)
})

// Before: NaN and Infinity were sent as `start=NaN`; a Map filter was sent as no filter at all.
test.each([
  { filter: { start: Number.NaN }, message: /filter\.start must be a string, finite number/ },
  { filter: { end: Infinity }, message: /filter\.end must be a string, finite number/ },
  { filter: { environment: [Number.NaN] }, message: /filter\.environment/ },
  { filter: new Map([['bot', 'bad']]), message: /filter must be a plain object \(got a Map\)/ },
])('searchEvents rejects $filter before any request', async ({ filter, message }) => {
  const { client, fetch } = setup()
  await expect(client.searchEvents(filter as never)).rejects.toThrow(message)
  expect(() => client.iterateEvents(filter as never)).toThrow(message)
  expect(fetch).not.toHaveBeenCalled()
})

// Before: accepted, and failed inside a retry (sleep, now, random) or silently never ran (onRetry).
test.each(['onRetry', 'sleep', 'now', 'random'])(
  'the constructor rejects a %s that is not a function',
  (name) => {
    expect(() => new FingerprintServerApiClient({ apiKey: 'k', [name]: 5 } as never)).toThrow(
      new TypeError(`${name} must be a function when given`),
    )
  },
)

// Before: a URLSearchParams passed as getEvent options had its methods walked as query parameters.
test('getEvent rejects options that are not a plain object before any request', async () => {
  const { client, fetch } = setup()
  await expect(
    client.getEvent('e1', new URLSearchParams('ruleset_id=rs_1') as never),
  ).rejects.toThrow(/options must be a plain object \(got a URLSearchParams\)/)
  expect(fetch).not.toHaveBeenCalled()
})
