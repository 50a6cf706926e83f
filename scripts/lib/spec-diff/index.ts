import { bumpFor } from './bump.ts'
import { diffComponents } from './components-diff.ts'
import { createDiffContext } from './context.ts'
import { diffOperations } from './operations-diff.ts'
import { createResolver } from './resolve.ts'
import type { JsonObject, SpecDiff } from './types.ts'

/**
 * Compares two versions of one API description as a client generated from them sees it, and classifies each
 * change as breaking, additive or documentation only.
 *
 * @param before - the previous OpenAPI document (parsed)
 * @param after - the next OpenAPI document (parsed)
 * @returns the changes, in a stable order, and the semver bump they call for
 * @throws Error when a `$ref` is external, dangling or loops on itself
 * @example
 * const { bump, changes } = diffSpecs(loadSpec('old.yaml'), loadSpec('new.yaml'))
 */
export function diffSpecs(before: JsonObject, after: JsonObject): SpecDiff {
  const ctx = createDiffContext(createResolver(before), createResolver(after))
  diffOperations(ctx)
  diffComponents(ctx)
  if (ctx.changes.length === 0 && sortedJson(before) !== sortedJson(after)) {
    // anything else (info.license, tags, x- extensions, ...) still changes the published description
    ctx.report({
      kind: 'other-change',
      path: '$',
      class: 'docs',
      reason:
        'the description changed in parts the generated client does not read (metadata, tags or x- extensions)',
    })
  }
  const order = { breaking: 0, additive: 1, docs: 2 }
  const changes = [...ctx.changes].sort(
    (a, b) =>
      order[a.class] - order[b.class] ||
      a.path.localeCompare(b.path) ||
      a.kind.localeCompare(b.kind),
  )
  return { bump: bumpFor(changes), changes }
}

/** JSON with object keys sorted, so that key order alone never counts as a change. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  )
}

export { bumpFor } from './bump.ts'
export { renderMarkdown } from './markdown.ts'
export type { MarkdownOptions } from './markdown.ts'
export type { Bump, ChangeClass, Direction, SpecChange, SpecDiff } from './types.ts'
