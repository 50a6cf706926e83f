import type { Resolver } from './resolve.ts'
import type { SpecChange } from './types.ts'

/** State shared by one comparison: both documents, the changes found so far, and the schema pairs already compared. */
export interface DiffContext {
  old: Resolver
  new: Resolver
  /** Records a change once (same kind, path and class are kept once). */
  report(change: SpecChange): void
  /** `oldRef|newRef|direction` keys of component pairs compared or being compared (cycle and duplicate guard). */
  visited: Set<string>
  changes: SpecChange[]
}

/**
 * Creates an empty {@link DiffContext} for two documents.
 *
 * @param oldResolver - resolver of the previous description
 * @param newResolver - resolver of the next description
 * @returns the context
 * @example
 * const ctx = createDiffContext(createResolver(oldDoc), createResolver(newDoc))
 */
export function createDiffContext(oldResolver: Resolver, newResolver: Resolver): DiffContext {
  const changes: SpecChange[] = []
  const keys = new Set<string>()
  return {
    old: oldResolver,
    new: newResolver,
    visited: new Set(),
    changes,
    report(change) {
      const key = `${change.kind}\u0000${change.path}\u0000${change.class}\u0000${change.reason}`
      if (keys.has(key)) return
      keys.add(key)
      changes.push(change)
    },
  }
}
