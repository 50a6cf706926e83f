import { canonicalJson } from './canonical.ts'
import type { DiffContext } from './context.ts'
import { reportDeprecation, reportDeprecationFlags } from './deprecation.ts'
import { isObject, refName, refSiblings } from './resolve.ts'
import { schemaView, type SchemaView } from './schema-view.ts'
import type { ChangeClass, Direction } from './types.ts'

const show = (v: unknown) => JSON.stringify(v)
const typeText = (v: SchemaView) => (v.types.length ? v.types.join(' | ') : 'any')

/** Is every value of type `t` accepted by a schema declaring `types`? (`integer` fits in `number`, no types means any.) */
function covers(types: string[], t: string): boolean {
  return types.length === 0 || types.includes(t) || (t === 'integer' && types.includes('number'))
}

function coversAll(wide: string[], narrow: string[]): boolean {
  if (wide.length === 0) return true
  if (narrow.length === 0) return false
  return narrow.every((t) => covers(wide, t))
}

/** TypeScript sees `integer` and `number` as the same `number`. */
function tsTypes(types: string[]): string {
  return [...new Set(types.map((t) => (t === 'integer' ? 'number' : t)))].sort().join(',')
}

/**
 * Class of a change that lets a schema accept more values (`widening`) or fewer. Requests are written by the
 * caller: accepting more is harmless, accepting less breaks callers. Responses are read by the caller: a wider
 * response type breaks code that handled the old one, a narrower one does not.
 */
function classify(direction: Direction, widening: boolean): ChangeClass {
  if (direction === 'request') return widening ? 'additive' : 'breaking'
  return widening ? 'breaking' : 'additive'
}

function whereText(direction: Direction): string {
  return direction === 'request' ? 'in a request' : 'in a response'
}

/** Two enum values that differ only in case, spacing or punctuation (`high,` -> `high`): a typo fix. */
function sameWord(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  return squash(a) !== '' && squash(a) === squash(b)
}

/**
 * Compares two schemas as a generated client sees them and reports each difference to `ctx`, classified by
 * `direction`. Component pairs reached through `$ref` are compared once per direction (cycles stop there) and
 * reported under the component name.
 *
 * @param ctx - the comparison state
 * @param before - schema in the previous description
 * @param after - schema in the next description
 * @param path - where the schema sits, for messages
 * @param direction - `request` when the client sends it, `response` when it receives it
 * @example
 * diffSchema(ctx, oldOp.requestBody.content['application/json'].schema, newSchema, 'POST /x request body', 'request')
 */
