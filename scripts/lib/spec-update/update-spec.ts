import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateAll } from '../../generate.ts'
import { parseSpecText } from '../load-spec.ts'
import { readManifest, repoRoot, type ManifestEntry } from '../manifest.ts'
import { diffSpecs } from '../spec-diff/index.ts'
import type { SpecDiff } from '../spec-diff/types.ts'
import { assertSameApi } from './api-identity.ts'
import { changesetFor } from './changeset.ts'
import { FileTransaction } from './file-transaction.ts'
import { keepOurProse } from './keep-our-prose.ts'
import { normalizeSpec } from './normalize-spec.ts'
import { readSource, type FetchLike } from './read-source.ts'

/** Type-checks a package; throws with the compiler output on failure. */
export type Typecheck = (packageDir: string, root: string) => void | Promise<void>

/** Options of {@link updateSpec}. */
export interface UpdateSpecOptions {
  /** Manifest name: `server-api-v3` or `server-api-v4`. */
  api: string
  /** File path or http(s) URL of the new description. */
  source: string
  /** Repository root; default this repository. */
  root?: string
  /** For downloads; default global fetch. */
  fetch?: FetchLike
  /** Default: `tsc -p <packageDir>/tsconfig.json` with the workspace's TypeScript. */
  typecheck?: Typecheck
  /** Progress lines; default none. */
  log?: (line: string) => void
}

/** What {@link updateSpec} did. */
export interface UpdateSpecResult {
  /** False when the new description equals the current one after normalization (nothing was written). */
  changed: boolean
  diff: SpecDiff
  /** Files written, relative to the root. */
  written: string[]
  /** The changeset written, if any. */
  changeset?: string
  /** JSON paths of new nodes whose upstream prose was dropped: write our description for them. */
  undescribed: string[]
}

/** Runs the workspace's `tsc -p <dir>/tsconfig.json`. */
export const tscTypecheck: Typecheck = (packageDir, root) => {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  const out = spawnSync(process.execPath, [tsc, '-p', join(packageDir, 'tsconfig.json')], {
    cwd: root,
    encoding: 'utf8',
  })
  if (out.status !== 0) {
    const report = `${out.stdout}${out.stderr}`.trim().split('\n').slice(0, 20).join('\n')
    throw new Error(`typecheck of ${packageDir} failed:\n${report}`)
  }
}

function packageDirOf(file: string): string | undefined {
  return /^(packages\/[^/]+)\//.exec(file)?.[1]
}

function publishedName(root: string, dir: string): string | undefined {
  const file = join(root, dir, 'package.json')
  if (!existsSync(file)) return undefined
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; private?: boolean }
  return pkg.private ? undefined : pkg.name
}

/**
 * Brings a new version of one API description into the repository: validates it, normalizes its formatting,
 * diffs it against the current spec, writes `specs/<api>.yaml`, regenerates that spec's outputs, type-checks the
 * package it feeds and writes a changeset with the diff's bump. All or nothing: on any failure every file is
 * restored. Running it again with the same input changes nothing.
 *
 * @param options - api, source, and injectable root, fetch and typecheck
 * @returns whether anything changed, the diff, the files written and the changeset
 * @throws Error for an unknown api, an unreadable or invalid source, a description of another API version,
 * a generation or typecheck failure; the repository is unchanged when it throws
 * @example
 * const { diff, changeset } = await updateSpec({ api: 'server-api-v4', source: 'upstream.yaml' })
 */
export async function updateSpec(options: UpdateSpecOptions): Promise<UpdateSpecResult> {
  const root = options.root ?? repoRoot
  const log = options.log ?? (() => {})
  const manifest = readManifest(root)
  const entry = manifest.find((e) => e.api === options.api)
  if (!entry)
    throw new Error(
      `unknown api "${options.api}"; expected one of: ${manifest.map((e) => e.api).join(', ')}`,
    )

  const sourceText = await readSource(options.source, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const candidate = parseSpecText(sourceText, options.source)
  const currentText = readFileSync(join(root, entry.spec), 'utf8')
  const current = parseSpecText(currentText, entry.spec)
  const others = Object.fromEntries(
    manifest
      .filter((e) => e.api !== entry.api && existsSync(join(root, e.spec)))
      .map((e) => [e.api, parseSpecText(readFileSync(join(root, e.spec), 'utf8'), e.spec)]),
  )
  assertSameApi(entry.api, candidate, current, others)

  // Structure comes from upstream; the words stay ours (new nodes are listed for a person to describe).
  const { doc, undescribed } = keepOurProse(candidate, current)
  const text = await normalizeSpec(doc, join(root, entry.spec))
  const diff = diffSpecs(current, parseSpecText(text, entry.spec))
  if (text === currentText) {
    log(`spec:update: ${entry.spec} is already up to date`)
    return { changed: false, diff, written: [], undescribed }
  }

  const tx = new FileTransaction(root)
  try {
    tx.write(entry.spec, text)
    log(`spec:update: wrote ${entry.spec}`)
    const generated = await generateAll(root, [entry.api])
    for (const [file, code] of generated) {
      const target = join(root, file)
      if (existsSync(target) && readFileSync(target, 'utf8') === code) continue
      tx.write(file, code)
      log(`spec:update: regenerated ${file}`)
    }
    const packageDir = packageDirOf(
      entry.outputs.find((o) => o.kind === 'types')?.file ?? entry.outputs[0]?.file ?? '',
    )
    if (packageDir) {
      log(`spec:update: type-checking ${packageDir}`)
      await (options.typecheck ?? tscTypecheck)(packageDir, root)
    }
    const bundlers = changedPackages(root, entry, tx.touched).filter(
      (name) => name !== entry.package,
    )
    for (const path of undescribed) log(`spec:update: needs our description: ${path}`)
    const changeset = changesetFor(entry.api, entry.package, diff, text, bundlers)
    if (changeset && !existsSync(join(root, changeset.file))) {
      tx.write(changeset.file, changeset.text)
      log(`spec:update: wrote ${changeset.file}`)
    }
    return {
      changed: true,
      diff,
      written: tx.touched,
      undescribed,
      ...(changeset ? { changeset: changeset.file } : {}),
    }
  } catch (error) {
    tx.rollback()
    throw error
  }
}

/** Published packages (other than the spec's own) whose generated files were rewritten. */
function changedPackages(root: string, entry: ManifestEntry, touched: string[]): string[] {
  const outputs = new Set(entry.outputs.map((o) => o.file))
  const dirs = new Set(
    touched
      .filter((f) => outputs.has(f))
      .map(packageDirOf)
      .filter((d): d is string => d !== undefined),
  )
  return [...dirs]
    .map((d) => publishedName(root, d))
    .filter((n): n is string => n !== undefined)
    .sort()
}
