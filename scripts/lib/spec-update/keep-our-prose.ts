import { NAME_MAPS } from '../structure.ts'

/** Keys that hold prose or sample data: ours in specs/, never upstream's. */
const PROSE_KEYS = ['description', 'summary', 'example', 'examples'] as const

/** Text given to a required `description` (responses) that upstream added and we have not described yet. */
export const UNDESCRIBED = 'Not described yet.'

/** The result of {@link keepOurProse}. */
export interface KeptProse {
  /** The new description's structure with our prose. */
  doc: Record<string, unknown>
  /** JSON paths of new nodes whose upstream prose was dropped: they need our words. */
  undescribed: string[]
}

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

function entryKey(v: unknown, index: number): string {
  if (isRecord(v) && typeof v.name === 'string' && typeof v.in === 'string')
    return `${v.in}:${v.name}`
  if (isRecord(v) && typeof v.$ref === 'string') return `$ref:${v.$ref}`
  return String(index)
}

/**
 * Takes the structure of a new upstream description and the prose of our current spec: wherever a node
 * exists in both, our description, summary and examples replace upstream's; on nodes that are new, upstream's
 * prose is dropped (a response, whose description OpenAPI requires, gets {@link UNDESCRIBED}) and the node is
 * listed, so that a person writes our words for it. `info` stays ours except `info.version`.
 *
 * @param incoming - the parsed upstream description
 * @param ours - the parsed current spec
 * @returns the merged document and the paths that still need a description
 * @example
 * const { doc, undescribed } = keepOurProse(upstream, current)
 */
export function keepOurProse(incoming: Json, ours: Json): KeptProse {
  const undescribed: string[] = []
  const doc = merge(incoming, ours, '$', false, undescribed) as Json
  if (isRecord(ours.info) && isRecord(incoming.info)) {
    doc.info = { ...ours.info, version: incoming.info.version }
  }
  return { doc, undescribed }
}

function merge(
  node: unknown,
  ours: unknown,
  path: string,
  namesHere: boolean,
  undescribed: string[],
): unknown {
  if (Array.isArray(node)) {
    const byKey = new Map(
      Array.isArray(ours) ? ours.map((v, i) => [entryKey(v, i), v] as const) : [],
    )
    return node.map((v, i) => {
      const key = entryKey(v, i)
      return merge(v, byKey.get(key), `${path}[${JSON.stringify(key)}]`, false, undescribed)
    })
  }
  if (!isRecord(node)) return node
  const mine = isRecord(ours) ? ours : undefined
  const out: Json = {}
  let dropped = false
  for (const [key, value] of Object.entries(node)) {
    if (!namesHere && (PROSE_KEYS as readonly string[]).includes(key)) {
      if (mine && key in mine) out[key] = mine[key]
      else if (!mine) dropped = true
      continue
    }
    const childNames = !namesHere && NAME_MAPS.has(key)
    out[key] = merge(value, mine?.[key], `${path}.${key}`, childNames, undescribed)
  }
  if (!namesHere && mine) {
    // Our prose on a node upstream left bare stays ours.
    for (const key of PROSE_KEYS) if (key in mine && !(key in out)) out[key] = mine[key]
  }
  if (!mine && !namesHere) {
    if (/\.responses\.[^.[]+$/.test(path)) out.description = UNDESCRIBED
    if (dropped) undescribed.push(path)
  }
  return out
}
