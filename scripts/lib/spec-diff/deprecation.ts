import type { DiffContext } from './context.ts'
import { isObject } from './resolve.ts'

/**
 * Keys that mark a node deprecated. OpenAPI has `deprecated` on operations, parameters and schemas; a Response
 * object has no such field, so descriptions mark a deprecated response with an extension instead.
 */
const DEPRECATION_KEYS = ['deprecated', 'x-deprecated', 'x-deprecated-response'] as const

/**
 * Whether an OpenAPI node (operation, parameter, response, schema, or the `$ref` object pointing at one) is marked
 * deprecated, by `deprecated: true` or by one of the `x-deprecated` / `x-deprecated-response` extensions.
 *
 * @param node - any part of an OpenAPI document
 * @returns true when the node itself carries a deprecation mark
 * @example
 * isDeprecated({ description: 'Gateway Timeout.', 'x-deprecated-response': true }) // true
 */
export function isDeprecated(node: unknown): boolean {
  return isObject(node) && DEPRECATION_KEYS.some((key) => node[key] === true)
}

/**
 * Reports a change of deprecation between two versions of one node. Marking something deprecated is `additive`:
 * semver asks for a minor release when public API is deprecated (the generated type is unchanged, a JSDoc
 * `@deprecated` tag appears). Lifting a deprecation is `docs`.
 *
 * @param ctx - the comparison state
 * @param before - the node in the previous description
 * @param after - the node in the next description
 * @param path - where the node sits, for messages
 * @param what - what the node is (`operation`, `parameter`, `response`, `schema`), for messages
 * @example
 * reportDeprecation(ctx, oldResponse, newResponse, 'GET /events response 504', 'response')
 */
export function reportDeprecation(
  ctx: DiffContext,
  before: unknown,
  after: unknown,
  path: string,
  what: string,
): void {
  reportDeprecationFlags(ctx, isDeprecated(before), isDeprecated(after), path, what)
}

/**
 * {@link reportDeprecation} for flags already worked out (a schema view's `deprecated`).
 *
 * @param ctx - the comparison state
 * @param was - deprecated in the previous description
 * @param is - deprecated in the next description
 * @param path - where the node sits, for messages
 * @param what - what the node is, for messages
 * @example
 * reportDeprecationFlags(ctx, oldView.deprecated, newView.deprecated, 'Event.os', 'schema')
 */
export function reportDeprecationFlags(
  ctx: DiffContext,
  was: boolean,
  is: boolean,
  path: string,
  what: string,
): void {
  if (was === is) return
  ctx.report(
    is
      ? {
          kind: 'deprecated',
          path,
          class: 'additive',
          reason: `${what} marked deprecated: the type is unchanged, but semver calls for a minor release when public API is deprecated`,
        }
      : {
          kind: 'undeprecated',
          path,
          class: 'docs',
          reason: `${what} no longer deprecated: documentation only`,
        },
  )
}
