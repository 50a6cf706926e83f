import type { V3ErrorCode, V4ErrorCode } from './types'

/**
 * v4 error code -> v3 error code. The first twelve are the documented one-to-one pairs; the rest
 * are v4-only codes mapped to the nearest v3 code (our choice, listed in MIGRATION.md).
 */
// Partial on purpose: a code added to the spec must not break the build of a spec-sync pull request; the test
// 'covers every v4 code of the spec' fails there instead, so a person picks its v3 meaning.
export const V4_TO_V3_ERROR_CODES: Readonly<Partial<Record<V4ErrorCode, V3ErrorCode>>> =
  Object.freeze({
    request_cannot_be_parsed: 'RequestCannotBeParsed',
    secret_api_key_required: 'TokenRequired',
    secret_api_key_not_found: 'TokenNotFound',
    subscription_not_active: 'SubscriptionNotActive',
    wrong_region: 'WrongRegion',
    feature_not_enabled: 'FeatureNotEnabled',
    event_not_found: 'RequestNotFound',
    visitor_not_found: 'VisitorNotFound',
    too_many_requests: 'TooManyRequests',
    state_not_ready: 'StateNotReady',
    failed: 'Failed',
    // v4-only codes: nearest v3 meaning.
    request_read_timeout: 'RequestCannotBeParsed',
    public_api_key_required: 'TokenRequired',
    public_api_key_not_found: 'TokenNotFound',
    missing_module: 'FeatureNotEnabled',
    payload_too_large: 'RequestCannotBeParsed',
    service_unavailable: 'Failed',
    ruleset_not_found: 'RequestCannotBeParsed',
  })

/**
 * Translates a v4 error code (snake_case) into the v3 code (PascalCase) v3 code branches on.
 * v4-only codes get the nearest v3 code (e.g. `service_unavailable` -> `Failed`,
 * `public_api_key_not_found` -> `TokenNotFound`); a code newer than this package -> `Failed`.
 * v3's second spelling `429 Too Many Requests` is never produced: both become `TooManyRequests`.
 *
 * @param v4Code - a v4 `ErrorCode` (or any string read from a v4 error body)
 * @returns the v3 `ErrorCode`
 * @example
 * ```ts
 * toV3ErrorCode('event_not_found') // => 'RequestNotFound'
 * ```
 */
export function toV3ErrorCode(v4Code: V4ErrorCode | (string & {})): V3ErrorCode {
  return Object.hasOwn(V4_TO_V3_ERROR_CODES, v4Code)
    ? (V4_TO_V3_ERROR_CODES[v4Code as V4ErrorCode] ?? 'Failed')
    : 'Failed'
}
