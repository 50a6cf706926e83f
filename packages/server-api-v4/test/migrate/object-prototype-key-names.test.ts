import { describe, expect, it } from 'vitest'
import { toV3Event, toV3Webhook, toV4SearchFilter, toV4Update } from '@fpapi/server-api-v4/migrate'

// Keys such as `constructor`, `toString` or `__proto__` (JSON.parse makes the last one an own
// property) must be read as the unknown names they are, never as members of Object.prototype.
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

describe('mappers read only their own tables for key names', () => {
  it('toV3Event / toV3Webhook leave out raw device attributes named like Object.prototype members', () => {
    const raw = JSON.parse(
      `{${PROTOTYPE_NAMES.map((n) => `"${n}":{"value":1}`).join(',')},"fonts":["Arial"]}`,
    ) as Record<string, unknown>
    const event = { event_id: 'e1', timestamp: 1_700_000_000_000, raw_device_attributes: raw }
    const v3 = toV3Event(event as never)
    expect(Object.keys(v3.products.rawDeviceAttributes?.data ?? {})).toEqual(['fonts'])
    expect(Object.keys(v3.products.identification?.data?.components ?? {})).toEqual(['fonts'])
    expect(Object.keys(toV3Webhook(event as never).components ?? {})).toEqual(['fonts'])
    expect(Object.getPrototypeOf(v3.products.rawDeviceAttributes?.data)).toBe(Object.prototype)
  })

  it.each(PROTOTYPE_NAMES)(
    'toV4SearchFilter calls filter.%s unknown, even with dropUnsupported',
    (name) => {
      const filter = JSON.parse(`{"limit":5,"${name}":"x"}`) as never
      const warnings: string[] = []
      const call = () =>
        toV4SearchFilter(filter, { dropUnsupported: true, onWarning: (m) => warnings.push(m) })
      expect(call).toThrow(
        new TypeError(`filter.${name} is not a search filter of Server API v3 or v4`),
      )
      expect(warnings).toEqual([])
    },
  )

  it.each(PROTOTYPE_NAMES)('toV4Update names body.%s without a made-up v4 hint', (name) => {
    const body = JSON.parse(`{"${name}":"x"}`) as never
    expect(() => toV4Update(body)).toThrow(
      new TypeError(`body.${name} is not a v3 update field; expected linkedId, tag or suspect`),
    )
  })
})
