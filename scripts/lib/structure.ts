/** Keys that carry prose or sample data rather than structure; ignored when two specs are compared. */
const DOC_KEYS = new Set([
  'description',
  'summary',
  'example',
  'examples',
  'externalDocs',
  'title',
  'contact',
  'license',
  'termsOfService',
])

/** Parents whose keys are user-chosen names (a property called `description` is structure, not prose). */
export const NAME_MAPS = new Set([
  'properties',
  'schemas',
  'paths',
  'responses',
  'securitySchemes',
  'parameters',
  'headers',
  'content',
  'variables',
  'requestBodies',
  'patternProperties',
  '$defs',
  'definitions',
  'mapping',
])

/** Array-valued keys whose order carries no meaning. */
const SET_KEYS = new Set(['required', 'enum', 'type', 'tags'])

/** One structural difference: a JSON path and what differs there. */
export interface StructureDifference {
  path: string
  message: string
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

function show(v: unknown): string {
  const s = JSON.stringify(v)
  return s && s.length > 80 ? `${s.slice(0, 77)}...` : String(s)
}

function parameterKey(p: unknown): string | undefined {
  if (isRecord(p) && typeof p.name === 'string' && typeof p.in === 'string')
    return `${p.in}:${p.name}`
  if (isRecord(p) && typeof p.$ref === 'string') return `$ref:${p.$ref}`
  return undefined
}

/**
 * Compares the structure of two OpenAPI documents, ignoring prose, examples, `x-` extensions, `info`,
 * top-level `tags` and key order. Returns every difference, each with its JSON path.
 */
export function compareStructure(reference: unknown, candidate: unknown): StructureDifference[] {
  const out: StructureDifference[] = []
  const strip = (doc: unknown) => {
    if (!isRecord(doc)) return doc
    const { info: _info, tags: _tags, ...rest } = doc
    return rest
  }
  walk(strip(reference), strip(candidate), '$', null, out)
  return out
}

function walk(
  a: unknown,
  b: unknown,
  path: string,
  parentKey: string | null,
  out: StructureDifference[],
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (parentKey && SET_KEYS.has(parentKey)) {
      const as = new Set(a.map((v) => JSON.stringify(v)))
      const bs = new Set(b.map((v) => JSON.stringify(v)))
      for (const v of as) if (!bs.has(v)) out.push({ path, message: `missing value ${v}` })
      for (const v of bs) if (!as.has(v)) out.push({ path, message: `unexpected value ${v}` })
      return
    }
    if (
      parentKey === 'parameters' &&
      a.every((p) => parameterKey(p)) &&
      b.every((p) => parameterKey(p))
    ) {
      const bm = new Map(b.map((p) => [parameterKey(p)!, p]))
      const am = new Map(a.map((p) => [parameterKey(p)!, p]))
      for (const [k, p] of am) {
        const q = bm.get(k)
        if (q === undefined) out.push({ path, message: `missing parameter ${k}` })
        else walk(p, q, `${path}[${JSON.stringify(k)}]`, null, out)
      }
      for (const k of bm.keys())
        if (!am.has(k)) out.push({ path, message: `unexpected parameter ${k}` })
      return
    }
    if (a.length !== b.length)
      out.push({ path, message: `array length ${a.length} in reference, ${b.length} in spec` })
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      walk(a[i], b[i], `${path}[${i}]`, null, out)
    return
  }
  if (isRecord(a) && isRecord(b)) {
    const names = parentKey !== null && NAME_MAPS.has(parentKey)
    const keep = (k: string) => names || (!DOC_KEYS.has(k) && !k.startsWith('x-'))
    for (const k of Object.keys(a)) {
      if (!keep(k)) continue
      if (!(k in b))
        out.push({
          path: keyPath(path, k),
          message: `missing in spec (reference has ${show(a[k])})`,
        })
      else walk(a[k], b[k], keyPath(path, k), names ? null : k, out)
    }
    for (const k of Object.keys(b)) {
      if (keep(k) && !(k in a))
        out.push({ path: keyPath(path, k), message: `not in reference (spec has ${show(b[k])})` })
    }
    return
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path, message: `reference ${show(a)}, spec ${show(b)}` })
  }
}
