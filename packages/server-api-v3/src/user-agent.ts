import { VERSION } from './version'

/**
 * The client identifier sent in the `User-Agent` header of every request.
 *
 * @returns `fpapi-server-api-v3/<VERSION>`.
 * @example
 * ```ts
 * console.log(getIntegrationInfo()) // 'fpapi-server-api-v3/0.1.0'
 * ```
 */
export function getIntegrationInfo(): string {
  return `fpapi-server-api-v3/${VERSION}`
}
