/**
 * `pnpm generate [--check]`: turns every spec named in specs/manifest.json into its generated files.
 * With --check nothing is written; it exits 1 naming each stale file. A spec that cannot be read or is not
 * valid OpenAPI stops the run before anything is written, and files are replaced by rename, never in place.
 * Outputs a local cache (node_modules/.cache/fpapi-generate) proves fresh are not re-rendered; `--no-cache` renders all.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { locatePointer } from './lib/locate-pointer.ts'
import { parseSpecText, SpecLoadError } from './lib/load-spec.ts'
import { readManifest, repoRoot } from './lib/manifest.ts'
import { openGenerateCache } from './lib/generate-cache.ts'

/**
 * Generates every output named in the manifest, in memory.
 *
 * @param root - repository root holding `specs/manifest.json`
 * @param apis - only these manifest entries (default: all)
 * @returns generated file path (relative to `root`) -> content
 * @throws SpecLoadError naming the spec file, line and problem when a spec is unreadable, not YAML or not valid OpenAPI
 * @example
 * const files = await generateAll()
 */
export async function generateAll(
  root = repoRoot,
  apis?: readonly string[],
): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  // loaded on demand: openapi-typescript (with TypeScript) and prettier are most of the start-up time
  const { renderDocument, renderTypes } = await import('./lib/render.ts')
  for (const entry of readManifest(root)) {
    if (apis && !apis.includes(entry.api)) continue
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
        const code =
          output.kind === 'types'
            ? await renderTypes(entry.spec, text, spec)
            : await renderDocument(entry.spec, text, spec)
        files.set(output.file, code)
      } catch (error) {
        throw invalidSpecError(entry.spec, text, error)
      }
    }
  }
  return files
}

/**
 * openapi-typescript (through Redocly) reports a bad spec as `<problem> at #/json/pointer`; turn the pointer into
 * a line of the YAML file so the message names file, line and problem.
 */
function invalidSpecError(specPath: string, text: string, error: unknown): SpecLoadError {
  const message =
    (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown problem'
  const at = /^(.*?) at (#\/\S*)$/.exec(message)
  if (!at) return new SpecLoadError(specPath, `invalid OpenAPI: ${message}`)
  const position = locatePointer(text, at[2]!)
  return new SpecLoadError(
    specPath,
    `invalid OpenAPI: ${at[1]} (at ${at[2]})`,
    position?.line,
    position?.column,
  )
}

/** Options of {@link runGenerate}. */
export interface GenerateOptions {
  /** Repository root holding `specs/manifest.json`; default: this repository. */
  root?: string
  /** Only compare; write nothing. */
  check?: boolean
  /** Where progress lines go; default console.log. */
  log?: (line: string) => void
  /** Where problems go; default console.error. */
  error?: (line: string) => void
  /** Skip rendering outputs the generate cache vouches for; default true (`--no-cache` turns it off). */
  cache?: boolean
}

/** What {@link runGenerate} did. */
export interface GenerateResult {
  /** 0 on success, 1 on a bad spec or (with `check`) a stale file. */
  exitCode: number
  /** Generated files (relative to the root) whose content differed from what the specs produce. */
  stale: string[]
  /** Files written (empty with `check`). */
  written: string[]
  /** Wall time of the run in milliseconds. */
  ms: number
}

/**
 * Generates every output, then writes the changed ones (temp file + rename) or, with `check`, reports them.
 * Nothing is written when any spec fails to load or generate.
 *
 * @param options - root, check mode and log sinks
 * @returns the exit code and the stale and written files
 * @example
 * const { exitCode } = await runGenerate({ check: true })
 */
export async function runGenerate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const root = options.root ?? repoRoot
  const log = options.log ?? ((line: string) => console.log(line))
  const fail = options.error ?? ((line: string) => console.error(line))
  const started = performance.now()
  const cache =
    options.cache === false
      ? undefined
      : openGenerateCache(root, join(import.meta.dirname, 'lib', 'render.ts'))
  // outputs whose current bytes the cache vouches for are fresh without rendering
  const fresh = new Set<string>()
  const pending: string[] = []
  const specTexts = new Map<string, string>()
  for (const entry of readManifest(root)) {
    let text: string | undefined
    try {
      text = readFileSync(join(root, entry.spec), 'utf8')
    } catch {
      text = undefined
    }
    if (text !== undefined) specTexts.set(entry.spec, text)
    const known =
      text !== undefined &&
      cache !== undefined &&
      entry.outputs.every((o) => {
        const expected = cache.expected(entry.spec, text!, o.file, o.kind)
        return expected !== undefined && expected === cache.currentHash(join(root, o.file))
      })
    if (known) for (const o of entry.outputs) fresh.add(o.file)
    else pending.push(entry.api)
  }
  let files: Map<string, string>
  try {
    files = pending.length ? await generateAll(root, pending) : new Map()
  } catch (error) {
    fail(`generate: ${error instanceof Error ? error.message : String(error)}`)
    fail('generate: no generated file was changed')
    return { exitCode: 1, stale: [], written: [], ms: Math.round(performance.now() - started) }
  }
  if (cache) {
    for (const entry of readManifest(root)) {
      const text = specTexts.get(entry.spec)
      if (text === undefined) continue
      for (const o of entry.outputs) {
        const code = files.get(o.file)
        if (code !== undefined) cache.remember(entry.spec, text, o.file, o.kind, code)
      }
    }
  }
  const stale: string[] = []
  const written: string[] = []
  for (const [file, code] of files) {
    const target = join(root, file)
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined
    if (current === code) continue
    stale.push(file)
    if (!options.check) {
      mkdirSync(dirname(target), { recursive: true })
      const temp = `${target}.${process.pid}.tmp`
      writeFileSync(temp, code)
      renameSync(temp, target)
      written.push(file)
    }
  }
  cache?.save()
  const total = files.size + fresh.size
  const ms = Math.round(performance.now() - started)
  const how = fresh.size ? `; ${fresh.size} known fresh from the cache` : ''
  if (options.check) {
    for (const file of stale)
      fail(`generate --check: ${file} is stale; run \`pnpm generate\` and commit it`)
    if (stale.length) return { exitCode: 1, stale, written, ms }
    log(`generate --check: ${total} generated files are fresh (${ms} ms${how})`)
  } else {
    log(`generate: ${stale.length} of ${total} files updated in ${ms} ms${how}`)
  }
  return { exitCode: 0, stale, written, ms }
}

async function main(argv: string[]): Promise<void> {
  const rootFlag = argv.indexOf('--root')
  const root = rootFlag >= 0 ? argv[rootFlag + 1] : undefined
  const { exitCode } = await runGenerate({
    check: argv.includes('--check'),
    cache: !argv.includes('--no-cache'),
    ...(root ? { root } : {}),
  })
  process.exitCode = exitCode
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2))
