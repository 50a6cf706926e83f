import { canonicalJson } from './canonical.ts'
import type { DiffContext } from './context.ts'
import { isObject } from './resolve.ts'
import { diffSchema } from './schema-diff.ts'

function record(value: unknown, key: string): Record<string, unknown> {
  const child = isObject(value) ? value[key] : undefined
  return isObject(child) ? child : {}
}

/**
 * Compares what lies outside the operations: component schemas added or removed (each is an exported type in
 * the generated `components`), schemas no operation reaches (webhook payloads: compared as responses, since the
 * client receives them), security schemes and servers.
 * Call after {@link diffOperations} so that schemas it already compared are not compared again.
 *
 * @param ctx - the comparison state
 * @example
 * diffOperations(ctx); diffComponents(ctx)
 */
export function diffComponents(ctx: DiffContext): void {
  const oldSchemas = record(record(ctx.old.document, 'components'), 'schemas')
  const newSchemas = record(record(ctx.new.document, 'components'), 'schemas')
  const reached = new Set<string>()
  for (const key of ctx.visited) reached.add(key.split('|')[1]!)
  for (const name of Object.keys(oldSchemas)) {
    if (!(name in newSchemas)) {
      ctx.report({
        kind: 'schema-removed',
        path: name,
        class: 'breaking',
        reason: `component schema removed: the generated \`components['schemas']['${name}']\` type is gone`,
      })
    }
  }
  for (const name of Object.keys(newSchemas)) {
    const ref = `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
    if (!(name in oldSchemas)) {
      ctx.report({
        kind: 'schema-added',
        path: name,
        class: 'additive',
        reason: 'new component schema',
      })
    } else if (!reached.has(ref)) {
      diffSchema(ctx, { $ref: ref }, { $ref: ref }, name, 'response')
    }
  }

  const oldSecurity = record(record(ctx.old.document, 'components'), 'securitySchemes')
  const newSecurity = record(record(ctx.new.document, 'components'), 'securitySchemes')
  for (const name of new Set([...Object.keys(oldSecurity), ...Object.keys(newSecurity)])) {
    const path = `security scheme ${name}`
    if (!(name in newSecurity))
      ctx.report({
        kind: 'security-scheme-removed',
        path,
        class: 'breaking',
        reason: 'clients configured for it can no longer authenticate',
      })
    else if (!(name in oldSecurity))
      ctx.report({
        kind: 'security-scheme-added',
        path,
        class: 'additive',
        reason: 'a new way to authenticate',
      })
    else if (
      canonicalJson(oldSecurity[name], ctx.old) !== canonicalJson(newSecurity[name], ctx.new)
    ) {
      ctx.report({
        kind: 'security-scheme-changed',
        path,
        class: 'breaking',
        reason: 'credentials are sent differently',
      })
    }
  }

  const urls = (doc: unknown) =>
    new Set(
      (Array.isArray(isObject(doc) ? doc.servers : undefined)
        ? (doc as { servers: unknown[] }).servers
        : []
      ).map((s) => (isObject(s) ? String(s.url) : '')),
    )
  const oldUrls = urls(ctx.old.document)
  const newUrls = urls(ctx.new.document)
  for (const url of oldUrls)
    if (!newUrls.has(url))
      ctx.report({
        kind: 'server-removed',
        path: `server ${url}`,
        class: 'breaking',
        reason: 'base URL no longer listed',
      })
  for (const url of newUrls)
    if (!oldUrls.has(url))
      ctx.report({
        kind: 'server-added',
        path: `server ${url}`,
        class: 'additive',
        reason: 'new base URL',
      })

  const oldInfo = record(ctx.old.document, 'info')
  const newInfo = record(ctx.new.document, 'info')
  if (oldInfo.description !== newInfo.description || oldInfo.title !== newInfo.title) {
    ctx.report({
      kind: 'description-changed',
      path: 'info',
      class: 'docs',
      reason: 'API title or description changed: documentation only',
    })
  }
}
