/**
 * Inputs of the v4 differential test (differential.test.ts): generated search filters, the v4 ids
 * and error answers, built on the version-neutral inputs in
 * scripts/test/helpers/differential-inputs.ts. Everything generated comes from a seeded PRNG, so a
 * failing case can be reproduced from its name.
 */
import type { components } from '@fpapi/server-api-v4'
import type { SearchEventsFilter } from '@fpapi/server-api-v4'
import {
  AWKWARD_IDS,
  REFUSED_IDS,
  errorBodies,
  randomText,
  type ErrorBody,
  type Random,
} from '../../../scripts/test/helpers/differential-inputs'
import { random } from '../../../scripts/test/helpers/random'

type Schemas = components['schemas']

/** The seeded PRNG the scripts' generated tests use too. */
export { random }
export type { Random }

/** How one query filter of `GET /events` is typed in the spec. */
type FilterKind =
  | 'boolean'
  | 'string'
  | 'number'
  | 'number-or-string'
  | 'limit'
  | { readonly one: readonly string[] }
  | { readonly many: readonly string[] | 'string' }

// Enum values as the spec lists them (`satisfies` keeps each list inside its schema's union).
const BOT = ['all', 'good', 'bad', 'none'] as const satisfies readonly Schemas['SearchEventsBot'][]
const BOT_INFO = ['all', 'none'] as const satisfies readonly Schemas['SearchEventsBotInfo'][]
const CATEGORY = [
  'advertising_and_marketing',
  'aggregator',
  'ai_agent',
  'ai_crawler',
  'browser_automation',
  'other',
  'scraping',
] as const satisfies readonly Schemas['BotInfoCategory'][]
const IDENTITY = [
  'verified',
  'signed',
  'spoofed',
  'unknown',
] as const satisfies readonly Schemas['BotInfoIdentity'][]
const CONFIDENCE = [
  'low',
  'medium',
  'high',
] as const satisfies readonly Schemas['BotInfoConfidence'][]
const BUCKET = [
  '<p95',
  'p95-p99',
  'p99-p99.5',
  'p99.5-p99.9',
  'p99.9+',
  'not_seen',
] as const satisfies readonly Schemas['SearchEventsRareDevicePercentileBucket'][]
const PLATFORM = [
  'js',
  'android',
  'ios',
] as const satisfies readonly Schemas['SearchEventsSdkPlatform'][]
const INCREMENTAL = [
  'partially_completed',
  'completed',
] as const satisfies readonly Schemas['SearchEventsIncrementalIdentificationStatus'][]
const SOURCE = ['edge'] as const satisfies readonly Schemas['SearchEventsSource'][]

/**
 * Every query parameter of `GET /events` in the spec. `satisfies Record<keyof ..., ...>` makes the
 * typecheck fail when the spec gains or loses a filter, so this list can't silently go stale.
 */
export const FILTERS = {
  limit: 'limit',
  pagination_key: 'string',
  visitor_id: 'string',
  high_recall_id: 'string',
  bot: { one: BOT },
  bot_info: { one: BOT_INFO },
  bot_info_category: { many: CATEGORY },
  bot_info_identity: { many: IDENTITY },
  bot_info_confidence: { many: CONFIDENCE },
  bot_info_provider: { many: 'string' },
  bot_info_name: { many: 'string' },
  ip_address: 'string',
  asn: 'string',
  linked_id: 'string',
  url: 'string',
  bundle_id: 'string',
  package_name: 'string',
  origin: 'string',
  start: 'number-or-string',
  end: 'number-or-string',
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
  vpn_confidence: { one: CONFIDENCE },
  min_suspect_score: 'number',
  developer_tools: 'boolean',
  location_spoofing: 'boolean',
  mitm_attack: 'boolean',
  rare_device: 'boolean',
  rare_device_percentile_bucket: { one: BUCKET },
  proxy: 'boolean',
  sdk_version: 'string',
  sdk_platform: { one: PLATFORM },
  environment: { many: 'string' },
  proximity_id: 'string',
  total_hits: 'number',
  tor_node: 'boolean',
  incremental_identification_status: { one: INCREMENTAL },
  simulator: 'boolean',
  source: { many: SOURCE },
} as const satisfies Record<keyof Required<SearchEventsFilter>, FilterKind>

function randomScalar(kind: FilterKind, r: Random): unknown {
  if (kind === 'boolean') return r.next() < 0.5
  if (kind === 'string') return randomText(r)
  if (kind === 'number') return r.pick([0, 1, 0.5, 42, 1e21, -3, 1708102555327])
  if (kind === 'limit') return r.pick([1, 2, 10, 99, 100, 101, 1000])
  if (kind === 'number-or-string') {
    return r.next() < 0.5
      ? r.pick([0, 1708102555327])
      : r.pick(['2024-02-16T00:00:00Z', randomText(r)])
  }
  if ('one' in kind) return r.next() < 0.85 ? r.pick(kind.one) : 'some_future_value'
  const values = kind.many === 'string' ? null : kind.many
  const length = r.pick([0, 1, 1, 2, 3])
  return Array.from({ length }, () => {
    const x = r.next()
    if (x < 0.08) return undefined
    if (x < 0.12) return null
    return values ? r.pick(values) : randomText(r)
  })
}

/** A search filter with a random subset of the spec's filters; some values are `undefined`/`null`. */
export function randomFilter(r: Random): Record<string, unknown> {
  const filter: Record<string, unknown> = {}
  const names = Object.keys(FILTERS) as (keyof typeof FILTERS)[]
  for (let n = r.int(8); n > 0; n--) {
    const name = r.pick(names)
    const x = r.next()
    filter[name] = x < 0.08 ? undefined : x < 0.12 ? null : randomScalar(FILTERS[name], r)
  }
  return filter
}

export { AWKWARD_IDS, REFUSED_IDS }

/** Error codes the API answers for a status, per the spec's `ErrorCode` union. */
export const CODE_FOR_STATUS: Record<number, Schemas['ErrorCode']> = {
  400: 'request_cannot_be_parsed',
  403: 'secret_api_key_required',
  404: 'event_not_found',
  409: 'state_not_ready',
  429: 'too_many_requests',
  500: 'failed',
}

export type { ErrorBody }

/** The error bodies of the differential test, with the v4 codes. */
export const ERROR_BODIES = errorBodies({
  code: (status) => CODE_FOR_STATUS[status] ?? 'failed',
  failedCode: 'failed',
  unknownCodeBody: JSON.stringify({
    error: { code: 'some_future_code', message: 'New', hint: 'x' },
    request_id: 'r-1',
  }),
  extra: {
    after: 'truncated JSON',
    body: {
      name: 'error as a string',
      contentType: 'application/json',
      text: () => '{"error":"Nope"}',
    },
  },
})