export function diffSchema(
  ctx: DiffContext,
  before: unknown,
  after: unknown,
  path: string,
  direction: Direction,
): void {
  // a $ref with structural siblings is a local refinement of the target: compare it here, not as the component
  const oldRef = refSiblings(before) ? undefined : ctx.old.resolve(before).ref
  const newRef = refSiblings(after) ? undefined : ctx.new.resolve(after).ref
  if (oldRef || newRef) {
    // OpenAPI 3.1 lets a $ref carry its own description: that text belongs to this location, not the component
    const sibling = (v: unknown) =>
      isObject(v) && typeof v.$ref === 'string' ? show(v.description ?? v.summary) : undefined
    if (oldRef && newRef && sibling(before) !== sibling(after)) {
      ctx.report({
        kind: 'description-changed',
        path,
        class: 'docs',
        reason: 'description next to a $ref changed: documentation only',
      })
    }
    // so can a deprecation mark: `{ $ref, deprecated: true }` deprecates this property, not the component
    if (oldRef && newRef) reportDeprecation(ctx, before, after, path, 'schema')
    const key = `${oldRef ?? '-'}|${newRef ?? '-'}|${direction}|${oldRef && newRef ? '' : path}`
    if (ctx.visited.has(key)) return
    ctx.visited.add(key)
    if (oldRef && newRef) path = refName(newRef)
  }
  const a = schemaView(before, ctx.old)
  const b = schemaView(after, ctx.new)
  diffDocs(ctx, a, b, path)

  if (tsTypes(a.types) !== tsTypes(b.types) || a.types.join() !== b.types.join()) {
    if (tsTypes(a.types) === tsTypes(b.types)) {
      ctx.report({
        kind: 'type-changed',
        path,
        class: 'additive',
        reason: `type ${typeText(a)} -> ${typeText(b)}: both are \`number\` in TypeScript, only validation changes`,
      })
    } else {
      const widening = coversAll(b.types, a.types)
      const narrowing = coversAll(a.types, b.types)
      const cls: ChangeClass = widening || narrowing ? classify(direction, widening) : 'breaking'
      const how = widening
        ? 'accepts more values'
        : narrowing
          ? 'accepts fewer values'
          : 'is a different type'
      ctx.report({
        kind: 'type-changed',
        path,
        class: cls,
        reason: `type ${typeText(a)} -> ${typeText(b)} ${whereText(direction)}: the schema ${how}`,
      })
      if (!widening && !narrowing) return
    }
  }

  if (a.nullable !== b.nullable) {
    const cls = classify(direction, b.nullable)
    ctx.report({
      kind: b.nullable ? 'made-nullable' : 'made-non-nullable',
      path,
      class: cls,
      reason: b.nullable
        ? direction === 'response'
          ? 'a response value may now be null: code that uses it without a null check no longer type-checks'
          : 'a request value may now be null: existing calls stay valid'
        : direction === 'response'
          ? 'a response value is never null any more: existing null checks stay valid'
          : 'a request value may no longer be null: calls passing null break',
    })
  }

  // when either side is a union, its alternatives carry enum, format and constraints: diffVariants compares them
  const union = Boolean(a.variants || b.variants)
  if (!union) diffScalars(ctx, a, b, path, direction)

  diffProperties(ctx, a, b, path, direction)

  if (a.items !== undefined || b.items !== undefined) {
    diffSchema(ctx, a.items ?? {}, b.items ?? {}, `${path}[]`, direction)
  }
  diffAdditionalProperties(ctx, a, b, path, direction)
  diffVariants(ctx, a, b, before, after, path, direction)
}

function diffScalars(
  ctx: DiffContext,
  a: SchemaView,
  b: SchemaView,
  path: string,
  direction: Direction,
): void {
  diffEnum(ctx, a, b, path, direction)

  if (a.format !== b.format) {
    ctx.report({
      kind: 'format-changed',
      path,
      class: 'additive',
      reason: `format ${a.format ?? 'none'} -> ${b.format ?? 'none'}: the generated type is unchanged, the value's validation is not`,
    })
  }
  for (const key of new Set([...Object.keys(a.constraints), ...Object.keys(b.constraints)])) {
    if (show(a.constraints[key]) === show(b.constraints[key])) continue
    ctx.report({
      kind: key === 'default' ? 'default-changed' : 'constraint-changed',
      path,
      class: 'additive',
      reason: `${key} ${show(a.constraints[key]) ?? 'unset'} -> ${show(b.constraints[key]) ?? 'unset'}: validation or default behaviour changes, the generated type does not`,
    })
  }
}

function diffDocs(ctx: DiffContext, a: SchemaView, b: SchemaView, path: string): void {
  for (const key of ['description', 'title', 'summary', 'externalDocs'] as const) {
    if (show(a.docs[key]) !== show(b.docs[key])) {
      ctx.report({
        kind: 'description-changed',
        path,
        class: 'docs',
        reason: `${key} changed: documentation only`,
      })
      break
    }
  }
  if (
    show(a.docs.example) !== show(b.docs.example) ||
    show(a.docs.examples) !== show(b.docs.examples)
  ) {
    ctx.report({
      kind: 'example-changed',
      path,
      class: 'docs',
      reason: 'example changed: documentation only',
    })
  }
  reportDeprecationFlags(ctx, a.deprecated, b.deprecated, path, 'schema')
}

