import type { DiffContext } from './context.ts'
import { reportDeprecation } from './deprecation.ts'
import { isObject } from './resolve.ts'
import { diffParameters, operationParameters } from './parameters-diff.ts'
import { diffSchema } from './schema-diff.ts'
import type { Direction, JsonObject } from './types.ts'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** `/events/{event_id}` and `/events/{id}` address the same operation. */
const templateKey = (path: string) => path.replace(/\{[^}]*\}/g, '{}')

function pathsOf(doc: JsonObject): Map<string, [string, JsonObject]> {
  const out = new Map<string, [string, JsonObject]>()
  if (!isObject(doc.paths)) return out
  for (const [path, item] of Object.entries(doc.paths))
    if (isObject(item)) out.set(templateKey(path), [path, item])
  return out
}

/**
 * Compares every operation of two descriptions: operations added or removed, path templates, operation ids,
 * parameters, request bodies and responses.
 *
 * @param ctx - the comparison state
 * @example
 * diffOperations(ctx)
 */
export function diffOperations(ctx: DiffContext): void {
  const before = pathsOf(ctx.old.document)
  const after = pathsOf(ctx.new.document)
  for (const [key, [oldPath, oldItem]] of before) {
    const match = after.get(key)
    for (const method of METHODS) {
      const oldOp = oldItem[method]
      if (!isObject(oldOp)) continue
      const label = `${method.toUpperCase()} ${match ? match[0] : oldPath}`
      const newOp = match?.[1][method]
      if (!isObject(newOp)) {
        ctx.report({
          kind: 'operation-removed',
          path: `${method.toUpperCase()} ${oldPath}`,
          class: 'breaking',
          reason: 'operation removed: calls to it no longer type-check',
        })
        continue
      }
      if (match && match[0] !== oldPath) {
        ctx.report({
          kind: 'path-template-changed',
          path: label,
          class: 'breaking',
          reason: `path key ${oldPath} -> ${match[0]}: the generated \`paths\` map is keyed by the template`,
        })
      }
      diffOperation(ctx, oldItem, oldOp, match![1], newOp, label)
    }
  }
  for (const [key, [newPath, newItem]] of after) {
    const old = before.get(key)
    for (const method of METHODS) {
      if (!isObject(newItem[method]) || isObject(old?.[1][method])) continue
      ctx.report({
        kind: 'operation-added',
        path: `${method.toUpperCase()} ${newPath}`,
        class: 'additive',
        reason: 'new operation',
      })
    }
  }
}

function diffOperation(
  ctx: DiffContext,
  oldItem: JsonObject,
  a: JsonObject,
  newItem: JsonObject,
  b: JsonObject,
  label: string,
): void {
  if (a.operationId !== b.operationId) {
    ctx.report({
      kind: 'operation-id-changed',
      path: label,
      class: 'breaking',
      reason: `operationId ${String(a.operationId ?? 'none')} -> ${String(b.operationId ?? 'none')}: the generated \`operations\` map is keyed by it`,
    })
  }
  if (
    a.summary !== b.summary ||
    a.description !== b.description ||
    JSON.stringify(a.externalDocs) !== JSON.stringify(b.externalDocs)
  ) {
    ctx.report({
      kind: 'description-changed',
      path: label,
      class: 'docs',
      reason: 'operation summary or description changed: documentation only',
    })
  }
  if (JSON.stringify(a.tags ?? []) !== JSON.stringify(b.tags ?? [])) {
    ctx.report({
      kind: 'tags-changed',
      path: label,
      class: 'docs',
      reason: 'operation tags changed: documentation grouping only',
    })
  }
  reportDeprecation(ctx, a, b, label, 'operation')
  if (JSON.stringify(a.security) !== JSON.stringify(b.security)) {
    ctx.report({
      kind: 'operation-security-changed',
      path: label,
      class: 'breaking',
      reason: 'the operation takes different credentials',
    })
  }
  diffParameters(
    ctx,
    operationParameters(oldItem, a, ctx.old),
    operationParameters(newItem, b, ctx.new),
    label,
  )
  diffRequestBody(ctx, a.requestBody, b.requestBody, `${label} request body`)
  diffResponses(ctx, a.responses, b.responses, label)
}

