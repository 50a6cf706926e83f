import type { V3EventsUpdateRequest, V4EventUpdate } from './types'

const V3_KEYS = new Set(['linkedId', 'tag', 'suspect'])
const V4_HINT: Record<string, string> = { linked_id: 'linkedId', tags: 'tag' }

/**
 * Turns a v3 event update body into the v4 one: `linkedId` -> `linked_id`, `tag` -> `tags`,
 * `suspect` unchanged. Absent keys stay absent, so a partial v3 body stays a partial v4 body.
 * `tags` is sent as given: neither API documents whether an update merges or replaces tags,
 * so no read-merge-write is attempted.
 *
 * @param body - the v3 `EventsUpdateRequest` (`{ linkedId?, tag?, suspect? }`)
 * @returns the v4 `EventUpdate` (`{ linked_id?, tags?, suspect? }`)
 * @throws TypeError when `body` is not a plain object, has a key v3 did not know, or a value of the wrong type
 * @example
 * ```ts
 * toV4Update({ linkedId: 'order-7', tag: { cart: 3 } })
 * // => { linked_id: 'order-7', tags: { cart: 3 } }
 * ```
 */
export function toV4Update(body: V3EventsUpdateRequest): V4EventUpdate {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError('body must be an object like { linkedId?, tag?, suspect? }')
  }
  for (const key of Object.keys(body)) {
    if (!V3_KEYS.has(key)) {
      const hint = Object.hasOwn(V4_HINT, key)
        ? ` (it is the v4 name; use "${V4_HINT[key]}" in a v3 body)`
        : ''
      throw new TypeError(
        `body.${key} is not a v3 update field${hint}; expected linkedId, tag or suspect`,
      )
    }
  }
  const out: V4EventUpdate = {}
  if (body.linkedId !== undefined) {
    if (typeof body.linkedId !== 'string') throw new TypeError('body.linkedId must be a string')
    out.linked_id = body.linkedId
  }
  if (body.tag !== undefined) {
    if (body.tag === null || typeof body.tag !== 'object' || Array.isArray(body.tag)) {
      throw new TypeError('body.tag must be a plain object')
    }
    out.tags = body.tag
  }
  if (body.suspect !== undefined) {
    if (typeof body.suspect !== 'boolean') throw new TypeError('body.suspect must be a boolean')
    out.suspect = body.suspect
  }
  return out
}