function diffEnum(
  ctx: DiffContext,
  a: SchemaView,
  b: SchemaView,
  path: string,
  direction: Direction,
): void {
  if (!a.enum && !b.enum) return
  if (!a.enum || !b.enum) {
    // an enum appearing narrows the type to a literal union; one disappearing widens it to the base type
    const widening = !b.enum
    // A response enum opening up to its base type is what adding values does without end: clients already
    // have to tolerate values they do not know (the rule for added response values), so it is additive too.
    const openedResponse = widening && direction === 'response'
    ctx.report({
      kind: widening ? 'enum-removed' : 'enum-added',
      path,
      class: openedResponse ? 'additive' : classify(direction, widening),
      reason: openedResponse
        ? `values are no longer restricted to ${show(a.enum)} in a response: like added values, unknown ones must already be tolerated (code assigning the field to the old literal type needs a cast)`
        : widening
          ? `values are no longer restricted to ${show(a.enum)} ${whereText(direction)}`
          : `values are now restricted to ${show(b.enum)} ${whereText(direction)}`,
    })
    return
  }
  const key = (v: unknown) => show(v)
  const oldKeys = new Set(a.enum.map(key))
  const newKeys = new Set(b.enum.map(key))
  const removed = a.enum.filter((v) => !newKeys.has(key(v)))
  const added = b.enum.filter((v) => !oldKeys.has(key(v)))
  for (const value of removed) {
    const fix = added.find((n) => sameWord(value, n))
    if (fix !== undefined) {
      added.splice(added.indexOf(fix), 1)
      ctx.report({
        kind: 'enum-value-corrected',
        path,
        class: 'docs',
        reason: `enum value ${show(value)} corrected to ${show(fix)}: a spelling fix of a value the API never meant`,
      })
      continue
    }
    ctx.report({
      kind: 'enum-value-removed',
      path,
      class: 'breaking',
      reason:
        direction === 'request'
          ? `enum value ${show(value)} removed from a request: callers sending it no longer type-check`
          : `enum value ${show(value)} removed from a response: code comparing with it no longer type-checks`,
    })
  }
  for (const value of added) {
    ctx.report({
      kind: 'enum-value-added',
      path,
      class: 'additive',
      reason:
        direction === 'request'
          ? `enum value ${show(value)} added to a request: a new option for callers`
          : `enum value ${show(value)} added to a response: a new value clients must tolerate (new signal values ship as minor releases; exhaustive switches need a default branch)`,
    })
  }
}

function diffProperties(
  ctx: DiffContext,
  a: SchemaView,
  b: SchemaView,
  path: string,
  direction: Direction,
): void {
  const names = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])
  for (const name of names) {
    const at = `${path}.${name}`
    const inOld = name in a.properties
    const inNew = name in b.properties
    const requiredBefore = a.required.includes(name)
    const requiredAfter = b.required.includes(name)
    if (!inOld) {
      const breaking = direction === 'request' && requiredAfter
      ctx.report({
        kind: 'property-added',
        path: at,
        class: breaking ? 'breaking' : 'additive',
        reason: breaking
          ? 'new required request property: existing calls lack it'
          : direction === 'request'
            ? 'new optional request property'
            : `new ${requiredAfter ? 'required' : 'optional'} response property`,
      })
      continue
    }
    if (!inNew) {
      ctx.report({
        kind: 'property-removed',
        path: at,
        class: 'breaking',
        reason:
          direction === 'request'
            ? 'request property removed: calls that set it no longer type-check'
            : 'response property removed: code reading it no longer type-checks',
      })
      continue
    }
    if (requiredBefore !== requiredAfter) {
      const cls: ChangeClass =
        direction === 'request'
          ? requiredAfter
            ? 'breaking'
            : 'additive'
          : requiredAfter
            ? 'additive'
            : 'breaking'
      ctx.report({
        kind: requiredAfter ? 'property-required' : 'property-optional',
        path: at,
        class: cls,
        reason:
          direction === 'request'
            ? requiredAfter
              ? 'request property is now required: calls without it no longer type-check'
              : 'request property is now optional'
            : requiredAfter
              ? 'response property is now always present'
              : 'response property may now be absent: code using it without a check no longer type-checks',
      })
    }
    diffSchema(ctx, a.properties[name], b.properties[name], at, direction)
  }
}

