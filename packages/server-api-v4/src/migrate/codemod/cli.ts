import { importOptional } from './load-ts-morph'
import { MIGRATABLE_EXTENSIONS, migrateSources } from './migrate-sources'
import type { MigrationResult } from './types'

/** The file system and output the `fpapi-migrate` command works on (Node's, in the bin). */
export interface MigrateCliIo {
  /**
   * Lists the files under `dir`, recursively, as paths relative to `dir` with `/` separators,
   * without entering directories whose name `skipDir` accepts.
   */
  listFiles(dir: string, skipDir: (name: string) => boolean): Promise<string[]>
  readFile(path: string): Promise<string>
  writeFile(path: string, text: string): Promise<void>
  stdout(text: string): void
  stderr(text: string): void
}

/** Directories the command never enters. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', 'dist', '.git']

const USAGE = `Usage: fpapi-migrate <dir> [--write]

Rewrites code written for the Fingerprint Server API v3 clients (@fpapi/server-api-v3,
@fingerprintjs/fingerprintjs-pro-server-api) to @fpapi/server-api-v4.

  <dir>     folder to scan for .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs files
            (node_modules, dist and .git are skipped)
  --write   apply the changes; without it, print a unified diff (dry run)
  --help    show this text

Places it cannot rewrite safely are listed as "path:line: what to do".
Running it again after --write changes nothing.
`

type CreatePatch = (oldName: string, newName: string, oldStr: string, newStr: string) => string

async function loadDiff(): Promise<CreatePatch> {
  try {
    const mod = (await importOptional('diff')) as {
      createTwoFilesPatch?: CreatePatch
      default?: { createTwoFilesPatch: CreatePatch }
    }
    const fn = mod.createTwoFilesPatch ?? mod.default?.createTwoFilesPatch
    if (!fn) throw new Error('createTwoFilesPatch not found')
    return fn
  } catch (cause) {
    throw new Error(
      'fpapi-migrate needs the optional peer dependency "diff" (>=5) to print the dry-run diff. ' +
        'Install it (`npm install --save-dev diff`) or run with --write.',
      { cause },
    )
  }
}

/**
 * Runs the `fpapi-migrate <dir> [--write]` command: finds the TS/JS files under `dir`, rewrites
 * them with {@link migrateSources}, prints a unified diff (dry run, the default) or writes the
 * files (`--write`), then prints the places left for a person as `path:line: what to do`.
 *
 * @param argv - the arguments after the command name
 * @param io - file system and output; the bin passes Node's
 * @returns the exit code: 0 done, 1 failure (e.g. a missing optional dependency), 2 bad usage
 * @example
 * ```ts
 * const code = await runMigrateCli(['src', '--write'], nodeIo)
 * ```
 */
export async function runMigrateCli(argv: readonly string[], io: MigrateCliIo): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('-'))
  const positional = argv.filter((a) => !a.startsWith('-'))
  if (flags.includes('--help') || flags.includes('-h')) {
    io.stdout(USAGE)
    return 0
  }
  const unknown = flags.filter((f) => f !== '--write')
  if (unknown.length || positional.length !== 1) {
    io.stderr(
      (unknown.length
        ? `fpapi-migrate: unknown option ${unknown.join(', ')}\n`
        : 'fpapi-migrate: expected one folder\n') + USAGE,
    )
    return 2
  }
  const write = flags.includes('--write')
  const dir = positional[0]!.replace(/[/\\]+$/, '') || '.'

  let result: MigrationResult
  let createPatch: CreatePatch | undefined
  try {
    if (!write) createPatch = await loadDiff()
    const skip = new Set(SKIPPED_DIRECTORIES)
    const rel = (await io.listFiles(dir, (name) => skip.has(name)))
      .filter((p) => MIGRATABLE_EXTENSIONS.some((ext) => p.endsWith(ext)))
      .sort()
    const files = await Promise.all(
      rel.map(async (p) => ({ path: `${dir}/${p}`, text: await io.readFile(`${dir}/${p}`) })),
    )
    result = await migrateSources(files)
  } catch (error) {
    io.stderr(`fpapi-migrate: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }

  const changed = result.files.filter((f) => f.changed)
  for (const file of changed) {
    if (write) {
      await io.writeFile(file.path, file.after)
      io.stdout(`updated ${file.path}\n`)
    } else {
      io.stdout(createPatch!(`a/${file.path}`, `b/${file.path}`, file.before, file.after))
    }
  }
  const verb = write ? 'changed' : 'would change'
  io.stdout(
    `\nfpapi-migrate: ${result.files.length} file(s) scanned, ${changed.length} ${verb}` +
      (write ? '' : ' (dry run: pass --write to apply)') +
      `, ${result.notes.length} place(s) to finish by hand${result.notes.length ? ':' : '.'}\n`,
  )
  for (const n of result.notes) io.stdout(`${n.path}:${n.line}: ${n.message}\n`)
  return 0
}
