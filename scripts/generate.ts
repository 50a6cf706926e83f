/**
 * `pnpm generate [--check]`: turns every spec named in specs/manifest.json into its generated files.
 * With --check nothing is written; it exits 1 naming each stale file. A spec that cannot be read or is not
 * valid OpenAPI stops the run before anything is written, and files are replaced by rename, never in place.
 * Outputs a local cache (node_modules/.cache/fpapi-generate) proves fresh are not re-rendered; `--no-cache` renders all.
 * `--timings` logs when each phase finished on the main thread and in each spec's worker (see scripts/README.md).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseBlockYaml } from './lib/fast-yaml.ts'
import { openGenerateCache } from './lib/generate-cache.ts'
import { readManifest, repoRoot, type ManifestEntry } from './lib/manifest.ts'
import { RenderPool, YamlRejected, type SpecWork } from './lib/render-pool.ts'
import { prettierOptions, renderDocument, renderHeader } from './lib/render.ts'
import { checkSpecShape, SpecLoadError } from './lib/spec-shape.ts'
import { now, Timeline } from './lib/timeline.ts'

/** When this module finished loading (tsx and the imports above), for `--timings`. */
const loadedAt = now()

/** Every file whose text decides what `pnpm generate` writes (the generate cache fingerprints them). */
const renderSources = [
  'render.ts',
  'render-pool.ts',
  'render-worker.mjs',
  'print-spec-constant.ts',
  'spec-shape.ts',
  'fast-yaml.ts',
].map((file) => join(import.meta.dirname, 'lib', file))

/**
 * Generates every output named in the manifest, in memory. Types are generated and formatted by two worker
 * threads (see render-pool.ts); meanwhile the specs are parsed here (fast block-YAML parser, else `yaml` in a
 * worker) and the spec constants printed. When specs fail, the first failing one in manifest order is reported, as
 * if they had been generated one after the other.
 *
 * @param root - repository root holding `specs/manifest.json`
 * @param apis - only these manifest entries (default: all)
 * @param timeline - receives phase marks of the main thread and the workers (`--timings`)
 * @returns generated file path (relative to `root`) -> content
 * @throws SpecLoadError naming the spec file, line and problem when a spec is unreadable, not YAML or not valid OpenAPI
 * @example
 * const files = await generateAll()
 */
export async function generateAll(
  root = repoRoot,
  apis?: readonly string[],
  timeline?: Timeline,
): Promise<Map<string, string>> {
  const entries = readManifest(root).filter((entry) => !apis || apis.includes(entry.api))
  // workers first: their start and TypeScript's loading overlap the parsing and printing done here
  const pool = new RenderPool({
    types: entries.some((entry) => entry.outputs.some((o) => o.kind === 'types')),
    prettierOptions,
    ...(timeline && {
      onMarks: (lane, marks) => marks.forEach(([phase, at]) => timeline.mark(lane, phase, at)),
    }),
  })
  timeline?.mark('main', 'workers started')
  const renders = entries.map(async (entry) => {
    let text: string
    try {
      text = readFileSync(join(root, entry.spec), 'utf8')
    } catch {
      throw new SpecLoadError(entry.spec, 'cannot read the spec file')
    }
    const work = pool.startSpec(entry.api, text, {
      types: entry.outputs.some((o) => o.kind === 'types'),
    })
    // `yaml` (in a worker) takes what the fast parser leaves, including every error
    const parsed = parseBlockYaml(text)
    work.useSpec(parsed)
    timeline?.mark('main', `${entry.api} ${parsed === undefined ? 'left to yaml' : 'parsed'}`)
    return renderEntry(entry, text, work, timeline)
  })
  const settled = await Promise.allSettled(renders)
  const files = new Map<string, string>()
  try {
    for (const result of settled) {
      if (result.status === 'rejected') throw result.reason
      for (const [file, code] of result.value) files.set(file, code)
    }
  } finally {
    pool.close()
  }
  return files
}

/** One spec's outputs, from its worker's results; throws what generating it alone would have thrown. */
async function renderEntry(
  entry: ManifestEntry,
  text: string,
  work: SpecWork,
  timeline: Timeline | undefined,
): Promise<[string, string][]> {
  let data: unknown
  try {
    data = await work.spec
  } catch (error) {
    if (!(error instanceof YamlRejected)) throw error
    // re-parse here, counting lines, for the position of the problem
    const { parseSpecText } = await import('./lib/load-spec.ts')
    parseSpecText(text, entry.spec)
    throw new SpecLoadError(entry.spec, `invalid YAML: ${error.message.split('\n')[0]}`)
  }
  const spec = checkSpecShape(data, entry.spec)
  // the constants are printed here while the worker still renders the types
  const codes = entry.outputs.map((output) => {
    const code =
      output.kind === 'types'
        ? work.types!.then((body) => renderHeader(entry.spec, spec, text) + body)
        : renderDocument(entry.spec, text, spec)
    code.then(
      () => timeline?.mark('main', `${entry.api} ${output.kind}`),
      () => {},
    )
    return code
  })
  const out: [string, string][] = []
  for (const [i, output] of entry.outputs.entries()) {
    try {
      out.push([output.file, await codes[i]!])
    } catch (error) {
      throw await invalidSpecError(entry.spec, text, error)
    }
  }
  return out
}

/**
 * openapi-typescript (through Redocly) reports a bad spec as `<problem> at #/json/pointer`; turn the pointer into
 * a line of the YAML file so the message names file, line and problem.
 */
async function invalidSpecError(
  specPath: string,
  text: string,
  error: unknown,
): Promise<SpecLoadError> {
  const message =
    (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown problem'
  const at = /^(.*?) at (#\/\S*)$/.exec(message)
  if (!at) return new SpecLoadError(specPath, `invalid OpenAPI: ${message}`)
  const { locatePointer } = await import('./lib/locate-pointer.ts')
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
  /** Log when each phase of each thread finished, in ms since the process started (`--timings`). */
  timings?: boolean
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
  const timeline = options.timings ? new Timeline() : undefined
  timeline?.mark('main', 'generate.ts loaded', loadedAt)
  const cache = options.cache === false ? undefined : openGenerateCache(root, renderSources)
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
    files = pending.length ? await generateAll(root, pending, timeline) : new Map()
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
  timeline?.mark('main', options.check ? 'files compared' : 'files written')
  for (const line of timeline?.lines() ?? []) log(`generate --timings: ${line}`)
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
    timings: argv.includes('--timings'),
    ...(root ? { root } : {}),
  })
  process.exitCode = exitCode
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2))
