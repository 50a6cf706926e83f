import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { toV3ErrorCode, V4_TO_V3_ERROR_CODES } from '../../src/migrate/to-v3-error-code'

describe('toV3ErrorCode', () => {
  it.each([
    ['request_cannot_be_parsed', 'RequestCannotBeParsed'],
    ['secret_api_key_required', 'TokenRequired'],
    ['secret_api_key_not_found', 'TokenNotFound'],
    ['subscription_not_active', 'SubscriptionNotActive'],
    ['wrong_region', 'WrongRegion'],
    ['feature_not_enabled', 'FeatureNotEnabled'],
    ['event_not_found', 'RequestNotFound'],
    ['visitor_not_found', 'VisitorNotFound'],
    ['too_many_requests', 'TooManyRequests'],
    ['state_not_ready', 'StateNotReady'],
    ['failed', 'Failed'],
    ['request_read_timeout', 'RequestCannotBeParsed'],
    ['public_api_key_required', 'TokenRequired'],
    ['public_api_key_not_found', 'TokenNotFound'],
    ['missing_module', 'FeatureNotEnabled'],
    ['payload_too_large', 'RequestCannotBeParsed'],
    ['service_unavailable', 'Failed'],
    ['ruleset_not_found', 'RequestCannotBeParsed'],
    ['a_code_from_the_future', 'Failed'],
    ['toString', 'Failed'],
  ])('%s -> %s', (given, want) => {
    expect(toV3ErrorCode(given)).toBe(want)
  })

  it('covers every v4 code of the spec', () => {
    const spec = parse(
      readFileSync(new URL('../../../../specs/server-api-v4.yaml', import.meta.url), 'utf8'),
    )
    const codes: string[] = spec.components.schemas.ErrorCode.enum
    expect(codes.length).toBeGreaterThan(0)
    expect(Object.keys(V4_TO_V3_ERROR_CODES).sort()).toEqual([...codes].sort())
  })
})
