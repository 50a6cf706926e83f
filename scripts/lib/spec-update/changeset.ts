import { createHash } from 'node:crypto'
import { renderMarkdown } from '../spec-diff/markdown.ts'
import type { Bump, SpecDiff } from '../spec-diff/types.ts'

/** A changeset file to write. */
export interface ChangesetFile {
  /** Path relative to the repository root, e.g. `.changeset/spec-server-api-v4-1a2b3c4d.md`. */
  file: string
  text: string
}

/**
 * The changeset for a spec update: the package the spec feeds gets the diff's bump, with the change list as the
 * body. The name is derived from the new spec's text, so the same update always yields the same file.
 *
 * @param api - manifest name of the spec
 * @param packageName - the package it feeds
 * @param diff - the spec diff
 * @param specText - the new (normalized) spec text
 * @param alsoPatched - other published packages that bundle the spec (they get a `patch`)
 * @returns the file to write, or undefined when the bump is `none`
 * @example
 * changesetFor('server-api-v4', '@fpapi/server-api-v4', diff, text, ['@fpapi/mock-server'])
 */
export function changesetFor(
  api: string,
  packageName: string,
  diff: SpecDiff,
  specText: string,
  alsoPatched: string[] = [],
): ChangesetFile | undefined {
  if (diff.bump === 'none') return undefined
  const hash = createHash('sha256').update(specText).digest('hex').slice(0, 8)
  const bump: Exclude<Bump, 'none'> = diff.bump
  const body = renderMarkdown(diff, { title: `Spec update: ${api}`, level: 3, maxDocs: 10 })
  const lines = [
    `'${packageName}': ${bump}`,
    ...alsoPatched.filter((p) => p !== packageName).map((p) => `'${p}': patch`),
  ]
  const text = `---\n${lines.join('\n')}\n---\n\nUpdate the generated types from a new \`specs/${api}.yaml\`.\n\n${body.trimEnd()}\n`
  return { file: `.changeset/spec-${api}-${hash}.md`, text }
}
