/**
 * `pnpm spec:update <api> <file-or-url> [--summary <file>]`: replaces `specs/<api>.yaml` with a new version of
 * that API's description (its structure; our descriptions are kept and new nodes are listed for us to describe), regenerates, type-checks the package it feeds and writes a
 * changeset with the bump spec:diff calls for. On any failure every file is restored. Prints the change summary
 * as markdown; `--summary <file>` also writes it to a file (the spec-sync workflow uses it as the PR body).
 * Exit code: 0 on success (changed or not), 1 on failure, 2 on bad usage.
 */
import { writeFileSync } from 'node:fs'
import { renderMarkdown } from './lib/spec-diff/index.ts'
import { updateSpec } from './lib/spec-update/update-spec.ts'

const USAGE =
  'usage: pnpm spec:update <server-api-v3|server-api-v4> <file-or-url> [--summary <file>]'

async function main(argv: string[]): Promise<number> {
  const args = [...argv]
  let summaryFile: string | undefined
  const s = args.indexOf('--summary')
  if (s >= 0) {
    summaryFile = args[s + 1]
    if (!summaryFile) {
      console.error(USAGE)
      return 2
    }
    args.splice(s, 2)
  }
  const [api, source, ...rest] = args
  if (!api || !source || rest.length) {
    console.error(USAGE)
    return 2
  }
  try {
    const result = await updateSpec({ api, source, log: (line) => console.error(line) })
    const summary = result.changed
      ? `${renderMarkdown(result.diff, { title: `Spec update: ${api}`, maxDocs: 30 })}\n${result.changeset ? `Changeset: \`${result.changeset}\`` : 'No changeset: no change a client can see.'}\n`
      : `## Spec update: ${api}\n\n\`specs/${api}.yaml\` already matches ${source}; nothing changed.\n`
    const todo = result.undescribed.length
      ? `\n### Needs our description\n\nUpstream prose is never committed: write ours for these new nodes.\n\n${result.undescribed.map((p) => `- \`${p}\``).join('\n')}\n`
      : ''
    process.stdout.write(summary + todo)
    if (summaryFile) writeFileSync(summaryFile, summary + todo)
    return 0
  } catch (error) {
    console.error(`spec:update: ${error instanceof Error ? error.message : String(error)}`)
    console.error('spec:update: no file in the repository was changed')
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
