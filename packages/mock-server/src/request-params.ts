import type { ParamDef, ParamKind } from './spec-operations'

/** Parameter values after coercion, keyed by parameter name. @internal */
export type ParamValues = Record<string, unknown>

/** A parameter problem found before schema validation. @internal */
export interface ParamProblem {
  name: string
  location: 'path' | 'query'
  message: string
}

function coerce(raw: string, kind: ParamKind): unknown {
  switch (kind) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw
    case 'integer-or-string':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw
    default:
      return raw
  }
}

/**
 * Reads the declared parameters of an operation from the path and query string and turns their
 * text into the types their schemas expect (integers, booleans, exploded arrays). Values that do
 * not convert are left as text, so the schema check reports them by name. Undeclared query
 * parameters (such as the SDKs' `ii`) are ignored, as the real API does.
 *
 * @param params - the operation's parameter definitions
 * @param pathValues - decoded path segments by name
 * @param query - the request's query string
 * @param arrayAliases - also accept `name[]` for arrays (the v3 Node SDK sends that form)
 * @returns coerced values and problems that the schema cannot express (a scalar given twice)
 * @internal
 */
export function readParams(
  params: readonly ParamDef[],
  pathValues: Record<string, string>,
  query: URLSearchParams,
  arrayAliases: boolean,
): { values: ParamValues; problems: ParamProblem[] } {
  const values: ParamValues = {}
  const problems: ParamProblem[] = []
  for (const p of params) {
    if (p.in === 'path') {
      const raw = pathValues[p.name]
      if (raw !== undefined) values[p.name] = coerce(raw, p.kind)
      continue
    }
    let raws = query.getAll(p.name)
    if (p.kind === 'array' && arrayAliases) raws = raws.concat(query.getAll(`${p.name}[]`))
    if (raws.length === 0) continue
    if (p.kind === 'array') {
      values[p.name] = raws.map((r) => coerce(r, p.itemKind))
    } else if (raws.length > 1) {
      problems.push({
        name: p.name,
        location: 'query',
        message: 'must be given once, it was repeated',
      })
    } else {
      values[p.name] = coerce(raws[0] as string, p.kind)
    }
  }
  return { values, problems }
}
