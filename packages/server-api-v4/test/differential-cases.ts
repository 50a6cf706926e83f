/**
 * Inputs of the differential test (differential.test.ts): generated search filters, awkward ids,
 * error answers and webhook headers. Everything generated comes from a seeded PRNG, so a failing
 * case can be reproduced from its name.
 */
import type { components } from '@fpapi/server-api-v4'
import type { SearchEventsFilter } from '@fpapi/server-api-v4'
import { random } from '../../../scripts/test/helpers/random'

type Schemas = components['schemas']

/** The seeded PRNG the scripts' generated tests use too. */
export { random }
export type Random = ReturnType<typeof random>

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

/** Pieces of generated strings: URL-reserved characters, spaces, unicode, escapes. */
const PIECES = [
  'a',
  'Z9',
  ' ',
  '  ',
  '&',
  '=',
  '?',
  '#',
  '+',
  '%',
  '%20',
  '/',
  '\\',
  ';',
  ',',
  "'",
  '"',
  '<>',
  '!',
  '~',
  '*',
  '()',
  '[]',
  '@:$',
  'ü',
  'Ωmega',
  '日本',
  '😀',
  '\t',
  '.',
  '-_',
] as const

/** A string of 0 to 5 pieces. */
export function randomText(r: Random): string {
  let out = ''
  for (let n = r.int(6); n > 0; n--) out += r.pick(PIECES)
  return out
}

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

/** Ids with reserved, encoded, unicode and dot characters, as a caller might pass them. */
export const AWKWARD_IDS = [
  '1708102555327.NLOjmg',
  'a/b',
  '../x',
  'x/..',
  'a?b=c',
  'a#frag',
  'a&b=c',
  'a%2Fb',
  '%2e%2e',
  '%',
  'a+b',
  'a b',
  ' lead',
  'trail ',
  'ü',
  '日本語',
  '😀',
  'a\\b',
  ';x',
  "'quoted'",
  '...',
  '.x',
  'x.',
  '@:$,!*()~',
  'tab\there',
  'new\nline',
] as const

/** Ids both SDKs refuse before any request, with a TypeError. */
export const REFUSED_IDS = ['', '.', '..', '\ud800', 'a\udfffb'] as const

/** Error codes the API answers for a status, per the spec's `ErrorCode` union. */
export const CODE_FOR_STATUS: Record<number, Schemas['ErrorCode']> = {
  400: 'request_cannot_be_parsed',
  403: 'secret_api_key_required',
  404: 'event_not_found',
  409: 'state_not_ready',
  429: 'too_many_requests',
  500: 'failed',
}

/** An error body a server (the API, a proxy, a broken gateway) might answer with. */
export interface ErrorBody {
  name: string
  contentType: string
  /** The body text for a given status. */
  text: (status: number) => string
}

const apiBody = (status: number, extra: object = {}) =>
  JSON.stringify({
    error: { code: CODE_FOR_STATUS[status] ?? 'failed', message: `Answer ${status} ü "quoted"` },
    ...extra,
  })

export const ERROR_BODIES: readonly ErrorBody[] = [
  { name: 'API error shape', contentType: 'application/json', text: (s) => apiBody(s) },
  {
    name: 'API error shape with unknown code and extra fields',
    contentType: 'application/json; charset=utf-8',
    text: () =>
      JSON.stringify({
        error: { code: 'some_future_code', message: 'New', hint: 'x' },
        request_id: 'r-1',
      }),
  },
  { name: 'API error shape as text/plain', contentType: 'text/plain', text: (s) => apiBody(s) },
  {
    name: 'HTML page',
    contentType: 'text/html',
    text: () => '<html><body><h1>Gateway says no</h1></body></html>',
  },
  { name: 'empty', contentType: 'application/json', text: () => '' },
  { name: 'truncated JSON', contentType: 'application/json', text: (s) => apiBody(s).slice(0, 17) },
  { name: 'error as a string', contentType: 'application/json', text: () => '{"error":"Nope"}' },
  { name: 'message only', contentType: 'application/json', text: () => '{"message":"Nope"}' },
  {
    name: 'numeric code',
    contentType: 'application/json',
    text: () => '{"error":{"code":404,"message":"Nope"}}',
  },
  {
    name: 'code without message',
    contentType: 'application/json',
    text: () => '{"error":{"code":"failed"}}',
  },
  { name: 'error null', contentType: 'application/json', text: () => '{"error":null}' },
  { name: 'null', contentType: 'application/json', text: () => 'null' },
  { name: 'empty array', contentType: 'application/json', text: () => '[]' },
  {
    name: 'array of API errors',
    contentType: 'application/json',
    text: (s) => `[${apiBody(s)}]`,
  },
  { name: 'JSON string', contentType: 'application/json', text: () => '"Nope"' },
  { name: 'JSON number', contentType: 'application/json', text: () => '42' },
]

/**
 * A signature header made of 0 to 4 entries of many shapes: the right `v1` entry, the right one in
 * upper case, with spaces, after `v2=`, with a trailing `=...`, wrong hex, and garbage.
 */
export function randomHeader(r: Random, good: string, other: string): string[] {
  const kinds: (() => string)[] = [
    () => `v1=${good}`,
    () => `v1=${good.toUpperCase()}`,
    () => ` v1=${good}`,
    () => `v1=${good} `,
    () => `v1 =${good}`,
    () => `V1=${good}`,
    () => `v2=${good}`,
    () => `v1=${good}=`,
    () => `v1=${good}=v2`,
    () => `v1=${other}`,
    () => `v1=${good.slice(0, 63)}`,
    () => 'v1=',
    () => '',
    () => 'v1',
    () => `${good}`,
    () => randomText(r),
  ]
  return Array.from({ length: r.int(5) }, () => r.pick(kinds)())
}
