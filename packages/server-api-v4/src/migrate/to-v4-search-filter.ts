import type { V3SearchEventsFilter, V4SearchEventsFilter } from './types'

/** Options of {@link toV4SearchFilter}. */
export interface ToV4SearchFilterOptions {
  /**
   * Drop v3 filters that v4 no longer has (`ip_blocklist`, `datacenter`,
   * `proximity_precision_radius`) instead of throwing. Each dropped filter is reported through
   * `onWarning`. The search then returns events the v3 filter would have excluded. Default `false`.
   */
  dropUnsupported?: boolean
  /**
   * Receives one message per dropped filter and per adjusted value (`limit` above 100).
   * Default: `console.warn`.
   */
  onWarning?: (message: string) => void
}

/** The v4 page size ceiling. */
export const V4_MAX_SEARCH_LIMIT = 100

/** v3 search filters with no v4 counterpart, and what to do instead. */
export const UNSUPPORTED_V3_SEARCH_FILTERS: Readonly<Record<string, string>> = Object.freeze({
  ip_blocklist:
    "v4 has no ip_blocklist filter; filter on the events' ip_blocklist fields yourself (tor_node is still a filter)",
  datacenter:
    'v4 has no datacenter filter; filter on ip_info.v4/v6.datacenter_result yourself (asn is a v4 filter)',
  proximity_precision_radius:
    'v4 has no proximity_precision_radius filter; filter on proximity.precision_radius yourself',
})

/** Filters with the same name, type and meaning in both versions. */
const SAME = [
  'pagination_key',
  'visitor_id',
  'bot',
  'ip_address',
  'linked_id',
  'reverse',
  'suspect',
  'vpn',
  'virtual_machine',
  'tampering',
  'anti_detect_browser',
  'incognito',
  'privacy_settings',
  'jailbroken',
  'frida',
  'factory_reset',
  'cloned_app',
  'emulator',
  'root_apps',
  'vpn_confidence',
  'min_suspect_score',
  'developer_tools',
  'location_spoofing',
  'mitm_attack',
  'proxy',
  'sdk_version',
  'sdk_platform',
  'environment',
  'proximity_id',
] as const satisfies ReadonlyArray<keyof V3SearchEventsFilter & keyof V4SearchEventsFilter>

/** v4-only filters: accepted and passed through, so compat callers can use them too. */
const V4_ONLY = [
  'high_recall_id',
  'bot_info',
  'bot_info_category',
  'bot_info_identity',
  'bot_info_confidence',
  'bot_info_provider',
  'bot_info_name',
  'asn',
  'url',
  'bundle_id',
  'package_name',
  'origin',
  'rare_device',
  'rare_device_percentile_bucket',
  'total_hits',
  'tor_node',
  'incremental_identification_status',
  'simulator',
  'source',
] as const satisfies ReadonlyArray<Exclude<keyof V4SearchEventsFilter, keyof V3SearchEventsFilter>>

const PASS_THROUGH = new Set<string>([...SAME, ...V4_ONLY])

/** A v3 search filter, optionally carrying v4-only filters that are passed through unchanged. */
export type V3SearchFilterInput = V3SearchEventsFilter &
  Partial<Pick<V4SearchEventsFilter, (typeof V4_ONLY)[number]>>

/**
 * Turns a v3 `searchEvents` filter into the v4 one.
 *
 * - Same-named filters are copied.
 * - `start` / `end`: v3 bounds were exclusive, v4 bounds are inclusive; both are Unix milliseconds,
 *   so the bounds move by 1 ms (`start + 1`, `end - 1`) and the matched set stays the same.
 * - `limit`: required in v3 without a maximum; v4 accepts 1..100, so larger values become 100 with
 *   a warning (fetch more pages with `pagination_key`).
 * - `pagination_key` is passed through, but only keys returned by v4 are valid: a v3 key (an event
 *   timestamp) is rejected by the v4 API.
 * - `ip_blocklist`, `datacenter`, `proximity_precision_radius` have no v4 filter: a `TypeError`
 *   naming the filter, unless `options.dropUnsupported` is set, which drops it with a warning.
 * - v4-only filters (`tor_node`, `asn`, ...) are passed through.
 *
 * @param filter - the v3 filter (`{ limit, visitor_id?, ... }`)
 * @param options - {@link ToV4SearchFilterOptions}
 * @returns the v4 filter for `GET /v4/events`
 * @throws TypeError when `filter` is not an object, names an unknown filter, has a bad `limit`,
 *   `start` or `end`, or uses a removed filter without `dropUnsupported`
 * @example
 * ```ts
 * toV4SearchFilter({ limit: 20, bot: 'bad', start: 1700000000000 })
 * // => { limit: 20, bot: 'bad', start: 1700000000001 }
 * toV4SearchFilter({ limit: 5, datacenter: true }, { dropUnsupported: true, onWarning: log })
 * // => { limit: 5 }, and log() receives why datacenter was dropped
 * ```
 */
export function toV4SearchFilter(
  filter: V3SearchFilterInput,
  options: ToV4SearchFilterOptions = {},
): V4SearchEventsFilter {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new TypeError('filter must be an object like { limit: 10, visitor_id: "..." }')
  }
  const warn = options.onWarning ?? ((message: string) => console.warn(message))
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    // Own names only: `constructor` or `toString` must be reported as unknown filters, not as removed ones.
    if (Object.hasOwn(UNSUPPORTED_V3_SEARCH_FILTERS, key)) {
      const why = UNSUPPORTED_V3_SEARCH_FILTERS[key]
      if (!options.dropUnsupported) {
        throw new TypeError(
          `filter.${key} is not supported by Server API v4: ${why}. ` +
            'Pass { dropUnsupported: true } to drop it with a warning.',
        )
      }
      warn(`filter.${key} dropped: ${why}`)
      continue
    }
    switch (key) {
      case 'limit': {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
          throw new TypeError('filter.limit must be an integer >= 1')
        }
        if (value > V4_MAX_SEARCH_LIMIT) {
          warn(
            `filter.limit ${value} lowered to ${V4_MAX_SEARCH_LIMIT}, the v4 maximum; ` +
              'use pagination_key to read further pages',
          )
        }
        out.limit = Math.min(value, V4_MAX_SEARCH_LIMIT)
        break
      }
      case 'start':
      case 'end': {
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          throw new TypeError(`filter.${key} must be Unix milliseconds (an integer) in a v3 filter`)
        }
        out[key] = key === 'start' ? value + 1 : value - 1
        break
      }
      default:
        if (!PASS_THROUGH.has(key)) {
          throw new TypeError(`filter.${key} is not a search filter of Server API v3 or v4`)
        }
        out[key] = value
    }
  }
  return out as V4SearchEventsFilter
}
