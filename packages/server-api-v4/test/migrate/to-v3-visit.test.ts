import { describe, expect, it } from 'vitest'
import { toV3Event } from '../../src/migrate/to-v3-event'
import { toV3Visit } from '../../src/migrate/to-v3-visit'
import { androidEvent, fullBrowserEvent } from './fixtures/v4-events'

describe('toV3Visit', () => {
  it('holds the identification fields of toV3Event, without the event-only ones', () => {
    const visit = toV3Visit(fullBrowserEvent)
    const { visitorId, suspect, replayed, sdk, environmentId, ...shared } =
      toV3Event(fullBrowserEvent).products.identification!.data!
    expect(visit).toStrictEqual(shared)
    expect(visit).not.toHaveProperty('visitorId')
    expect([visitorId, suspect, replayed, sdk, environmentId]).not.toContain(undefined)
  })

  it('maps the visit fields', () => {
    const visit = toV3Visit(fullBrowserEvent)
    expect(visit.requestId).toBe(fullBrowserEvent.event_id)
    expect(visit.ip).toBe('203.0.113.77')
    expect(visit.linkedId).toBe('checkout-4471')
    expect(visit.tag).toEqual({ cart: 3, campaign: 'winter' })
    expect(visit.time).toBe('2025-11-10T13:25:34Z')
    expect(visit.components?.colorDepth).toEqual({ value: 30 })
  })

  it('uses defaults on mobile events', () => {
    const visit = toV3Visit(androidEvent)
    expect(visit.url).toBe('')
    expect(visit.browserDetails.os).toBe('Android')
    expect(visit).not.toHaveProperty('components')
  })

  it('rejects a non-event', () => {
    expect(() => toV3Visit({} as never)).toThrow(TypeError)
  })
})
