import type { ApiVersion } from './types'

/** Error codes of Server API v4 (`ErrorCode` in the v4 spec). */
export type V4ErrorCode =
  | 'request_cannot_be_parsed'
  | 'request_read_timeout'
  | 'secret_api_key_required'
  | 'secret_api_key_not_found'
  | 'public_api_key_required'
  | 'public_api_key_not_found'
  | 'subscription_not_active'
  | 'wrong_region'
  | 'feature_not_enabled'
  | 'visitor_not_found'
  | 'too_many_requests'
  | 'state_not_ready'
  | 'failed'
  | 'event_not_found'
  | 'missing_module'
  | 'payload_too_large'
  | 'service_unavailable'
  | 'ruleset_not_found'

/** The v3 `ErrorCode` for each v4 code; v4-only codes map to the closest v3 code. */
const V3_CODE: Record<V4ErrorCode, string> = {
  request_cannot_be_parsed: 'RequestCannotBeParsed',
  request_read_timeout: 'RequestCannotBeParsed',
  secret_api_key_required: 'TokenRequired',
  secret_api_key_not_found: 'TokenNotFound',
  public_api_key_required: 'TokenRequired',
  public_api_key_not_found: 'TokenNotFound',
  subscription_not_active: 'SubscriptionNotActive',
  wrong_region: 'WrongRegion',
  feature_not_enabled: 'FeatureNotEnabled',
  visitor_not_found: 'VisitorNotFound',
  too_many_requests: 'TooManyRequests',
  state_not_ready: 'StateNotReady',
  failed: 'Failed',
  event_not_found: 'RequestNotFound',
  missing_module: 'FeatureNotEnabled',
  payload_too_large: 'RequestCannotBeParsed',
  service_unavailable: 'Failed',
  ruleset_not_found: 'RequestCannotBeParsed',
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * An error answer of the mock API: HTTP status, a v4 error code (translated for v3) and a
 * message. Thrown inside request handling and turned into the version's error body.
 *
 * @internal
 */
export class MockApiError extends Error {
  override name = 'MockApiError'
  /**
   * @param status - HTTP status
   * @param code - v4 error code
   * @param message - human-readable explanation
   * @param headers - extra response headers (e.g. `Retry-After`)
   */
  constructor(
    readonly status: number,
    readonly code: V4ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/**
 * The v3 code for a v4 error code.
 *
 * @param code - v4 error code
 * @returns the v3 `ErrorCode`
 * @internal
 */
export function v3ErrorCode(code: V4ErrorCode): string {
  return V3_CODE[code]
}

/**
 * The JSON error body in the format of the API version and operation.
 *
 * @param version - API version
 * @param plain - the operation uses v3 `ErrorPlainResponse` (get visits)
 * @param status - HTTP status
 * @param code - v4 error code
 * @param message - explanation
 * @returns the body object
 * @internal
 */
export function errorBody(
  version: ApiVersion,
  plain: boolean,
  status: number,
  code: V4ErrorCode,
  message: string,
): unknown {
  if (version === 'v4') return { error: { code, message } }
  if (plain) return { error: `${REASON[status] ?? 'Error'} (HTTP ${status}): ${message}` }
  return { error: { code: V3_CODE[code], message } }
}
