/// <reference types="node" />
/**
 * Against the project's mock server (@fpapi/mock-server, spec-validated, strict mode): the client's
 * requests must pass the server's validation of specs/server-api-v3.yaml, its responses must be
 * read back as the spec describes, and a program written for the official v6 SDK must give the
 * same results with the official SDK and with ours on two identically seeded servers.
 */
import * as official from '@fingerprintjs/fingerprintjs-pro-server-api'
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as ours from '../src/index'
import { FingerprintJsServerApiClient, RequestError, type Visit } from '../src/index'

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0)
const options = { seed: 7, visitors: 3, events: 1_300, now: () => NOW, rateLimit: false as const }

let server: MockServer
let client: FingerprintJsServerApiClient
beforeAll(async () => {
  server = await startMockServer(options)
  client = new FingerprintJsServerApiClient({ apiKey: server.apiKey, baseUrl: server.v3BaseUrl })
})
afterAll(() => server.stop())

const busiest = () =>
  server.store
    .visitorIds()
    .map((id) => ({ id, count: server.store.byVisitor(id).length }))
    .sort((a, b) => b.count - a.count)[0]!

describe('our client against the mock server', () => {
  test('history of a visitor with more events than one scan: iterateVisits reads them all', async () => {
    const { id, count } = busiest()
    expect(count).toBeGreaterThan(100)
    const first = await client.getVisits(id)
    expect(first.visits).toHaveLength(100)
    expect(first.paginationKey).toBeTypeOf('string')
    const all: Visit[] = []
    for await (const visit of client.iterateVisits(id, { limit: 37 })) all.push(visit)
    expect(all).toHaveLength(count)
    expect(new Set(all.map((v) => v.requestId)).size).toBe(count)
    const times = all.map((v) => v.timestamp)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(server.contractViolations).toEqual([])
  })

  test('search pages and every call pass the spec validation', async () => {
    const { id, count } = busiest()
    const events = []
    for await (const event of client.iterateEvents({ limit: 50, visitor_id: id }))
      events.push(event)
    // Seeded events all fall in the last 6 days, inside search's default 7-day window.
    expect(events).toHaveLength(count)
    const requestId = events[0]!.products.identification!.data!.requestId
    await client.updateEvent({ linkedId: 'mock-order', tag: { k: 'v' }, suspect: true }, requestId)
    const updated = await client.getEvent(requestId)
    expect(updated.products.identification!.data!.linkedId).toBe('mock-order')
    const filtered = await client.searchEvents({
      limit: 5,
      environment: ['ae_1', 'ae_2'],
      suspect: true,
    })
    expect(Array.isArray(filtered.events ?? [])).toBe(true)
    const related = await client.getRelatedVisitors({ visitor_id: id })
    expect(Array.isArray(related.relatedVisitors)).toBe(true)
    const missing = await client.getEvent('no-such-request').catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(RequestError)
    expect((missing as RequestError).statusCode).toBe(404)
    expect(server.contractViolations).toEqual([])
  })
})

/** A program written for the official v6 SDK (only the module differs between runs). */
async function program(sdk: typeof official, mock: MockServer) {
  const fetchToMock = ((input: string, init?: RequestInit) =>
    fetch(
      String(input).replace(/^https:\/\/(eu\.|ap\.)?api\.fpjs\.io/, mock.url),
      init,
    )) as typeof fetch
  const client = new sdk.FingerprintJsServerApiClient({ apiKey: mock.apiKey, fetch: fetchToMock })
  const out: unknown[] = []
  const attempt = async (label: string, run: () => Promise<unknown>) => {
    try {
      out.push([label, await run()])
    } catch (e) {
      if (e instanceof sdk.RequestError) out.push([label, e.statusCode, e.errorCode, e.message])
      else out.push([label, 'unexpected', String(e)])
    }
  }
  const visitorId = mock.store.visitorIds().sort()[0]!
  const history = await client.getVisits(visitorId, { limit: 3 })
  out.push(['history', history])
  const requestId = history.visits[0]!.requestId
  await attempt('event', () => client.getEvent(requestId))
  await attempt('next', () =>
    client.getVisits(visitorId, { limit: 3, paginationKey: history.paginationKey }),
  )
  await attempt('linked', () => client.getVisitorHistory(visitorId, { linked_id: 'nope' }))
  await attempt('search', () =>
    client.searchEvents({ limit: 4, visitor_id: visitorId, reverse: true }),
  )
  await attempt('search bad', () => client.searchEvents({ limit: 4, bot: 'weird' as 'all' }))
  await attempt('update', () => client.updateEvent({ linkedId: 'x-1' }, requestId))
  await attempt('after update', () => client.getEvent(requestId))
  await attempt('missing', () => client.getEvent('missing-id'))
  await attempt('related', () => client.getRelatedVisitors({ visitor_id: visitorId }))
  await attempt('delete', () => client.deleteVisitorData(visitorId))
  await attempt('after delete', () => client.getVisits(visitorId))
  const wrong = new sdk.FingerprintJsServerApiClient({
    apiKey: mock.apiKeys.eu,
    fetch: fetchToMock,
  })
  await attempt('wrong region', () => wrong.getEvent(requestId))
  return out
}

test('a program written for the official v6 SDK gives the same results with ours', async () => {
  const a = await startMockServer(options)
  const b = await startMockServer(options)
  try {
    const withOfficial = await program(official, a)
    const withOurs = await program(ours as unknown as typeof official, b)
    expect(withOurs).toEqual(withOfficial)
    expect(
      withOfficial.filter((entry) => (entry as unknown[]).length === 4).length,
    ).toBeGreaterThan(1)
  } finally {
    await a.stop()
    await b.stop()
  }
}, 20_000)
