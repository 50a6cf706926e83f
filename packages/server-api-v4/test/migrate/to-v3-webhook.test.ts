import { describe, expect, it } from 'vitest'
import { toV3Webhook } from '../../src/migrate/to-v3-webhook'
import { fullBrowserEvent, minimalEvent } from './fixtures/v4-events'

describe('toV3Webhook', () => {
  const w = toV3Webhook(fullBrowserEvent)

  it.each([
    ['requestId', w.requestId, fullBrowserEvent.event_id],
    ['url', w.url, fullBrowserEvent.url],
    ['ip', w.ip, fullBrowserEvent.ip_address],
    ['environmentId', w.environmentId, fullBrowserEvent.environment_id],
    ['tag', w.tag, fullBrowserEvent.tags],
    ['timestamp', w.timestamp, fullBrowserEvent.timestamp],
    ['linkedId', w.linkedId, fullBrowserEvent.linked_id],
    ['visitorId', w.visitorId, fullBrowserEvent.identification.visitor_id],
    ['visitorFound', w.visitorFound, true],
    ['confidence.score', w.confidence?.score, 0.97],
    ['userAgent', w.userAgent, fullBrowserEvent.user_agent],
    ['clientReferrer', w.clientReferrer, fullBrowserEvent.client_referrer],
    ['bot.result', w.bot?.result, 'notDetected'],
    ['tor.result', w.tor?.result, false],
    ['vpn.originCountry', w.vpn?.originCountry, 'JP'],
    ['highActivity.result', w.highActivity?.result, true],
    ['velocity.distinctIp.intervals.5m', w.velocity?.distinctIp?.intervals?.['5m'], 1],
    ['proximity.precisionRadius', w.proximity?.precisionRadius, 450],
    ['sdk', w.sdk, { platform: 'js', version: '4.1.2' }],
    [
      'supplementaryIds.standard.visitorId',
      w.supplementaryIds?.standard.visitorId,
      'Vb7kT0cWq2LrN5aZ1yHd',
    ],
    [
      'supplementaryIds.highRecall.visitorId',
      w.supplementaryIds?.highRecall.visitorId,
      'HrQ9aL2mZ8pX0vT4kJ1s',
    ],
    [
      'supplementaryIds.highRecall.confidence',
      w.supplementaryIds?.highRecall.confidence,
      { score: 0, revision: 'Not Supported' },
    ],
  ])('places %s', (_, got, want) => {
    expect(got).toEqual(want)
  })

  it('keeps milliseconds in time, as v3 webhooks did', () => {
    expect(w.time).toBe('2025-11-10T13:25:34.552Z')
  })

  it('has no data wrappers and no per-product errors', () => {
    expect(w.vpn).not.toHaveProperty('data')
    expect(JSON.stringify(w)).not.toMatch(/"error"/)
  })

  it('fills the required sdk and leaves out what v4 did not send', () => {
    expect(toV3Webhook(minimalEvent)).toStrictEqual({
      requestId: minimalEvent.event_id,
      url: '',
      ip: '',
      tag: {},
      time: '2025-11-10T13:28:20.000Z',
      timestamp: minimalEvent.timestamp,
      firstSeenAt: { global: null, subscription: null },
      lastSeenAt: { global: null, subscription: null },
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
      replayed: false,
      sdk: { platform: 'unknown', version: '' },
    })
  })
})
