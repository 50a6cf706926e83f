import { readFileSync } from 'node:fs'
import { parseDocument, LineCounter } from 'yaml'

/** A problem found while reading a spec: the file, a 1-based line and column where known, and what is wrong. */
export class SpecLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}:${column ?? 1}` : ''}: ${problem}`)
    this.name = 'SpecLoadError'
  }
}

/** An OpenAPI document as plain JSON-like data. */
export type SpecDocument = Record<string, unknown>

/**
 * Reads and parses an OpenAPI YAML (or JSON) file, failing with a {@link SpecLoadError} that names the file,
 * the line and the problem when it is unreadable, not YAML, or not an OpenAPI 3 document.
 */
export function loadSpec(file: string): SpecDocument {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new SpecLoadError(
      file,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    )
  }
  return parseSpecText(text, file)
}

/** Parses spec text; `file` only names the source in errors. */
export function parseSpecText(text: string, file: string): SpecDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const first = doc.errors[0]
  if (first) {
    const pos = lineCounter.linePos(first.pos[0])
    throw new SpecLoadError(file, first.message.split('\n')[0] ?? 'invalid YAML', pos.line, pos.col)
  }
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new SpecLoadError(file, 'the document is not a mapping (expected an OpenAPI object)')
  }
  const spec = data as SpecDocument
  if (typeof spec.openapi !== 'string' || !/^3\.\d+\.\d+$/.test(spec.openapi)) {
    throw new SpecLoadError(file, 'missing or unsupported `openapi` version (expected 3.x.y)', 1, 1)
  }
  if (!spec.paths || typeof spec.paths !== 'object') {
    throw new SpecLoadError(file, 'missing `paths` object')
  }
  return spec
}
