import { describe, expect, it } from 'vitest'
import { generateEvents } from '@fpapi/mock-server'
import { spec as specV4 } from '../src/generated/server-api-v4.spec'
import { formatAjvErrors, getEventValidator, getOperations } from '../src/spec-operations'
import { toV3Products, toV3Visit } from '../src/v3-view'

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0)

describe('generateEvents', () => {
  it('is deterministic for a seed and a time', () => {
    const a = generateEvents({ seed: 42, events: 80, visitors: 9, now: NOW })
    const b = generateEvents({ seed: 42, events: 80, visitors: 9, now: NOW })
    expect(a).toEqual(b)
    expect(generateEvents({ seed: 43, events: 80, visitors: 9, now: NOW })).not.toEqual(a)
  })

  it('produces the requested sizes, newest first, with unique ids inside the default search window', () => {
    const events = generateEvents({ seed: 3, events: 150, visitors: 12, now: NOW })
    expect(events).toHaveLength(150)
    expect(new Set(events.map((e) => e.event_id)).size).toBe(150)
    expect(new Set(events.map((e) => e.identification?.visitor_id)).size).toBe(12)
    for (let i = 1; i < events.length; i++) {
      expect(events[i - 1]!.timestamp).toBeGreaterThan(events[i]!.timestamp)
    }
    for (const e of events) {
      expect(e.event_id.startsWith(`${e.timestamp}.`)).toBe(true)
      expect(NOW - e.timestamp).toBeGreaterThanOrEqual(10 * 60_000)
      expect(NOW - e.timestamp).toBeLessThan(7 * 24 * 3_600_000)
    }
  })

  it('keeps per-visitor history consistent (visitor_found, first/last seen)', () => {
    const events = generateEvents({ seed: 5, events: 120, visitors: 10, now: NOW })
    const byVisitor = new Map<string, typeof events>()
    for (const e of [...events].reverse()) {
      const id = e.identification!.visitor_id
      byVisitor.set(id, [...(byVisitor.get(id) ?? []), e])
    }
    for (const history of byVisitor.values()) {
      history.forEach((e, i) => {
        expect(e.identification!.visitor_found).toBe(i > 0)
        expect(e.identification!.first_seen_at).toBe(history[0]!.timestamp)
        expect(e.identification!.last_seen_at).toBe(i > 0 ? history[i - 1]!.timestamp : undefined)
      })
    }
  })

  it('every generated event validates against the v4 Event schema', () => {
    const check = getEventValidator()
    for (const seed of [1, 2, 3]) {
      for (const e of generateEvents({ seed, events: 300, visitors: 25, now: NOW })) {
        const ok = check.validate(e)
        expect(ok, `${e.event_id}: ${formatAjvErrors(check.validate.errors)}`).toBe(true)
      }
    }
  })

  it('every generated event renders as a valid v3 event and visit', () => {
    const v3 = getOperations('v3')
    const getEvent = v3.find((o) => o.operationId === 'getEvent')!.responses.get('200')!
    const visits = v3.find((o) => o.operationId === 'getVisits')!.responses.get('200')!
    const events = generateEvents({ seed: 9, events: 300, visitors: 25, now: NOW })
    for (const e of events) {
      const body = { products: toV3Products(e) }
      expect(getEvent.validate(body), formatAjvErrors(getEvent.validate.errors)).toBe(true)
    }
    const body = { visitorId: 'x', visits: events.map(toV3Visit) }
    expect(visits.validate(body), formatAjvErrors(visits.validate.errors)).toBe(true)
  })

  it('covers every property of the v4 Event schema and both web and mobile platforms', () => {
    const events = generateEvents({ seed: 1, events: 200, visitors: 20, now: NOW })
    const declared = Object.keys(specV4.components.schemas.Event.properties)
    const seen = new Set(events.flatMap((e) => Object.keys(e)))
    // rule_action exists only when getEvent evaluates a ruleset (see the v4 tests).
    const missing = declared.filter((p) => !seen.has(p) && p !== 'rule_action')
    expect(missing).toEqual([])
    const platforms = new Set(events.map((e) => e.sdk?.platform))
    expect([...platforms].sort()).toEqual(['android', 'ios', 'js'])
    // Each boolean Smart Signal shows both outcomes somewhere, so every search filter has matches.
    for (const signal of [
      'vpn',
      'proxy',
      'tampering',
      'incognito',
      'developer_tools',
      'privacy_settings',
      'virtual_machine',
      'root_apps',
      'emulator',
      'jailbroken',
      'simulator',
      'frida',
      'cloned_app',
      'location_spoofing',
      'mitm_attack',
      'high_activity_device',
      'rare_device',
    ] as const) {
      const values = new Set(events.map((e) => e[signal]).filter((v) => v !== undefined))
      expect([...values].sort(), signal).toEqual([false, true])
    }
    expect(new Set(events.map((e) => e.bot))).toEqual(
      new Set(['not_detected', 'good', 'bad', undefined]),
    )
  })

  it('rejects bad sizes with a TypeError naming the option', () => {
    expect(() => generateEvents({ events: -1 })).toThrow(/options\.events/)
    expect(() => generateEvents({ visitors: 1.5 })).toThrow(/options\.visitors/)
    expect(() => generateEvents({ visitors: 0, events: 3 })).toThrow(TypeError)
  })
})
