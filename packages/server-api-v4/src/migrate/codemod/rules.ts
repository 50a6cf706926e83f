import { EVENT_FIELD_MAP, RAW_ATTRIBUTE_KEYS } from '../field-map'
import type { FieldTransform } from '../field-map'
import { V4_TO_V3_ERROR_CODES } from '../to-v3-error-code'

/** The v3 client packages whose imports the codemod rewrites. @internal */
export const V3_MODULES: ReadonlySet<string> = new Set([
  '@fpapi/server-api-v3',
  '@fingerprintjs/fingerprintjs-pro-server-api',
])

/** The package imports are rewritten to. @internal */
export const V4_MODULE = '@fpapi/server-api-v4'
/** Where `toV4Update` is imported from when the codemod needs it. @internal */
export const V4_MIGRATE_MODULE = '@fpapi/server-api-v4/migrate'

/**
 * v3 export -> v4 export of the same role. Names missing here and in {@link V3_ONLY_EXPORTS} are
 * passed through unchanged.
 * @internal
 */
export const EXPORT_RENAMES: Readonly<Record<string, string>> = {
  FingerprintJsServerApiClient: 'FingerprintServerApiClient',
  EventsGetResponse: 'Event',
  EventsUpdateRequest: 'EventUpdate',
  Webhook: 'Event',
}

/** v3 exports v4 does not have, with what to do. They stay imported from the v3 package. @internal */
export const V3_ONLY_EXPORTS: Readonly<Record<string, string>> = {
  AuthenticationMode:
    'AuthenticationMode is gone: v4 only accepts `Authorization: Bearer <secret key>`; delete the option',
  VisitorHistoryFilter:
    'VisitorHistoryFilter has no v4 counterpart: visit history is searchEvents({ visitor_id }) with SearchEventsFilter',
  VisitorsResponse:
    'VisitorsResponse has no v4 counterpart: visit history is searchEvents({ visitor_id }), returning SearchEventsResponse',
  RelatedVisitorsFilter: 'RelatedVisitorsFilter: the related-visitors operation was removed in v4',
  RelatedVisitorsResponse:
    'RelatedVisitorsResponse: the related-visitors operation was removed in v4',
  ErrorPlainResponse:
    'ErrorPlainResponse: every v4 error body is { error: { code, message } } (ErrorResponse)',
  getRetryAfter:
    'getRetryAfter: v4 sends no Retry-After header; back off on TooManyRequestsError yourself',
  getIntegrationInfo: 'getIntegrationInfo is not part of the v4 client',
  getRequestPath: 'getRequestPath is not part of the v4 client; v4 paths start with /v4',
  ExtractQueryParams: 'ExtractQueryParams is not part of the v4 client; use SearchEventsFilter',
  FingerprintApi: 'FingerprintApi: type the client as FingerprintServerApiClient',
}

/** Extra advice for exports that keep their name but whose shape changed. @internal */
export const EXPORT_NOTES: Readonly<Record<string, string>> = {
  Webhook:
    'the v4 webhook body is the flat v4 Event and its fields changed names (see MIGRATION.md); toV3Webhook() from @fpapi/server-api-v4/migrate rebuilds the v3 payload meanwhile',
  unsealEventsResponse:
    'unsealEventsResponse returns a v4 Event once the JS agent is v4 (sealed results follow the agent version)',
}

/** v3 error code -> v4 error code (inverse of the documented pairs). @internal */
export const V3_TO_V4_ERROR_CODES: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(
    Object.entries(V4_TO_V3_ERROR_CODES)
      .slice(0, 11)
      .map(([v4, v3]) => [v3, v4]),
  ),
  '429 Too Many Requests': 'too_many_requests',
})

/** A v3 leaf path and what the codemod does with a read of it. @internal */
export interface ChainRule {
  v4: string | null
  transform: FieldTransform
}

/** Every v3 event leaf, keyed by its path from `products` (array items as `[]`). @internal */
export const CHAIN_RULES: ReadonlyMap<string, ChainRule> = new Map(
  EVENT_FIELD_MAP.filter((e) => !e.v3.includes('{*}')).map((e) => [
    e.v3,
    { v4: e.v4, transform: e.transform },
  ]),
)

/** v3 raw attribute key -> v4 key, for `...rawDeviceAttributes.data.<key>.value` reads. @internal */
export const RAW_KEYS_V3_TO_V4: ReadonlyMap<string, string> = new Map(
  Object.entries(RAW_ATTRIBUTE_KEYS)
    .filter(([v4]) => v4 !== 'canvas')
    .map(([v4, v3]) => [v3, v4]),
)

/** Advice for a read of a v3 leaf that is not a plain rename. @internal */
export function adviceFor(v3Path: string, rule: ChainRule): string {
  const to = rule.v4 ? `\`${rule.v4}\`` : ''
  switch (rule.transform) {
    case 'ms_to_iso8601':
      return `\`${v3Path}\` was an ISO-8601 string; v4 has ${to} in Unix milliseconds: use new Date(<event>.${rule.v4?.replaceAll('.', '?.')}).toISOString() or compare numbers`
    case 'epoch_to_iso8601':
      return `\`${v3Path}\` was an ISO-8601 string; v4 has ${to} (an epoch number): convert it, see MIGRATION.md (factory reset unit)`
    case 'rename_enum':
      return v3Path.endsWith('bot.result')
        ? `\`${v3Path}\` is now ${to} and the value 'notDetected' is spelled 'not_detected': rewrite the read and the comparisons together`
        : `\`${v3Path}\` is now ${to}, which adds the value 'unknown': rewrite the read and handle the new value`
    case 'derive':
      return `\`${v3Path}\` has no single v4 field: use Boolean(ip_blocklist?.email_spam || ip_blocklist?.attack_source || ip_blocklist?.tor_node) on the v4 event`
    case 'restructure':
      return `\`${v3Path}\` is now \`raw_device_attributes\` with snake_case keys and bare values (no { value } wrapper)`
    case 'none':
      return v3Path.includes('.error.')
        ? `\`${v3Path}\`: v4 has no per-product errors; a failed request throws instead, so handle the error of the call`
        : `\`${v3Path}\` has no v4 counterpart; remove this read (see MIGRATION.md, fields v4 cannot produce)`
    default:
      return `\`${v3Path}\` is now ${to}`
  }
}
