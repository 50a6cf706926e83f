import { FingerprintServerApiClient, Region } from '@fingerprint/node-sdk'
import {
  FingerprintJsServerApiClient,
  Region as RegionV3,
} from '@fingerprintjs/fingerprintjs-pro-server-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockServer } from '@fpapi/mock-server'

let server: MockServer
let v4: FingerprintServerApiClient
let v3: FingerprintJsServerApiClient

beforeAll(async () => {
  server = await startMockServer({ seed: 5, visitors: 8, events: 90, rateLimit: false })
  v4 = new FingerprintServerApiClient({
    apiKey: server.apiKey,
    region: Region.Global,
    fetch: server.fetch,
  })
  v3 = new FingerprintJsServerApiClient({
    apiKey: server.apiKey,
    region: RegionV3.Global,
    fetch: server.fetch,
  })
})
afterAll(() => server.stop())

describe('one store behind both versions', () => {
  it('an update through v3 is read through v4', async () => {
    const id = server.store.list()[2]!.event_id
    await v3.updateEvent({ linkedId: 'from-v3', tag: { source: 'v3' }, suspect: true }, id)
    const event = await v4.getEvent(id)
    expect(event.linked_id).toBe('from-v3')
    expect(event.suspect).toBe(true)
    expect(event.tags).toMatchObject({ source: 'v3' })
  })

  it('an update through v4 is read through v3 (event, search and history)', async () => {
    const stored = server.store.list()[4]!
    await v4.updateEvent(stored.event_id, { linked_id: 'from-v4', tags: { source: 'v4' } })
    const event = await v3.getEvent(stored.event_id)
    expect(event.products.identification?.data).toMatchObject({
      linkedId: 'from-v4',
      tag: { source: 'v4' },
    })
    const search = await v3.searchEvents({ limit: 10, linked_id: 'from-v4' })
    expect(search.events?.map((e) => e.products.identification?.data?.requestId)).toEqual([
      stored.event_id,
    ])
    const visits = await v3.getVisits(stored.identification!.visitor_id, { linked_id: 'from-v4' })
    expect(visits.visits.map((v) => v.requestId)).toEqual([stored.event_id])
  })

  it('a visitor deleted through v4 is gone through v3', async () => {
    const visitor = server.store.visitorIds()[1]!
    const ids = server.store.byVisitor(visitor).map((e) => e.event_id)
    await v4.deleteVisitorData(visitor)
    for (const id of ids) await expect(v3.getEvent(id)).rejects.toMatchObject({ statusCode: 404 })
    expect((await v3.getVisits(visitor)).visits).toEqual([])
    expect((await v3.searchEvents({ limit: 100, visitor_id: visitor })).events ?? []).toEqual([])
  })

  it('a visitor deleted through v3 is gone through v4', async () => {
    const visitor = server.store.visitorIds()[0]!
    const id = server.store.byVisitor(visitor)[0]!.event_id
    await v3.deleteVisitorData(visitor)
    await expect(v4.getEvent(id)).rejects.toMatchObject({
      statusCode: 404,
      errorCode: 'event_not_found',
    })
    const all = await v4.searchEvents({ limit: 100 })
    expect(all.events.some((e) => e.identification?.visitor_id === visitor)).toBe(false)
  })

  it('loses no update when many arrive at once through both versions', async () => {
    const id = server.store.list()[6]!.event_id
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0
          ? v4.updateEvent(id, { tags: { [`t${i}`]: i } })
          : v3.updateEvent({ tag: { [`t${i}`]: i } }, id),
      ),
    )
    const tags = (await v4.getEvent(id)).tags as Record<string, number>
    for (let i = 0; i < 100; i++) expect(tags[`t${i}`]).toBe(i)
  })

  it('an event inserted into the store is visible through both versions', async () => {
    const created = server.store.create({
      visitorId: server.store.visitorIds()[2]!,
      linked_id: 'inserted',
    })
    expect(await v4.getEvent(created.event_id)).toEqual(created)
    const v3Event = await v3.getEvent(created.event_id)
    expect(v3Event.products.identification?.data?.linkedId).toBe('inserted')
    expect(server.contractViolations).toEqual([])
  })
})
