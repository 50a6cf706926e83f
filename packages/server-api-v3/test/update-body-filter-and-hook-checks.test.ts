import { expect, test, vi } from 'vitest'
import { FingerprintJsServerApiClient } from '@fpapi/server-api-v3'

function setup() {
  const fetch = vi.fn(async () => Response.json({ events: [], visits: [] }))
  const client = new FingerprintJsServerApiClient({ apiKey: 'k', fetch, retries: false })
  return { client, fetch }
}

// Before: a Date body was sent as a quoted string, a Map filter as no filter, NaN as `NaN`.
test('updateEvent rejects a Date body and a Map tag before any request', async () => {
  const { client, fetch } = setup()
  await expect(client.updateEvent(new Date(0) as never, 'r1')).rejects.toThrow(
    /body must be a plain object \(got a Date\)/,
  )
  await expect(client.updateEvent({ tag: new Map() as never }, 'r1')).rejects.toThrow(
    /body\.tag must be a plain object \(got a Map\)/,
  )
  expect(fetch).not.toHaveBeenCalled()
})

test.each([
  {
    call: 'searchEvents',
    run: (c: FingerprintJsServerApiClient) =>
      c.searchEvents({ limit: 1, ip_address: Number.NaN } as never),
  },
  {
    call: 'searchEvents (array)',
    run: (c: FingerprintJsServerApiClient) =>
      c.searchEvents({ limit: 1, environment: [Infinity] } as never),
  },
  {
    call: 'getVisits',
    run: (c: FingerprintJsServerApiClient) => c.getVisits('v1', new Map() as never),
  },
  {
    call: 'getRelatedVisitors',
    run: (c: FingerprintJsServerApiClient) => c.getRelatedVisitors(new Map() as never),
  },
])('$call rejects a non-finite number or a Map filter before any request', async ({ run }) => {
  const { client, fetch } = setup()
  await expect(run(client)).rejects.toThrow(TypeError)
  expect(fetch).not.toHaveBeenCalled()
})

test.each(['onRetry', 'sleep'])('the constructor rejects a %s that is not a function', (name) => {
  expect(() => new FingerprintJsServerApiClient({ apiKey: 'k', [name]: 'x' } as never)).toThrow(
    new TypeError(`${name} must be a function when given`),
  )
})