type Extra = 'none' | 'any' | 'schema'
function extraKind(value: unknown): Extra {
  if (value === true) return 'any'
  if (isObject(value)) return Object.keys(value).length === 0 ? 'any' : 'schema'
  return 'none'
}

function diffAdditionalProperties(
  ctx: DiffContext,
  a: SchemaView,
  b: SchemaView,
  path: string,
  direction: Direction,
): void {
  const before = extraKind(a.additionalProperties)
  const after = extraKind(b.additionalProperties)
  if (before === 'schema' && after === 'schema') {
    diffSchema(ctx, a.additionalProperties, b.additionalProperties, `${path}{}`, direction)
    return
  }
  if (before === after) return
  if (after === 'none') {
    ctx.report({
      kind: 'additional-properties-removed',
      path,
      class: 'breaking',
      reason: 'the map/index signature is gone: code using arbitrary keys no longer type-checks',
    })
  } else if (before === 'none') {
    ctx.report({
      kind: 'additional-properties-added',
      path,
      class: 'additive',
      reason: `extra keys are now allowed ${whereText(direction)} (an index signature)`,
    })
  } else {
    diffSchema(
      ctx,
      before === 'any' ? {} : a.additionalProperties,
      after === 'any' ? {} : b.additionalProperties,
      `${path}{}`,
      direction,
    )
  }
}

function variantKey(ctx: DiffContext, side: 'old' | 'new', value: unknown): string {
  const resolver = ctx[side]
  const { ref } = resolver.resolve(value)
  return ref ? `ref:${refName(ref)}` : `shape:${canonicalJson(value, resolver)}`
}

function diffVariants(
  ctx: DiffContext,
  a: SchemaView,
  b: SchemaView,
  oldSchema: unknown,
  newSchema: unknown,
  path: string,
  direction: Direction,
): void {
  if (!a.variants && !b.variants) return
  // a plain schema turning into a union (or back) is compared as a union of one
  const before = a.variants ?? [oldSchema]
  const after = b.variants ?? [newSchema]
  const oldKeys = before.map((v) => variantKey(ctx, 'old', v))
  const newKeys = after.map((v) => variantKey(ctx, 'new', v))
  const unmatchedOld: number[] = []
  const matchedNew = new Set<number>()
  oldKeys.forEach((k, i) => {
    const j = newKeys.findIndex((n, idx) => n === k && !matchedNew.has(idx))
    if (j < 0) unmatchedOld.push(i)
    else {
      matchedNew.add(j)
      diffSchema(
        ctx,
        before[i],
        after[j],
        `${path}<${k.startsWith('ref:') ? k.slice(4) : `#${j}`}>`,
        direction,
      )
    }
  })
  const unmatchedNew = newKeys.map((_, j) => j).filter((j) => !matchedNew.has(j))
  // one variant changed in place: compare it rather than reporting a removal and an addition
  if (unmatchedOld.length === 1 && unmatchedNew.length === 1) {
    diffSchema(
      ctx,
      before[unmatchedOld[0]!],
      after[unmatchedNew[0]!],
      `${path}<#${unmatchedNew[0]}>`,
      direction,
    )
    return
  }
  for (const i of unmatchedOld) {
    ctx.report({
      kind: 'variant-removed',
      path: `${path}<${oldKeys[i]!.startsWith('ref:') ? oldKeys[i]!.slice(4) : `#${i}`}>`,
      class: classify(direction, false),
      reason: `a oneOf/anyOf alternative was removed ${whereText(direction)}`,
    })
  }
  for (const j of unmatchedNew) {
    ctx.report({
      kind: 'variant-added',
      path: `${path}<${newKeys[j]!.startsWith('ref:') ? newKeys[j]!.slice(4) : `#${j}`}>`,
      class: classify(direction, true),
      reason: `a oneOf/anyOf alternative was added ${whereText(direction)}`,
    })
  }
}
