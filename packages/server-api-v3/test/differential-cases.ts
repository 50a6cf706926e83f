/**
 * Inputs of the v3 differential test (differential.test.ts): generated search and history filters,
 * the v3 ids and error answers, built on the version-neutral inputs in
 * scripts/test/helpers/differential-inputs.ts. Everything generated comes from a seeded PRNG, so a
 * failing case can be reproduced from its name.
 */
import type { SearchEventsFilter, VisitorHistoryFilter } from '@fpapi/server-api-v3'
import {
  AWKWARD_IDS as SHARED_AWKWARD_IDS,
  REFUSED_IDS as SHARED_REFUSED_IDS,
  errorBodies,
  randomText,
  type ErrorBody,
  type Random,
} from '../../../scripts/test/helpers/differential-inputs'
import { random } from '../../../scripts/test/helpers/random'

/** The seeded PRNG the scripts' generated tests use too. */
export { random }
export type { Random }

/** How one query filter is typed in the v3 spec. */
type FilterKind =
  | 'boolean'
  | 'string'
  | 'number'
  | 'timestamp'
  | 'limit'
  | { readonly one: readonly (string | number)[] }
  | 'string-array'

/**
 * Every query parameter of `GET /events/search` in the v3 spec. `satisfies Record<keyof ...>`
 * makes the typecheck fail when the spec gains or loses a filter, so this list can't go stale.
 */
export const SEARCH_FILTERS = {
  limit: 'limit',
  pagination_key: 'string',
  visitor_id: 'string',
  bot: { one: ['all', 'good', 'bad', 'none'] },
  ip_address: 'string',
  linked_id: 'string',
  start: 'timestamp',
  end: 'timestamp',
  reverse: 'boolean',
  suspect: 'boolean',
  vpn: 'boolean',
  virtual_machine: 'boolean',
  tampering: 'boolean',
  anti_detect_browser: 'boolean',
  incognito: 'boolean',
  privacy_settings: 'boolean',
  jailbroken: 'boolean',
  frida: 'boolean',
  factory_reset: 'boolean',
  cloned_app: 'boolean',
  emulator: 'boolean',
  root_apps: 'boolean',
  vpn_confidence: { one: ['high', 'medium', 'low'] },
  min_suspect_score: 'number',
  ip_blocklist: 'boolean',
  datacenter: 'boolean',
  developer_tools: 'boolean',
  location_spoofing: 'boolean',
  mitm_attack: 'boolean',
  proxy: 'boolean',
  sdk_version: 'string',
  sdk_platform: { one: ['js', 'android', 'ios'] },
  environment: 'string-array',
  proximity_id: 'string',
  proximity_precision_radius: { one: [10, 25, 65, 175, 450, 1200, 3300, 8500, 22500] },
} as const satisfies Record<keyof Required<SearchEventsFilter>, FilterKind>

/** Every query parameter of `GET /visitors/{visitor_id}` in the v3 spec. */
export const VISITS_FILTERS = {
  request_id: 'string',
  linked_id: 'string',
  limit: 'limit',
  paginationKey: 'string',
  before: 'timestamp',
} as const satisfies Record<keyof Required<NonNullable<VisitorHistoryFilter>>, FilterKind>

function randomScalar(kind: FilterKind, r: Random): unknown {
  if (kind === 'boolean') return r.next() < 0.5
  if (kind === 'string') return randomText(r)
  if (kind === 'number') return r.pick([0, 1, 0.5, 42, 1e21, -3, 1708102555327])
  if (kind === 'timestamp') return r.pick([0, 1, 1708102555327, 1e13])
  if (kind === 'limit') return r.pick([1, 2, 10, 99, 100, 101, 500, 1000])
  if (kind === 'string-array') {
    return Array.from({ length: r.pick([0, 1, 1, 2, 3]) }, () => {
      const x = r.next()
      if (x < 0.08) return undefined
      if (x < 0.12) return null
      return randomText(r)
    })
  }
  return r.next() < 0.85 ? r.pick(kind.one) : 'some_future_value'
}

/**
 * A filter with a random subset of the given filters; some values are `undefined` or `null`
 * (both SDKs leave those out). `required` filters always get a value of their type.
 */
export function randomFilter(
  r: Random,
  filters: Readonly<Record<string, FilterKind>>,
  required: readonly string[] = [],
): Record<string, unknown> {
  const filter: Record<string, unknown> = {}
  const names = Object.keys(filters)
  for (const name of required) filter[name] = randomScalar(filters[name]!, r)
  for (let n = r.int(8); n > 0; n--) {
    const name = r.pick(names)
    if (required.includes(name)) continue
    const x = r.next()
    filter[name] = x < 0.08 ? undefined : x < 0.14 ? null : randomScalar(filters[name]!, r)
  }
  return filter
}

/** Ids with reserved, encoded, unicode and dot characters, plus a replacement pattern (`$&`). */
export const AWKWARD_IDS = [...SHARED_AWKWARD_IDS, '$&$1'] as const

/** Ids both SDKs refuse before any request, with a TypeError: v3 also refuses a missing id. */
export const REFUSED_IDS = [...SHARED_REFUSED_IDS, null, undefined] as const

/** Error codes the v3 API answers for a status, from the spec's `ErrorCode` union. */
export const CODE_FOR_STATUS: Record<number, string> = {
  400: 'RequestCannotBeParsed',
  403: 'TokenRequired',
  404: 'RequestNotFound',
  409: 'StateNotReady',
  429: 'TooManyRequests',
  500: 'Failed',
}

export type { ErrorBody }

/** The error bodies of the differential test, with the v3 codes. */
export const ERROR_BODIES = errorBodies({
  code: (status) => CODE_FOR_STATUS[status] ?? 'Failed',
  failedCode: 'Failed',
  unknownCodeBody: JSON.stringify({
    error: { code: 'SomeFutureCode', message: 'New', hint: 'x' },
    requestId: 'r-1',
  }),
  extra: {
    after: 'API error shape as text/plain',
    body: {
      name: 'plain error shape (getVisits)',
      contentType: 'application/json',
      text: () => '{"error":"Forbidden (HTTP 403)"}',
    },
  },
})
