import { readFileSync } from 'node:fs'
import { parseDocument, LineCounter } from 'yaml'
import { checkSpecShape, SpecLoadError, type SpecDocument } from './spec-shape.ts'

export { SpecLoadError, type SpecDocument }

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
  return checkSpecShape(doc.toJS({ maxAliasCount: 1000 }) as unknown, file)
}
