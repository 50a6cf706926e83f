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
 * Checks that parsed YAML is an OpenAPI 3 document (a mapping with a 3.x.y `openapi` version and `paths`).
 *
 * @param data - the parsed document
 * @param file - names the source in errors
 * @returns the same data, typed as a document
 * @throws SpecLoadError naming the file and the problem
 * @example
 * const spec = checkSpecShape(yaml.parse(text), 'specs/server-api-v4.yaml')
 */
export function checkSpecShape(data: unknown, file: string): SpecDocument {
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
