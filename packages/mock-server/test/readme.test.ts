import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'

// The README's quick start, kept runnable.
let server: MockServer
beforeAll(async () => (server = await startMockServer({ seed: 42 })))
afterAll(() => server.stop())

it('reads an event through v4', async () => {
  const [latest] = server.store.list({ limit: 1 })
  const res = await fetch(`${server.v4BaseUrl}/events/${latest!.event_id}`, {
    headers: { Authorization: `Bearer ${server.apiKey}` },
  })
  expect(await res.json()).toEqual(latest)
})
