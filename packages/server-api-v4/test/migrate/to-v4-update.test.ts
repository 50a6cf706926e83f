import { describe, expect, it } from 'vitest'
import { toV4Update } from '../../src/migrate/to-v4-update'

describe('toV4Update', () => {
  it.each([
    [{ linkedId: 'a' }, { linked_id: 'a' }],
    [{ tag: { k: 1 } }, { tags: { k: 1 } }],
    [{ suspect: false }, { suspect: false }],
    [
      { linkedId: 'a', tag: { nested: { x: [1] } }, suspect: true },
      { linked_id: 'a', tags: { nested: { x: [1] } }, suspect: true },
    ],
    [{}, {}],
    [{ linkedId: undefined, suspect: true }, { suspect: true }],
  ])('maps %j to %j, absent stays absent', (given, want) => {
    const out = toV4Update(given)
    expect(out).toStrictEqual(want)
  })

  it('sends tags as given, without merging (open question 12)', () => {
    const tag = { a: 1 }
    expect(toV4Update({ tag }).tags).toBe(tag)
  })

  it.each([
    [null, 'body must be an object'],
    ['x', 'body must be an object'],
    [
      { linked_id: 'a' },
      'body.linked_id is not a v3 update field (it is the v4 name; use "linkedId"',
    ],
    [{ tags: {} }, 'body.tags is not a v3 update field (it is the v4 name; use "tag"'],
    [{ other: 1 }, 'body.other is not a v3 update field'],
    [{ linkedId: 5 }, 'body.linkedId must be a string'],
    [{ tag: [] }, 'body.tag must be a plain object'],
    [{ tag: null }, 'body.tag must be a plain object'],
    [{ suspect: 'yes' }, 'body.suspect must be a boolean'],
  ])('rejects %j with a TypeError', (given, message) => {
    expect(() => toV4Update(given as never)).toThrow(TypeError)
    expect(() => toV4Update(given as never)).toThrow(message)
  })
})
