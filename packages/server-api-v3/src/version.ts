import { version } from '../package.json'

/**
 * The version of `@fpapi/server-api-v3`, sent in the `User-Agent` header of every request.
 *
 * @example
 * ```ts
 * import { VERSION } from '@fpapi/server-api-v3'
 * console.log(`running @fpapi/server-api-v3 ${VERSION}`)
 * ```
 */
export const VERSION: string = version
