/**
 * `pnpm generate [--check]`: turns every spec named in specs/manifest.json into its generated files.
 * With --check nothing is written; it exits 1 naming each stale file. A spec that cannot be read or is not
 * valid OpenAPI stops the run before anything is written, and files are replaced by rename, never in place.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseSpecText, SpecLoadError } from './lib/load-spec.ts'
import { readManifest, repoRoot } from './lib/manifest.ts'
import { renderDocument, renderTypes } from './lib/render.ts'

/** Generates every output in memory; throws before writing anything when a spec is bad. */
export async function generateAll(root = repoRoot): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of readManifest(root)) {
    const specFile = join(root, entry.spec)
    let text: string
    try {
      text = readFileSync(specFile, 'utf8')
    } catch {
      throw new SpecLoadError(entry.spec, 'cannot read the spec file')
    }
    const spec = parseSpecText(text, entry.spec)
    for (const output of entry.outputs) {
      try {
        const code = output.kind === 'types' ? await renderTypes(entry.spec, text, spec) : await renderDocument(entry.spec, text, spec)
        files.set(output.file, code)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        throw new SpecLoadError(entry.spec, `invalid OpenAPI: ${message.split('\n')[0]}`)
      }
    }
  }
  return files
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  const started = performance.now()
  let files: Map<string, string>
  try {
    files = await generateAll()
  } catch (error) {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`)
    console.error('generate: no generated file was changed')
    process.exit(1)
  }
  const stale: string[] = []
  for (const [file, code] of files) {
    const target = join(repoRoot, file)
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined
    if (current === code) continue
    stale.push(file)
    if (!check) {
      mkdirSync(dirname(target), { recursive: true })
      const temp = `${target}.${process.pid}.tmp`
      writeFileSync(temp, code)
      renameSync(temp, target)
    }
  }
  const ms = Math.round(performance.now() - started)
  if (check) {
    for (const file of stale) console.error(`generate --check: ${file} is stale; run \`pnpm generate\` and commit it`)
    if (stale.length) process.exit(1)
    console.log(`generate --check: ${files.size} generated files are fresh (${ms} ms)`)
  } else {
    console.log(`generate: ${stale.length} of ${files.size} files updated in ${ms} ms`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
