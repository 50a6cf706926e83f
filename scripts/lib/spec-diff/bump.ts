import type { Bump, SpecChange } from './types.ts'

/**
 * The semver bump a list of changes calls for: any breaking change -> `major`, else any additive -> `minor`,
 * else any documentation change -> `patch`, else `none`.
 *
 * @param changes - classified changes
 * @returns the bump
 * @example
 * bumpFor([{ kind: 'operation-added', path: 'GET /x', class: 'additive', reason: 'new operation' }]) // 'minor'
 */
export function bumpFor(changes: readonly SpecChange[]): Bump {
  if (changes.some((c) => c.class === 'breaking')) return 'major'
  if (changes.some((c) => c.class === 'additive')) return 'minor'
  if (changes.some((c) => c.class === 'docs')) return 'patch'
  return 'none'
}
