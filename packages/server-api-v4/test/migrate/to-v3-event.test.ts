import { describe, expect, it } from 'vitest'
import { toV3Event, V3_DEFAULTS } from '../../src/migrate/to-v3-event'
import { androidEvent, fullBrowserEvent, minimalEvent } from './fixtures/v4-events'

describe('toV3Event', () => {
  it('formats times like the v3 view of the mock server: seconds, botd time with milliseconds', () => {
    const { products } = toV3Event({ ...fullBrowserEvent, timestamp: 1655373953090 })
    expect(products.identification?.data?.time).toBe('2022-06-16T10:05:53Z')
    expect(products.botd?.data?.time).toBe('2022-06-16T10:05:53.090Z')
    expect(products.identification?.data?.firstSeenAt).toEqual({
      global: '2025-10-09T08:53:20Z',
      subscription: '2025-10-09T08:53:20Z',
    })
    expect(products.proxy?.data?.details?.lastSeenAt).toBe('2025-11-09T14:00:00Z')
  })

  it('fills global and subscription seen-at with the single v4 value, null when absent (open question 2)', () => {
    const ident = toV3Event(minimalEvent).products.identification?.data
    expect(ident?.firstSeenAt).toEqual({ global: null, subscription: null })
    expect(ident?.lastSeenAt).toEqual({ global: null, subscription: null })
  })

  it('maps confidence.version to revision (open question 3)', () => {
    expect(toV3Event(fullBrowserEvent).products.identification?.data?.confidence).toEqual({
      score: 0.97,
      revision: 'v1.3',
      comment: 'seen on this device before',
    })
  })

  it.each([
    [{ email_spam: false, attack_source: false, tor_node: false }, false],
    [{ email_spam: true }, true],
    [{ attack_source: true }, true],
    [{ tor_node: true }, true],
  ])(
    'derives ipBlocklist.result from %j as %s, Tor included (open question 4)',
    (ip_blocklist, want) => {
      const { products } = toV3Event({ ...minimalEvent, ip_blocklist })
      expect(products.ipBlocklist?.data?.result).toBe(want)
      expect(products.tor?.data?.result).toBe((ip_blocklist as { tor_node?: boolean }).tor_node)
    },
  )

  it.each([
    ['seconds', 1741000000, 1741000000, '2025-03-03T11:06:40Z'],
    ['milliseconds', 1741000000999, 1741000000, '2025-03-03T11:06:40Z'],
    ['zero (not detected)', 0, 0, '1970-01-01T00:00:00Z'],
  ])('reads factory_reset_timestamp given in %s (open question 5)', (_, given, seconds, time) => {
    const { products } = toV3Event({ ...minimalEvent, factory_reset_timestamp: given })
    expect(products.factoryReset?.data).toEqual({ timestamp: seconds, time })
  })

  it('gives v3-required fields their documented defaults on a mobile event (open questions 7, 8)', () => {
    const { products } = toV3Event(androidEvent)
    const ident = products.identification?.data
    expect(ident?.browserDetails).toEqual({
      browserName: 'Android app',
      browserMajorVersion: '',
      browserFullVersion: '',
      os: 'Android',
      osVersion: '14',
      device: 'Pixel 8',
      userAgent: '',
    })
    expect(ident?.url).toBe('')
    expect(ident?.incognito).toBe(false)
    expect(ident?.tag).toEqual({})
    expect(ident?.replayed).toBe(false)
    expect(products.vpn?.data).toEqual({
      result: false,
      confidence: V3_DEFAULTS.confidence,
      originTimezone: '',
      originCountry: 'DE',
      methods: {
        timezoneMismatch: false,
        publicVPN: false,
        auxiliaryMobile: false,
        osMismatch: false,
        relay: false,
      },
    })
    expect(products.rootApps?.data?.result).toBe(true)
  })

  it('defaults vpn.originCountry to "unknown" on browser events', () => {
    const { vpn_origin_country: _, ...browser } = fullBrowserEvent
    expect(toV3Event(browser).products.vpn?.data?.originCountry).toBe('unknown')
  })

  it('sets both incognito flags from the one v4 field (open question 9)', () => {
    const { products } = toV3Event(fullBrowserEvent)
    expect(products.identification?.data?.incognito).toBe(true)
    expect(products.incognito?.data?.result).toBe(true)
  })

  it('leaves out proxy details of type "unknown", which v3 cannot spell (open question 17)', () => {
    expect(toV3Event(androidEvent).products.proxy?.data).toStrictEqual({
      result: false,
      confidence: 'low',
    })
  })

  it('passes sdk.platform "unknown" through (v3 platform was a free string)', () => {
    const { products } = toV3Event({ ...minimalEvent, sdk: { platform: 'unknown', version: '1' } })
    expect(products.identification?.data?.sdk).toEqual({ platform: 'unknown', version: '1' })
  })

  it('builds botd only when v4 sent a bot result (open question 20)', () => {
    expect(toV3Event(androidEvent).products.botd).toBeUndefined()
    expect(toV3Event({ ...minimalEvent, bot: 'bad' }).products.botd?.data?.bot).toEqual({
      result: 'bad',
    })
  })

  it('never produces per-product error objects or products v4 lacks (open question 13)', () => {
    const { products } = toV3Event(fullBrowserEvent)
    for (const product of Object.values(products)) expect(product).not.toHaveProperty('error')
    expect(products.remoteControl).toBeUndefined()
    expect(products.highActivity?.data).toEqual({ result: true })
  })

  it('builds only identification from a minimal event', () => {
    expect(toV3Event(minimalEvent)).toEqual({
      products: {
        identification: {
          data: {
            visitorId: '',
            requestId: '1762781300000.MinEvt',
            browserDetails: {
              browserName: 'Other',
              browserMajorVersion: '',
              browserFullVersion: '',
              os: '',
              osVersion: '',
              device: '',
              userAgent: '',
            },
            incognito: false,
            ip: '',
            timestamp: 1762781300000,
            time: '2025-11-10T13:28:20Z',
            url: '',
            tag: {},
            visitorFound: false,
            firstSeenAt: { global: null, subscription: null },
            lastSeenAt: { global: null, subscription: null },
            replayed: false,
          },
        },
      },
    })
  })

  it('keeps velocity metrics v4 omitted as empty objects, which v3 required', () => {
    const { products } = toV3Event({
      ...minimalEvent,
      velocity: { events: { '5_minutes': 1, '1_hour': 2 } },
    })
    expect(products.velocity?.data?.events).toEqual({ intervals: { '5m': 1, '1h': 2 } })
    expect(products.velocity?.data?.distinctLinkedId).toEqual({})
  })

  it('passes the confidence score through unchanged (open question 21)', () => {
    const score = toV3Event({
      ...minimalEvent,
      identification: { visitor_id: 'v', visitor_found: true, confidence: { score: 0.123 } },
    }).products.identification?.data?.confidence
    expect(score).toStrictEqual({ score: 0.123 })
  })

  it('produces no supplementary ids: the v3 event API had none (open question 19, see toV3Webhook)', () => {
    expect(JSON.stringify(toV3Event(fullBrowserEvent))).not.toMatch(/supplementary|highRecall/i)
  })

  it('ignores v4 fields newer than this package (open question 16)', () => {
    const withExtra = { ...minimalEvent, active_call: true, source: 'edge' } as typeof minimalEvent
    expect(toV3Event(withExtra)).toEqual(toV3Event(minimalEvent))
  })

  it.each([
    [null, 'event must be a v4 event object'],
    [[], 'event must be a v4 event object'],
    [{ timestamp: 1 }, 'event.event_id must be a string'],
    [{ event_id: 'x', timestamp: '1' }, 'event.timestamp must be Unix milliseconds'],
  ])('rejects %j with a TypeError', (given, message) => {
    expect(() => toV3Event(given as never)).toThrow(new RegExp(message.replace(/\./g, '\\.')))
    expect(() => toV3Event(given as never)).toThrow(TypeError)
  })
})
