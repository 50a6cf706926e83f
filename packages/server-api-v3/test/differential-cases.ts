/**
 * Inputs of the v3 differential test (differential.test.ts): generated search and history filters,
 * awkward ids, error answers and webhook headers. Everything generated comes from a seeded PRNG,
 * so a failing case can be reproduced from its name.
 */
import type { SearchEventsFilter, VisitorHistoryFilter } from '@fpapi/server-api-v3'
import { random } from '../../../scripts/test/helpers/random'

/** The seeded PRNG the scripts' generated tests use too. */
export { random }
export type Random = ReturnType<typeof random>

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
  '$&$1',
] as const

/** Ids both SDKs refuse before any request, with a TypeError. */
export const REFUSED_IDS = ['', '.', '..', '\ud800', 'a\udfffb', null, undefined] as const

/** Error codes the v3 API answers for a status, from the spec's `ErrorCode` union. */
export const CODE_FOR_STATUS: Record<number, string> = {
  400: 'RequestCannotBeParsed',
  403: 'TokenRequired',
  404: 'RequestNotFound',
  409: 'StateNotReady',
  429: 'TooManyRequests',
  500: 'Failed',
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
    error: { code: CODE_FOR_STATUS[status] ?? 'Failed', message: `Answer ${status} ü "quoted"` },
    ...extra,
  })

export const ERROR_BODIES: readonly ErrorBody[] = [
  { name: 'API error shape', contentType: 'application/json', text: (s) => apiBody(s) },
  {
    name: 'API error shape with unknown code and extra fields',
    contentType: 'application/json; charset=utf-8',
    text: () =>
      JSON.stringify({
        error: { code: 'SomeFutureCode', message: 'New', hint: 'x' },
        requestId: 'r-1',
      }),
  },
  { name: 'API error shape as text/plain', contentType: 'text/plain', text: (s) => apiBody(s) },
  {
    name: 'plain error shape (getVisits)',
    contentType: 'application/json',
    text: () => '{"error":"Forbidden (HTTP 403)"}',
  },
  {
    name: 'HTML page',
    contentType: 'text/html',
    text: () => '<html><body><h1>Gateway says no</h1></body></html>',
  },
  { name: 'empty', contentType: 'application/json', text: () => '' },
  { name: 'truncated JSON', contentType: 'application/json', text: (s) => apiBody(s).slice(0, 17) },
  { name: 'message only', contentType: 'application/json', text: () => '{"message":"Nope"}' },
  {
    name: 'numeric code',
    contentType: 'application/json',
    text: () => '{"error":{"code":404,"message":"Nope"}}',
  },
  {
    name: 'code without message',
    contentType: 'application/json',
    text: () => '{"error":{"code":"Failed"}}',
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
