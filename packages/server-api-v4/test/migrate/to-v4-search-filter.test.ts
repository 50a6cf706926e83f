import { describe, expect, it, vi } from 'vitest'
import { toV4SearchFilter } from '../../src/migrate/to-v4-search-filter'

describe('toV4SearchFilter', () => {
  it.each([
    [
      'same-named filters are copied',
      { limit: 10, visitor_id: 'v', bot: 'bad', vpn: true, environment: ['a', 'b'] },
      { limit: 10, visitor_id: 'v', bot: 'bad', vpn: true, environment: ['a', 'b'] },
    ],
    [
      'exclusive v3 bounds become inclusive v4 bounds',
      { limit: 1, start: 1000, end: 2000 },
      { limit: 1, start: 1001, end: 1999 },
    ],
    [
      'pagination_key passes through',
      { limit: 1, pagination_key: 'opaque' },
      { limit: 1, pagination_key: 'opaque' },
    ],
    [
      'v4-only filters pass through',
      { limit: 1, tor_node: true, asn: '64500' },
      { limit: 1, tor_node: true, asn: '64500' },
    ],
    ['undefined values are left out', { limit: 1, suspect: undefined }, { limit: 1 }],
  ] as const)('%s', (_, given, want) => {
    expect(toV4SearchFilter(given as never, { onWarning: () => {} })).toStrictEqual(want)
  })

  it('lowers limit above 100 to 100 and says so', () => {
    const onWarning = vi.fn()
    expect(toV4SearchFilter({ limit: 250 }, { onWarning })).toStrictEqual({ limit: 100 })
    expect(onWarning).toHaveBeenCalledWith(
      expect.stringContaining('filter.limit 250 lowered to 100'),
    )
  })

  it.each(['ip_blocklist', 'datacenter', 'proximity_precision_radius'])(
    'rejects the removed filter %s by name (open question 11)',
    (name) => {
      const filter = { limit: 5, [name]: name === 'proximity_precision_radius' ? 450 : true }
      expect(() => toV4SearchFilter(filter as never)).toThrow(TypeError)
      expect(() => toV4SearchFilter(filter as never)).toThrow(
        `filter.${name} is not supported by Server API v4`,
      )
    },
  )

  it('drops removed filters with one warning each when asked', () => {
    const onWarning = vi.fn()
    const out = toV4SearchFilter(
      { limit: 5, datacenter: true, ip_blocklist: false, vpn: true },
      { dropUnsupported: true, onWarning },
    )
    expect(out).toStrictEqual({ limit: 5, vpn: true })
    expect(onWarning).toHaveBeenCalledTimes(2)
    expect(onWarning.mock.calls.map((c) => c[0])).toEqual([
      expect.stringMatching(/^filter\.datacenter dropped: /),
      expect.stringMatching(/^filter\.ip_blocklist dropped: /),
    ])
  })

  it('warns through console.warn when no onWarning is given', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    toV4SearchFilter({ limit: 1, datacenter: true }, { dropUnsupported: true })
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })

  it.each([
    [null, 'filter must be an object'],
    [{ limit: 0 }, 'filter.limit must be an integer >= 1'],
    [{ limit: 1.5 }, 'filter.limit must be an integer >= 1'],
    [{ limit: 1, start: '2025-01-01' }, 'filter.start must be Unix milliseconds'],
    [{ limit: 1, paginationKey: 'x' }, 'filter.paginationKey is not a search filter'],
  ])('rejects %j with a TypeError', (given, message) => {
    expect(() => toV4SearchFilter(given as never)).toThrow(TypeError)
    expect(() => toV4SearchFilter(given as never)).toThrow(message)
  })
})
