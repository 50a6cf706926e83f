import { canonicalJson } from './canonical.ts'
import type { DiffContext } from './context.ts'
import { reportDeprecation } from './deprecation.ts'
import type { Resolver } from './resolve.ts'
import { diffSchema } from './schema-diff.ts'
import type { JsonObject } from './types.ts'

/** A parameter with `$ref` followed, keyed by where it goes and its name. */
interface Parameter {
  key: string
  in: string
  name: string
  value: JsonObject
}

/**
 * The parameters of an operation: path-item parameters overridden by operation parameters of the same name
 * and location, as OpenAPI specifies.
 *
 * @param pathItem - the path item object
 * @param operation - the operation object
 * @param resolver - resolver of their document
 * @returns the parameters in declaration order
 * @example
 * operationParameters(doc.paths['/events'], doc.paths['/events'].get, resolver)
 */
export function operationParameters(
  pathItem: JsonObject,
  operation: JsonObject,
  resolver: Resolver,
): Parameter[] {
  const byKey = new Map<string, Parameter>()
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue
    for (const raw of list) {
      const value = resolver.resolve(raw).value
      if (typeof value.name !== 'string' || typeof value.in !== 'string') continue
      const key = `${value.in} ${value.name}`
      byKey.set(key, { key, in: value.in, name: value.name, value })
    }
  }
  return [...byKey.values()]
}

function schemaText(p: Parameter, resolver: Resolver): string {
  return canonicalJson(p.value.schema ?? p.value.content ?? {}, resolver)
}

const isRequired = (p: Parameter) => p.in === 'path' || p.value.required === true

/**
 * Compares the parameters of one operation. A parameter removed and another added in the same location with the
 * same schema is reported as a rename.
 *
 * @param ctx - the comparison state
 * @param before - parameters in the previous description
 * @param after - parameters in the next description
 * @param operationPath - e.g. `GET /events`, for messages
 * @example
 * diffParameters(ctx, operationParameters(...), operationParameters(...), 'GET /events')
 */
export function diffParameters(
  ctx: DiffContext,
  before: Parameter[],
  after: Parameter[],
  operationPath: string,
): void {
  const oldByKey = new Map(before.map((p) => [p.key, p]))
  const newByKey = new Map(after.map((p) => [p.key, p]))
  const removed = before.filter((p) => !newByKey.has(p.key))
  const added = after.filter((p) => !oldByKey.has(p.key))

  for (const gone of [...removed]) {
    const text = schemaText(gone, ctx.old)
    const twin = added.find((p) => p.in === gone.in && schemaText(p, ctx.new) === text)
    if (!twin) continue
    removed.splice(removed.indexOf(gone), 1)
    added.splice(added.indexOf(twin), 1)
    ctx.report({
      kind: 'parameter-renamed',
      path: `${operationPath} ${gone.in} ${gone.name}`,
      class: 'breaking',
      reason: `${gone.in} parameter \`${gone.name}\` renamed to \`${twin.name}\`: calls using the old name no longer type-check`,
    })
    compareParameter(ctx, gone, twin, `${operationPath} ${twin.in} ${twin.name}`)
  }
  for (const p of removed) {
    ctx.report({
      kind: 'parameter-removed',
      path: `${operationPath} ${p.in} ${p.name}`,
      class: 'breaking',
      reason: `${p.in} parameter removed: calls passing it no longer type-check`,
    })
  }
  for (const p of added) {
    const required = isRequired(p)
    ctx.report({
      kind: 'parameter-added',
      path: `${operationPath} ${p.in} ${p.name}`,
      class: required ? 'breaking' : 'additive',
      reason: required
        ? `new required ${p.in} parameter: existing calls lack it`
        : `new optional ${p.in} parameter`,
    })
  }
  for (const p of before) {
    const q = newByKey.get(p.key)
    if (q) compareParameter(ctx, p, q, `${operationPath} ${p.in} ${p.name}`)
  }
}

function compareParameter(ctx: DiffContext, a: Parameter, b: Parameter, path: string): void {
  if (isRequired(a) !== isRequired(b)) {
    ctx.report({
      kind: isRequired(b) ? 'parameter-required' : 'parameter-optional',
      path,
      class: isRequired(b) ? 'breaking' : 'additive',
      reason: isRequired(b)
        ? 'parameter is now required: calls without it no longer type-check'
        : 'parameter is now optional',
    })
  }
  for (const key of ['style', 'explode', 'allowReserved'] as const) {
    if (a.value[key] !== b.value[key]) {
      ctx.report({
        kind: 'parameter-serialization-changed',
        path,
        class: 'breaking',
        reason: `${key} ${String(a.value[key] ?? 'default')} -> ${String(b.value[key] ?? 'default')}: the wire format changes while the generated client keeps serializing the old way`,
      })
    }
  }
  if (
    a.value.description !== b.value.description ||
    JSON.stringify(a.value.example) !== JSON.stringify(b.value.example) ||
    JSON.stringify(a.value.examples) !== JSON.stringify(b.value.examples)
  ) {
    ctx.report({
      kind: 'description-changed',
      path,
      class: 'docs',
      reason: 'parameter description or example changed: documentation only',
    })
  }
  reportDeprecation(ctx, a.value, b.value, path, 'parameter')
  diffSchema(ctx, a.value.schema ?? {}, b.value.schema ?? {}, path, 'request')
}
