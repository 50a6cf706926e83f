import type { ChangeClass, SpecDiff } from './types.ts'

const SECTIONS: [ChangeClass, string][] = [
  ['breaking', 'Breaking changes'],
  ['additive', 'Additions'],
  ['docs', 'Documentation'],
]

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Heading text; default `API description changes`. */
  title?: string
  /** Heading level of the title (1-4); default 2. */
  level?: number
  /** At most this many documentation lines are listed, the rest counted; default 20. */
  maxDocs?: number
}

/**
 * Renders a diff as markdown: the bump, then breaking changes, additions and documentation changes, one line each.
 *
 * @param diff - the result of {@link diffSpecs}
 * @param options - title, heading level, documentation line cap
 * @returns markdown text ending in a newline
 * @example
 * console.log(renderMarkdown(diffSpecs(oldDoc, newDoc)))
 */
export function renderMarkdown(diff: SpecDiff, options: MarkdownOptions = {}): string {
  const level = Math.min(4, Math.max(1, options.level ?? 2))
  const h = '#'.repeat(level)
  const lines = [`${h} ${options.title ?? 'API description changes'}`, '']
  if (diff.changes.length === 0) {
    lines.push('No changes a client can see. Suggested bump: **none**.', '')
    return lines.join('\n')
  }
  lines.push(
    `Suggested bump: **${diff.bump}** (${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}).`,
    '',
  )
  for (const [cls, heading] of SECTIONS) {
    const items = diff.changes.filter((c) => c.class === cls)
    if (items.length === 0) continue
    lines.push(`${h}# ${heading} (${items.length})`, '')
    const limit = cls === 'docs' ? (options.maxDocs ?? 20) : Infinity
    for (const c of items.slice(0, limit)) lines.push(`- \`${c.path}\`: ${c.reason} (${c.kind})`)
    if (items.length > limit)
      lines.push(`- ... and ${items.length - limit} more documentation changes`)
    lines.push('')
  }
  return lines.join('\n')
}
