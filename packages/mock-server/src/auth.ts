import { MockApiError } from './api-error'
import type { ApiVersion, MockRegion } from './types'

/** Valid secret API keys of each region. */
export type MockKeys = Record<MockRegion, readonly string[]>

/**
 * Extracts the secret API key the way the real API reads it and checks it against the keys of
 * every region: v4 reads `Authorization: Bearer <key>`; v3 reads the `Auth-API-Key` header or
 * the `api_key` query parameter.
 *
 * @param version - API version of the request
 * @param headers - request headers (lower-case names)
 * @param query - request query string
 * @param keys - known keys of each region
 * @param region - region of this server
 * @returns the accepted key
 * @throws {MockApiError} 403 with the version's code for a missing key, an unknown key or a key of another region
 * @internal
 */
export function authenticate(
  version: ApiVersion,
  headers: Record<string, string | string[] | undefined>,
  query: URLSearchParams,
  keys: MockKeys,
  region: MockRegion,
): string {
  let key: string | undefined
  if (version === 'v4') {
    const header = headers.authorization
    const value = Array.isArray(header) ? header[0] : header
    const match = value ? /^Bearer\s+(\S.*)$/i.exec(value.trim()) : null
    key = match?.[1]?.trim()
    if (!key) {
      throw new MockApiError(
        403,
        'secret_api_key_required',
        'Secret API key is required: send it as "Authorization: Bearer <secret API key>".',
      )
    }
  } else {
    const header = headers['auth-api-key']
    key =
      (Array.isArray(header) ? header[0] : header)?.trim() ||
      query.get('api_key')?.trim() ||
      undefined
    if (!key) {
      throw new MockApiError(
        403,
        'secret_api_key_required',
        '"Auth-API-Key" header or "api_key" query parameter is missing or empty.',
      )
    }
  }
  if (keys[region].includes(key)) return key
  const owner = (Object.keys(keys) as MockRegion[]).find((r) => keys[r].includes(key))
  if (owner) {
    throw new MockApiError(
      403,
      'wrong_region',
      `The secret API key belongs to the "${owner}" region; this server is the "${region}" region.`,
    )
  }
  throw new MockApiError(403, 'secret_api_key_not_found', 'Secret API key not found.')
}
