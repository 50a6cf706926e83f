import { isDeprecated } from './deprecation.ts'
import { DOC_KEYS, isObject, refSiblings, type Resolver } from './resolve.ts'
import type { JsonObject } from './types.ts'

/** Validation keywords that do not change the generated TypeScript type. */
export const CONSTRAINT_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
] as const

/** The parts of a schema that shape a generated type, after `$ref`s are followed and `allOf` merged. */
export interface SchemaView {
  /** Component name when reached through a `$ref`. */
  name?: string
  /** Declared types without `null`, sorted; empty means any. */
  types: string[]
  /** Whether `null` is allowed (3.0 `nullable`, a 3.1 `null` type, a `null` variant or enum value). */
  nullable: boolean
  /** Allowed values (from `enum` or `const`), without `null`. */
  enum?: unknown[]
  format?: string
  properties: Record<string, unknown>
  required: string[]
  items?: unknown
  /** `true`, `false`, a schema, or undefined when not stated. */
  additionalProperties?: unknown
  /** `oneOf`/`anyOf` alternatives (not counting a `null` alternative). */
  variants?: unknown[]
  /** Documentation keys, for description-only comparisons. */
  docs: JsonObject
  /** Marked deprecated (`deprecated: true` or an `x-deprecated` extension) on this schema itself. */
  deprecated: boolean
  /** Constraint keywords present. */
  constraints: JsonObject
}

function isNullSchema(value: unknown, resolver: Resolver): boolean {
  const s = resolver.resolve(value).value
  return (
    s.type === 'null' ||
    (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null') ||
    ('const' in s && s.const === null)
  )
}

function emptyView(): SchemaView {
  return {
    types: [],
    nullable: false,
    properties: {},
    required: [],
    docs: {},
    deprecated: false,
    constraints: {},
  }
}

/**
 * Builds a {@link SchemaView} of `schema`: follows `$ref`, merges `allOf` members, folds every way of saying
 * "nullable" into one flag, and unwraps a `oneOf`/`anyOf` whose only non-null alternative is one schema.
 *
 * @param schema - a schema object or `$ref`
 * @param resolver - resolver of the document the schema belongs to
 * @param depth - recursion guard for pathological `allOf` nesting
 * @returns the view
 * @example
 * schemaView({ type: ['string', 'null'] }, resolver) // { types: ['string'], nullable: true, ... }
 */
export function schemaView(schema: unknown, resolver: Resolver, depth = 0): SchemaView {
  const siblings = refSiblings(schema)
  if (siblings && depth <= 32) {
    // `{ $ref, const: x }` in OpenAPI 3.1 means both apply: read it as an allOf of the target and the siblings
    const { $ref, ...rest } = schema as Record<string, unknown>
    const allOf = [{ $ref }, ...(Array.isArray(rest.allOf) ? rest.allOf : [])]
    return schemaView({ ...rest, allOf }, resolver, depth + 1)
  }
  const { value: s, ref } = resolver.resolve(schema)
  const view = emptyView()
  if (ref) view.name = ref.slice(ref.lastIndexOf('/') + 1)
  if (depth > 32) return view

  const declared = Array.isArray(s.type)
    ? (s.type as string[])
    : typeof s.type === 'string'
      ? [s.type]
      : []
  view.types = declared.filter((t) => t !== 'null')
  view.nullable = declared.includes('null') || s.nullable === true
  if (Array.isArray(s.enum)) {
    view.enum = s.enum.filter((v) => v !== null)
    if (s.enum.includes(null)) view.nullable = true
  }
  if ('const' in s) {
    if (s.const === null) view.nullable = true
    else view.enum = [s.const]
  }
  if (typeof s.format === 'string') view.format = s.format
  if (isObject(s.properties)) view.properties = { ...s.properties }
  if (Array.isArray(s.required)) view.required = [...(s.required as string[])]
  if ('items' in s) view.items = s.items
  if ('additionalProperties' in s) view.additionalProperties = s.additionalProperties
  for (const key of DOC_KEYS) if (key in s) view.docs[key] = s[key]
  view.deprecated = isDeprecated(s)
  for (const key of CONSTRAINT_KEYS) if (key in s) view.constraints[key] = s[key]

  const alternatives = Array.isArray(s.oneOf)
    ? s.oneOf
    : Array.isArray(s.anyOf)
      ? s.anyOf
      : undefined
  if (alternatives) {
    const nonNull = alternatives.filter((v) => !isNullSchema(v, resolver))
    if (nonNull.length < alternatives.length) view.nullable = true
    if (nonNull.length === 1) {
      mergeInto(view, schemaView(nonNull[0], resolver, depth + 1))
    } else {
      view.variants = nonNull
    }
  }
  if (Array.isArray(s.allOf)) {
    for (const member of s.allOf) mergeInto(view, schemaView(member, resolver, depth + 1), true)
  }
  if (view.types.length === 0 && view.variants) {
    const variantTypes = view.variants.map((v) => schemaView(v, resolver, depth + 1).types)
    if (variantTypes.every((t) => t.length > 0)) view.types = variantTypes.flat()
  }
  if (view.types.length === 0) {
    if (Object.keys(view.properties).length > 0 || isObject(view.additionalProperties))
      view.types = ['object']
    else if (view.items !== undefined) view.types = ['array']
  }
  view.types = [...new Set(view.types)].sort()
  return view
}

/** Merges `part` into `view` (allOf semantics: both must hold). */
function mergeInto(view: SchemaView, part: SchemaView, intersect = false): void {
  if (part.types.length) {
    view.types =
      view.types.length && intersect
        ? view.types.filter(
            (t) => part.types.includes(t) || (t === 'number' && part.types.includes('integer')),
          )
        : [...view.types, ...part.types]
    if (intersect && view.types.length === 0) view.types = part.types.filter((t) => t === 'integer')
  }
  // allOf: null is allowed only if every member allows it; for a unwrapped nullable oneOf the flag is kept as is
  if (!intersect) view.nullable = view.nullable || part.nullable
  if (part.enum)
    view.enum = view.enum
      ? view.enum.filter((v) => part.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v)))
      : part.enum
  if (part.format && !view.format) view.format = part.format
  Object.assign(view.properties, part.properties)
  view.required = [...new Set([...view.required, ...part.required])]
  if (part.items !== undefined && view.items === undefined) view.items = part.items
  if (part.additionalProperties !== undefined && view.additionalProperties === undefined)
    view.additionalProperties = part.additionalProperties
  if (part.variants && !view.variants) view.variants = part.variants
  for (const [k, v] of Object.entries(part.constraints))
    if (!(k in view.constraints)) view.constraints[k] = v
  if (!view.name && part.name && !intersect) view.name = part.name
}
