import { isObject } from '../spec-diff/resolve.ts'

type Doc = Record<string, unknown>

/** The API major version a description states: from `info.version` and from server URLs ending in `/vN`. */
export interface StatedVersion {
  fromInfo?: number
  fromServers?: number
}

/**
 * Reads the major version a description claims for itself.
 *
 * @param doc - a parsed OpenAPI document
 * @returns the majors found in `info.version` and in server URL paths (`https://api.fpjs.io/v4` -> 4)
 * @example
 * statedVersion({ info: { version: '4.1.0' }, servers: [{ url: 'https://api.test/v4' }] }) // { fromInfo: 4, fromServers: 4 }
 */
export function statedVersion(doc: Doc): StatedVersion {
  const out: StatedVersion = {}
  const info = isObject(doc.info) ? doc.info : {}
  const m = /^v?(\d+)(?:\.|$)/i.exec(String(info.version ?? '').trim())
  if (m) out.fromInfo = Number(m[1])
  const servers = Array.isArray(doc.servers) ? doc.servers : []
  for (const s of servers) {
    const url = isObject(s) ? String(s.url ?? '') : ''
    const v = /\/v(\d+)\/?$/i.exec(url)
    if (v) {
      out.fromServers = Number(v[1])
      break
    }
  }
  return out
}

/** `GET /events/{}` style operation keys of a description. */
export function operationKeys(doc: Doc): Set<string> {
  const keys = new Set<string>()
  if (!isObject(doc.paths)) return keys
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']) {
      if (isObject(item[method]))
        keys.add(`${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`)
    }
  }
  return keys
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let common = 0
  for (const k of a) if (b.has(k)) common++
  return common / (a.size + b.size - common)
}

/**
 * Checks that `candidate` describes the same API version as the manifest entry `api`, whose current description is
 * `current`. The stated version decides when the candidate states one (`info.version` major, `/vN` server URLs):
 * it must equal the version `current` states (or the `-vN` suffix of the api name). A candidate stating nothing
 * must share operations with `current` more than with any other API's description in `others`.
 *
 * @param api - manifest name, e.g. `server-api-v4`
 * @param candidate - the new description
 * @param current - the description in the repository now
 * @param others - current descriptions of the other APIs, by name
 * @throws Error saying which version the candidate is for and why it was rejected
 * @example
 * assertSameApi('server-api-v4', upstreamDoc, currentV4Doc, { 'server-api-v3': currentV3Doc })
 */
export function assertSameApi(
  api: string,
  candidate: Doc,
  current: Doc,
  others: Record<string, Doc>,
): void {
  const expectedStated = statedVersion(current)
  const nameMajor = /-v(\d+)$/.exec(api)?.[1]
  const expected =
    expectedStated.fromServers ??
    expectedStated.fromInfo ??
    (nameMajor ? Number(nameMajor) : undefined)
  const got = statedVersion(candidate)
  const claims = [
    got.fromServers !== undefined ? { n: got.fromServers, where: 'server URLs' } : undefined,
    got.fromInfo !== undefined ? { n: got.fromInfo, where: 'info.version' } : undefined,
  ].filter((c): c is { n: number; where: string } => c !== undefined)
  if (expected !== undefined && claims.length > 0) {
    // server URLs name the API generation; info.version can carry a document revision, so servers win when present
    const decisive = claims[0]!
    if (decisive.n !== expected) {
      throw new Error(
        `this description is for API v${decisive.n} (from its ${decisive.where}), but ${api} is v${expected}`,
      )
    }
    return
  }
  const mine = similarity(operationKeys(candidate), operationKeys(current))
  for (const [name, doc] of Object.entries(others)) {
    if (name === api) continue
    if (similarity(operationKeys(candidate), operationKeys(doc)) > mine) {
      throw new Error(
        `this description states no version and its operations match ${name} better than ${api}`,
      )
    }
  }
  if (mine === 0)
    throw new Error(`this description states no version and shares no operation with ${api}`)
}
