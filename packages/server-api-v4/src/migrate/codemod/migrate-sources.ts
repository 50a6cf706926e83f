import type { Project } from 'ts-morph'
import { loadTsMorph, type TsMorphModule } from './load-ts-morph'
import { rewriteCalls } from './rewrite-calls'
import { rewriteModules } from './rewrite-modules'
import { rewriteResultReads } from './rewrite-result-reads'
import { V3_MODULES, V4_MODULE } from './rules'
import { applyEdits, lineOf } from './text-edits'
import type { MigratedFile, MigrationNote, MigrationResult, PassOutput } from './types'

/** One source file handed to {@link migrateSources}. */
export interface SourceInput {
  /** Path used in notes and to pick the parser (`.ts`, `.tsx`, `.mts`, `.cts`, `.js`, `.jsx`, `.mjs`, `.cjs`). */
  readonly path: string
  readonly text: string
}

/** File extensions the codemod reads. */
export const MIGRATABLE_EXTENSIONS: readonly string[] = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
]

const MODULE_MENTION = new RegExp([...V3_MODULES].map((s) => s.replace(/[/.]/g, '\\$&')).join('|'))

const FINGERPRINT_MODULE = new RegExp(
  `['"\`](${[...V3_MODULES, V4_MODULE].map((s) => s.replace(/[/.]/g, '\\$&')).join('|')})['"\`]`,
)

/**
 * Rewrites v3 client code to the v4 client, file by file, in memory. The same rewrite runs behind
 * the `fpapi-migrate` command. What it changes:
 *
 * - imports, re-exports, `require()` and `import()` of `@fpapi/server-api-v3` and
 *   `@fingerprintjs/fingerprintjs-pro-server-api` -> `@fpapi/server-api-v4`, with renamed exports
 *   (`FingerprintJsServerApiClient` -> `FingerprintServerApiClient`, `EventsGetResponse` -> `Event`,
 *   `EventsUpdateRequest` -> `EventUpdate`) and their local uses;
 * - `authenticationMode` removed from client options written as an object literal;
 * - `updateEvent({ linkedId, tag, suspect }, id)` -> `updateEvent(id, { linked_id, tags, suspect })`;
 * - reads of v3 event fields that map one-to-one, e.g. `e.products.identification?.data?.visitorId`
 *   -> `e.identification?.visitor_id` (optional chaining or `!` kept in the original style);
 * - v3 error codes compared with `.errorCode` -> v4 codes.
 *
 * Everything else that needs a person (visit history, related visitors, time fields, removed
 * search filters, fields without a v4 counterpart, ...) is left alone and returned as a note
 * `path:line: what to do`. Running it on its own output changes nothing.
 *
 * Needs the optional peer dependency `ts-morph`.
 *
 * @param files - the sources to rewrite
 * @returns each file before and after, and the notes sorted by path and line
 * @throws Error when ts-morph is not installed (the message says how to install it)
 * @example
 * ```ts
 * const { files, notes } = await migrateSources([{ path: 'src/fp.ts', text }])
 * for (const n of notes) console.log(`${n.path}:${n.line}: ${n.message}`)
 * ```
 */
export async function migrateSources(files: readonly SourceInput[]): Promise<MigrationResult> {
  if (!Array.isArray(files)) throw new TypeError('files must be an array of { path, text }')
  for (const [i, f] of files.entries()) {
    if (!f || typeof f.path !== 'string' || typeof f.text !== 'string') {
      throw new TypeError(`files[${i}] must be { path: string, text: string }`)
    }
  }
  const m = await loadTsMorph()
  const project = new m.Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, jsx: m.ts.JsxEmit.Preserve },
  })
  const out: MigratedFile[] = []
  const notes: MigrationNote[] = []
  for (const file of files) {
    const result = migrateOne(m, project, file)
    out.push(result.file)
    notes.push(...result.notes)
  }
  notes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line))
  return { files: out, notes }
}

function migrateOne(
  m: TsMorphModule,
  project: Project,
  file: SourceInput,
): { file: MigratedFile; notes: MigrationNote[] } {
  const virtualPath = `/src/${file.path.replace(/^[/\\]+/, '').replaceAll('\\', '/')}`
  const fingerprintFile = FINGERPRINT_MODULE.test(file.text)
  // Each pass runs only when the text holds a word it acts on: parsing is the expensive part,
  // and most files of a code base mention none of them.
  const parse = (text: string) => {
    const old = project.getSourceFile(virtualPath)
    if (old) project.removeSourceFile(old)
    return project.createSourceFile(virtualPath, text)
  }
  const passes: Array<[RegExp, (text: string) => PassOutput]> = [
    [/\bproducts\b/, (text) => rewriteResultReads(m, parse(text))],
    [
      /updateEvent|errorCode|paginationKey|getVisits|getVisitorHistory|iterateVisits|getRelatedVisitors|searchEvents|EventsUpdateRequest|EventUpdate/,
      (text) => rewriteCalls(m, parse(text), fingerprintFile),
    ],
    [MODULE_MENTION, (text) => rewriteModules(m, parse(text))],
  ]
  let text = file.text
  const backMaps: Array<(pos: number) => number> = []
  const notes: MigrationNote[] = []
  for (const [needed, pass] of passes) {
    if (!needed.test(text)) continue
    const { edits, notes: passNotes } = pass(text)
    for (const n of passNotes) {
      const pos = backMaps.reduceRight((p, toOld) => toOld(p), n.pos)
      notes.push({ path: file.path, line: lineOf(file.text, pos), message: n.message })
    }
    const applied = applyEdits(text, edits)
    text = applied.text
    backMaps.push(applied.toOld)
  }
  const sf = project.getSourceFile(virtualPath)
  if (sf) project.removeSourceFile(sf)
  const unique = notes.filter(
    (n, i) => notes.findIndex((o) => o.line === n.line && o.message === n.message) === i,
  )
  return {
    file: { path: file.path, before: file.text, after: text, changed: text !== file.text },
    notes: unique,
  }
}
