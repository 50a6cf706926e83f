/**
 * `pnpm spec:diff <old.yaml> <new.yaml> [--json] [--fail-on-breaking]`: what changed between two versions of an
 * API description, as a generated client sees it, and the semver bump that calls for.
 * Prints markdown (default) or `{ bump, changes }` JSON. Exit code: 0, or 1 with --fail-on-breaking when a
 * change is breaking; 2 on bad usage or an unreadable spec.
 */
import { loadSpec } from './lib/load-spec.ts'
import { diffSpecs, renderMarkdown } from './lib/spec-diff/index.ts'

const USAGE = 'usage: pnpm spec:diff <old.yaml> <new.yaml> [--json] [--fail-on-breaking]'

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'))
  const files = argv.filter((a) => !a.startsWith('--'))
  const unknown = flags.filter((f) => f !== '--json' && f !== '--fail-on-breaking')
  if (files.length !== 2 || unknown.length) {
    console.error(
      unknown.length ? `spec:diff: unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE,
    )
    return 2
  }
  let diff
  try {
    diff = diffSpecs(loadSpec(files[0]!), loadSpec(files[1]!))
  } catch (error) {
    console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  if (flags.includes('--json')) console.log(JSON.stringify(diff, null, 2))
  else
    process.stdout.write(renderMarkdown(diff, { title: `API changes: ${files[0]} -> ${files[1]}` }))
  return flags.includes('--fail-on-breaking') && diff.bump === 'major' ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
