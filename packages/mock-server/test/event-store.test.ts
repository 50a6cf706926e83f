import { describe, expect, it } from 'vitest'
import { EventStore, generateEvents } from '@fpapi/mock-server'

const NOW = Date.UTC(2026, 0, 10)

function seeded() {
  const store = new EventStore({ now: () => NOW })
  store.insert(generateEvents({ seed: 4, events: 60, visitors: 9, now: NOW }))
  return store
}

describe('EventStore', () => {
  it('lists newest first and returns copies', () => {
    const store = seeded()
    const list = store.list()
    expect(list).toHaveLength(60)
    expect(list.map((e) => e.timestamp)).toEqual(
      [...list.map((e) => e.timestamp)].sort((a, b) => b - a),
    )
    list[0]!.linked_id = 'mutated outside'
    expect(store.get(list[0]!.event_id)!.linked_id).not.toBe('mutated outside')
  })

  it('merges tags key by key and replaces linked_id and suspect', () => {
    const store = seeded()
    const id = store.list()[0]!.event_id
    store.update(id, { tags: { a: 1 } })
    store.update(id, { tags: { b: 2 }, linked_id: 'L', suspect: true })
    expect(store.get(id)).toMatchObject({
      tags: expect.objectContaining({ a: 1, b: 2 }),
      linked_id: 'L',
      suspect: true,
    })
    expect(store.update('missing', { suspect: true })).toBeUndefined()
  })

  it('deletes every event of a visitor', () => {
    const store = seeded()
    const visitor = store.visitorIds()[0]!
    const count = store.byVisitor(visitor).length
    expect(store.deleteVisitor(visitor)).toBe(count)
    expect(store.hasVisitor(visitor)).toBe(false)
    expect(store.size).toBe(60 - count)
    expect(store.deleteVisitor(visitor)).toBe(0)
  })

  it('relates visitors that share a high-recall ID', () => {
    const store = seeded()
    const related = store.visitorIds().filter((v) => store.relatedVisitors(v).length > 0)
    expect(related.length).toBeGreaterThan(0)
    for (const v of related) {
      for (const other of store.relatedVisitors(v))
        expect(store.relatedVisitors(other)).toContain(v)
    }
  })

  it('creates fresh events for a visitor at the current time', () => {
    const store = seeded()
    const visitor = store.visitorIds()[0]!
    const before = store.byVisitor(visitor).length
    const created = store.create({ visitorId: visitor, linked_id: 'fresh' })
    expect(created.timestamp).toBe(NOW)
    expect(created.event_id.startsWith(`${NOW}.`)).toBe(true)
    expect(created.identification).toMatchObject({ visitor_id: visitor, visitor_found: true })
    expect(store.byVisitor(visitor)).toHaveLength(before + 1)
    const second = store.create({ visitorId: visitor })
    expect(second.timestamp).toBe(NOW + 1)
  })

  it('rejects malformed inserts with a TypeError', () => {
    const store = new EventStore()
    expect(() => store.insert({} as never)).toThrow(TypeError)
  })
})

describe('EventStore argument checks', () => {
  it('rejects a bad limit with a TypeError naming it', () => {
    expect(() => seeded().list({ limit: -1 })).toThrow(/options\.limit/)
  })
})

describe('server.reset', () => {
  it('restores the seeded store and clears faults', async () => {
    const { startMockServer } = await import('@fpapi/mock-server')
    const server = await startMockServer({ seed: 6, events: 30, visitors: 4 })
    try {
      const ids = server.store.list().map((e) => e.event_id.split('.')[1])
      server.store.deleteVisitor(server.store.visitorIds()[0]!)
      server.store.create({ linked_id: 'extra' })
      server.faults.failNext(3)
      server.reset()
      expect(server.store.size).toBe(30)
      // Same seed: the same events (their timestamps move with the clock, the random parts do not).
      expect(server.store.list().map((e) => e.event_id.split('.')[1])).toEqual(ids)
      expect(server.faults.pending).toBe(0)
    } finally {
      await server.stop()
    }
  })
})
