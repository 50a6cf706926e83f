import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex')

function packageVersion(root: string, name: string): string | undefined {
  const file = join(root, 'node_modules', name, 'package.json')
  if (!existsSync(file)) return undefined
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version
}

/**
 * Remembers, per generator input, the hash of the output it produced, so that `pnpm generate` can tell a
 * generated file is fresh without loading openapi-typescript and prettier. Sound because generation is
 * deterministic: the key covers the spec text, the output, the render code and the generator versions; a
 * hand edit of a generated file still shows, because the file's own hash is compared with the remembered one.
 * Lives in `node_modules/.cache/fpapi-generate/` (never committed, absent on a fresh clone).
 */
export interface GenerateCache {
  /** The remembered output hash for this input, if any. */
  expected(specPath: string, specText: string, outputFile: string, kind: string): string | undefined
  /** Records that this input produced `code`. */
  remember(specPath: string, specText: string, outputFile: string, kind: string, code: string): void
  /** Hash of a file's current bytes (undefined when missing). */
  currentHash(file: string): string | undefined
  /** Writes the remembered entries to disk. */
  save(): void
}

/**
 * Opens the cache for a repository, or returns undefined when the generator's fingerprint cannot be taken
 * (missing render code or generator packages), in which case callers always render.
 *
 * @param root - repository root
 * @param renderSources - absolute paths of the render code, all in scripts/lib (their text is part of every key)
 * @returns the cache or undefined
 * @example
 * const cache = openGenerateCache(root, [join(import.meta.dirname, 'lib', 'render.ts')])
 */
export function openGenerateCache(
  root: string,
  renderSources: string | readonly string[],
): GenerateCache | undefined {
  const sources = typeof renderSources === 'string' ? [renderSources] : renderSources
  const scriptsRoot = join(sources[0] ?? root, '..', '..', '..')
  const versions = ['openapi-typescript', 'prettier', 'typescript', 'yaml'].map(
    (n) => `${n}@${packageVersion(root, n) ?? packageVersion(scriptsRoot, n) ?? ''}`,
  )
  if (versions.some((v) => v.endsWith('@')) || !sources.length || !sources.every(existsSync))
    return undefined
  const fingerprint = sha256(
    [...sources.map((file) => readFileSync(file, 'utf8')), ...versions].join('\u0000'),
  )
  const dir = join(root, 'node_modules', '.cache', 'fpapi-generate')
  const file = join(dir, 'outputs.json')
  let entries: Record<string, string> = {}
  try {
    entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  } catch {
    entries = {}
  }
  let dirty = false
  const key = (specPath: string, specText: string, outputFile: string, kind: string) =>
    sha256([fingerprint, specPath, outputFile, kind, sha256(specText)].join('\u0000'))
  return {
    expected: (specPath, specText, outputFile, kind) =>
      entries[key(specPath, specText, outputFile, kind)],
    remember(specPath, specText, outputFile, kind, code) {
      const k = key(specPath, specText, outputFile, kind)
      const v = sha256(code)
      if (entries[k] !== v) {
        entries[k] = v
        dirty = true
      }
    },
    currentHash: (target) => (existsSync(target) ? sha256(readFileSync(target)) : undefined),
    save() {
      if (!dirty || !existsSync(join(root, 'node_modules'))) return
      mkdirSync(dir, { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, JSON.stringify(entries))
      renameSync(temp, file)
      dirty = false
    },
  }
}