function diffRequestBody(ctx: DiffContext, before: unknown, after: unknown, path: string): void {
  if (before === undefined && after === undefined) return
  const a = before === undefined ? undefined : ctx.old.resolve(before).value
  const b = after === undefined ? undefined : ctx.new.resolve(after).value
  if (!a || !b) {
    const required = b?.required === true
    ctx.report({
      kind: b ? 'request-body-added' : 'request-body-removed',
      path,
      class: !b || required ? 'breaking' : 'additive',
      reason: b
        ? required
          ? 'new required request body: existing calls lack it'
          : 'new optional request body'
        : 'request body removed: calls sending one no longer type-check',
    })
    return
  }
  if (Boolean(a.required) !== Boolean(b.required)) {
    ctx.report({
      kind: b.required ? 'request-body-required' : 'request-body-optional',
      path,
      class: b.required ? 'breaking' : 'additive',
      reason: b.required ? 'request body is now required' : 'request body is now optional',
    })
  }
  if (a.description !== b.description)
    ctx.report({
      kind: 'description-changed',
      path,
      class: 'docs',
      reason: 'request body description changed: documentation only',
    })
  diffContent(ctx, a.content, b.content, path, 'request')
}

function diffContent(
  ctx: DiffContext,
  before: unknown,
  after: unknown,
  path: string,
  direction: Direction,
): void {
  const a = isObject(before) ? before : {}
  const b = isObject(after) ? after : {}
  for (const type of Object.keys(a)) {
    if (!(type in b)) {
      ctx.report({
        kind: 'media-type-removed',
        path: `${path} ${type}`,
        class: 'breaking',
        reason: `media type ${type} no longer ${direction === 'request' ? 'accepted' : 'returned'}`,
      })
      continue
    }
    const ma = isObject(a[type]) ? a[type] : {}
    const mb = isObject(b[type]) ? b[type] : {}
    if (
      JSON.stringify(ma.example) !== JSON.stringify(mb.example) ||
      JSON.stringify(ma.examples) !== JSON.stringify(mb.examples)
    ) {
      ctx.report({
        kind: 'example-changed',
        path: `${path} ${type}`,
        class: 'docs',
        reason: 'example changed: documentation only',
      })
    }
    diffSchema(ctx, ma.schema ?? {}, mb.schema ?? {}, `${path} ${type}`, direction)
  }
  for (const type of Object.keys(b)) {
    if (!(type in a)) {
      ctx.report({
        kind: 'media-type-added',
        path: `${path} ${type}`,
        class: 'additive',
        reason: `media type ${type} now ${direction === 'request' ? 'accepted' : 'returned'}`,
      })
    }
  }
}

function diffResponses(ctx: DiffContext, before: unknown, after: unknown, label: string): void {
  const a = isObject(before) ? before : {}
  const b = isObject(after) ? after : {}
  for (const status of Object.keys(a)) {
    const path = `${label} response ${status}`
    if (!(status in b)) {
      const success = /^2/.test(status)
      ctx.report({
        kind: 'response-removed',
        path,
        class: success ? 'breaking' : 'additive',
        reason: success
          ? 'success response removed: its typed data is gone'
          : 'documented error response removed: the error union narrows',
      })
      continue
    }
    const ra = ctx.old.resolve(a[status]).value
    const rb = ctx.new.resolve(b[status]).value
    if (ra.description !== rb.description)
      ctx.report({
        kind: 'description-changed',
        path,
        class: 'docs',
        reason: 'response description changed: documentation only',
      })
    reportDeprecation(ctx, ra, rb, path, 'response')
    diffHeaders(ctx, ra.headers, rb.headers, path)
    diffContent(ctx, ra.content, rb.content, path, 'response')
  }
  for (const status of Object.keys(b)) {
    if (status in a) continue
    ctx.report({
      kind: 'response-added',
      path: `${label} response ${status}`,
      class: 'additive',
      reason: `new documented ${/^2/.test(status) ? 'success' : 'error'} response`,
    })
  }
}

function diffHeaders(ctx: DiffContext, before: unknown, after: unknown, path: string): void {
  const a = isObject(before) ? before : {}
  const b = isObject(after) ? after : {}
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const at = `${path} header ${name}`
    if (!(name in b))
      ctx.report({
        kind: 'response-header-removed',
        path: at,
        class: 'breaking',
        reason: 'response header no longer documented',
      })
    else if (!(name in a))
      ctx.report({
        kind: 'response-header-added',
        path: at,
        class: 'additive',
        reason: 'new response header',
      })
    else
      diffSchema(
        ctx,
        ctx.old.resolve(a[name]).value.schema ?? {},
        ctx.new.resolve(b[name]).value.schema ?? {},
        at,
        'response',
      )
  }
}
