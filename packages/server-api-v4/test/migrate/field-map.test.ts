import { describe, expect, it } from 'vitest'
import { EVENT_FIELD_MAP, RAW_ATTRIBUTE_KEYS } from '../../src/migrate/field-map'
import { toV3Event } from '../../src/migrate/to-v3-event'
import { fullBrowserEvent } from './fixtures/v4-events'

/** Reads `a.b[].c` (first array item) from an object. */
function read(root: unknown, path: string): unknown {
  let value: unknown = root
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]')
    const key = isArray ? part.slice(0, -2) : part
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
    if (isArray) value = Array.isArray(value) ? value[0] : undefined
  }
  return value
}

const v3 = toV3Event(fullBrowserEvent)

describe('EVENT_FIELD_MAP', () => {
  it('has the 205 v3 leaves, 135 with a v4 source, in the documented transform counts', () => {
    const counts: Record<string, number> = {}
    for (const entry of EVENT_FIELD_MAP)
      counts[entry.transform] = (counts[entry.transform] ?? 0) + 1
    expect(EVENT_FIELD_MAP).toHaveLength(205)
    expect(new Set(EVENT_FIELD_MAP.map((e) => e.v3)).size).toBe(205)
    expect(counts).toEqual({
      rename: 122,
      rename_enum: 2,
      ms_to_iso8601: 7,
      epoch_to_iso8601: 1,
      derive: 1,
      restructure: 2,
      none: 70,
    })
  })

  const mapped = EVENT_FIELD_MAP.filter((e) => e.v4 !== null && !e.v3.includes('{*}'))
  it.each(mapped.map((e) => [e.v3, e] as const))(
    'toV3Event puts %s where the table says',
    (_, entry) => {
      const source = read(fullBrowserEvent, entry.v4!)
      const target = read(v3, entry.v3)
      expect(source, `fixture lacks ${entry.v4}`).toBeDefined()
      expect(target, `output lacks ${entry.v3}`).toBeDefined()
      switch (entry.transform) {
        case 'rename':
          expect(target).toEqual(source)
          break
        case 'rename_enum':
          expect(target).toBe(
            (
              {
                not_detected: 'notDetected',
                good: 'good',
                bad: 'bad',
                residential: 'residential',
              } as Record<string, string>
            )[source as string],
          )
          break
        case 'ms_to_iso8601': {
          expect(target).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/)
          const parsed = Date.parse(target as string)
          // whole-second layouts truncate; the others keep the milliseconds
          expect((source as number) - parsed).toBeGreaterThanOrEqual(0)
          expect((source as number) - parsed).toBeLessThan(1000)
          break
        }
        case 'epoch_to_iso8601':
          expect(Date.parse(target as string)).toBe((source as number) * 1000)
          break
        case 'derive': {
          const b = source as Record<string, boolean>
          expect(target).toBe(Boolean(b.email_spam || b.attack_source || b.tor_node))
          break
        }
        default:
          throw new Error(`unexpected transform ${entry.transform}`)
      }
    },
  )

  it.each(
    EVENT_FIELD_MAP.filter((e) => e.transform === 'restructure').map((e) => [e.v3, e] as const),
  )('toV3Event restructures raw attributes into %s (open question 6)', (_, entry) => {
    const map = read(v3, entry.v3.split('.{*}')[0]!) as Record<string, { value: unknown }>
    const raw = fullBrowserEvent.raw_device_attributes as Record<string, unknown>
    for (const [key, value] of Object.entries(raw)) {
      const v3Key = RAW_ATTRIBUTE_KEYS[key]
      if (v3Key === undefined) {
        // v4-only attribute: no v3 name
        expect(Object.keys(map)).not.toContain(key)
        continue
      }
      const expected = key === 'canvas' ? { Winding: true, Geometry: 'c4a1', Text: '9f2e' } : value
      expect(map[v3Key]).toEqual({ value: expected })
    }
    expect(Object.keys(map)).toHaveLength(Object.keys(raw).length - 1)
  })

  const unmapped = EVENT_FIELD_MAP.filter((e) => e.transform === 'none' && !e.v3.includes('{*}'))
  it.each(unmapped.map((e) => [e.v3] as const))(
    'toV3Event cannot produce %s and leaves it out',
    (path) => {
      expect(read(v3, path)).toBeUndefined()
    },
  )
})
