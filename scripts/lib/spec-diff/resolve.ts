import type { JsonObject } from './types.ts'

/** A schema (or parameter, response, ...) after following `$ref`s, with the last component name seen. */
export interface Resolved {
  value: JsonObject
  /** The `$ref` that led here (the last one when refs chain), if any. */
  ref?: string
}

/** Follows local `$ref` pointers inside one document. */
export interface Resolver {
  /** Resolves `value` through any chain of `$ref`s; a ref cycle or a dangling ref throws. */
  resolve(value: unknown): Resolved
  /** The document the resolver reads. */
  document: JsonObject
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/**
 * Creates a resolver for local references (`#/components/...`) in `document`.
 *
 * @param document - the parsed OpenAPI document
 * @returns a {@link Resolver}
 * @throws Error from `resolve` for external refs, dangling refs and ref chains that loop
 * @example
 * const { value, ref } = createResolver(doc).resolve({ $ref: '#/components/schemas/Event' })
 */
export function createResolver(document: JsonObject): Resolver {
  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`)
    let node: unknown = document
    for (const token of ref.slice(2).split('/').map(decodePointerToken)) {
      if (!isObject(node) && !Array.isArray(node)) return undefined
      node = (node as Record<string, unknown>)[token]
    }
    return node
  }
  return {
    document,
    resolve(value: unknown): Resolved {
      let current = value
      let ref: string | undefined
      const seen = new Set<string>()
      while (isObject(current) && typeof current.$ref === 'string') {
        ref = current.$ref
        if (seen.has(ref)) throw new Error(`$ref cycle through ${ref}`)
        seen.add(ref)
        const target = lookup(ref)
        if (target === undefined) throw new Error(`$ref ${ref} points to nothing`)
        current = target
      }
      return { value: isObject(current) ? current : {}, ...(ref ? { ref } : {}) }
    },
  }
}

/** The last segment of a ref (`#/components/schemas/Event` -> `Event`). */
export function refName(ref: string): string {
  return decodePointerToken(ref.slice(ref.lastIndexOf('/') + 1))
}

/** Keys that document a schema without changing the generated type. */
export const DOC_KEYS = [
  'description',
  'title',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'deprecated',
] as const

/** Keys beside a `$ref` that do not change the schema (documentation and `x-` extensions). */
const DOC_SIBLINGS = new Set<string>([...DOC_KEYS, '$comment'])

/**
 * The structural keywords written beside a `$ref` (OpenAPI 3.1 applies them together with the target, like
 * `allOf`), or undefined when there are none.
 *
 * @param value - a schema
 * @returns the sibling keywords, if any
 * @example
 * refSiblings({ $ref: '#/components/schemas/Kind', const: 'allow' }) // { const: 'allow' }
 */
export function refSiblings(value: unknown): JsonObject | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return undefined
  const rest: JsonObject = {}
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' || DOC_SIBLINGS.has(k) || k.startsWith('x-')) continue
    rest[k] = v
  }
  return Object.keys(rest).length ? rest : undefined
}
