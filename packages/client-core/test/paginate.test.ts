import { describe, expect, test, vi } from 'vitest'
import { MAX_EMPTY_PAGES, SdkError, collect, iterateItems, iteratePages } from '@fpapi/client-core'

interface Page {
  items: number[]
  next?: string
}

/** Pages keyed by cursor ('' is the first page). */
function source(pages: Record<string, Page | Error>) {
  const fetchPage = vi.fn(async (cursor: string | undefined) => {
    const page = pages[cursor ?? '']
    if (page === undefined) throw new Error(`no page for cursor ${cursor}`)
    if (page instanceof Error) throw page
    return page
  })
  return { fetchPage, getItems: (p: Page) => p.items, getNextCursor: (p: Page) => p.next }
}

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

describe('iterateItems', () => {
  test.each([
    { name: 'one page', pages: { '': { items: [1, 2] } }, want: [1, 2], fetches: 1 },
    {
      name: 'three pages',
      pages: { '': { items: [1], next: 'b' }, b: { items: [2], next: 'c' }, c: { items: [3] } },
      want: [1, 2, 3],
      fetches: 3,
    },
    { name: 'empty first page', pages: { '': { items: [] } }, want: [], fetches: 1 },
    {
      name: 'empty page in the middle',
      pages: { '': { items: [1], next: 'b' }, b: { items: [], next: 'c' }, c: { items: [2] } },
      want: [1, 2],
      fetches: 3,
    },
    {
      name: 'missing cursor stops',
      pages: { '': { items: [1], next: '' } },
      want: [1],
      fetches: 1,
    },
    {
      name: 'maxItems stops without fetching more',
      pages: { '': { items: [1, 2], next: 'b' }, b: { items: [3, 4], next: 'c' } },
      maxItems: 3,
      want: [1, 2, 3],
      fetches: 2,
    },
    {
      name: 'maxItems at a page boundary',
      pages: { '': { items: [1, 2], next: 'b' }, b: { items: [3] } },
      maxItems: 2,
      want: [1, 2],
      fetches: 1,
    },
  ])('$name', async ({ pages, want, fetches, maxItems }) => {
    const s = source(pages as Record<string, Page>)
    expect(await drain(iterateItems({ ...s, maxItems }))).toEqual(want)
    expect(s.fetchPage).toHaveBeenCalledTimes(fetches)
  })

  test('an error mid-stream is thrown once, after the items before it, then the iterator is done', async () => {
    const s = source({ '': { items: [1, 2], next: 'b' }, b: new Error('HTTP 500') })
    const it = iterateItems(s)
    expect(await it.next()).toEqual({ done: false, value: 1 })
    expect(await it.next()).toEqual({ done: false, value: 2 })
    await expect(it.next()).rejects.toThrow('HTTP 500')
    expect(await it.next()).toEqual({ done: true, value: undefined })
    expect(s.fetchPage).toHaveBeenCalledTimes(2)
  })

  test('parallel next() calls get distinct items in order, and each page is fetched once', async () => {
    const s = source({ '': { items: [1, 2], next: 'b' }, b: { items: [3] } })
    const it = iterateItems(s)
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next(), it.next()])
    expect(results).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
      { done: true, value: undefined },
      { done: true, value: undefined },
    ])
    expect(s.fetchPage.mock.calls).toEqual([[undefined], ['b']])
  })

  test('break stops fetching', async () => {
    const s = source({ '': { items: [1, 2], next: 'b' }, b: { items: [3] } })
    for await (const x of iterateItems(s)) if (x === 1) break
    expect(s.fetchPage).toHaveBeenCalledTimes(1)
  })

  test('a repeated cursor throws instead of looping forever', async () => {
    const s = source({ '': { items: [1], next: 'a' }, a: { items: [2], next: 'a' } })
    await expect(drain(iterateItems(s))).rejects.toBeInstanceOf(SdkError)
  })
})

describe('iteratePages', () => {
  test('yields whole pages and passes cursors', async () => {
    const s = source({ '': { items: [1], next: 'b' }, b: { items: [2, 3] } })
    expect(await drain(iteratePages(s))).toEqual([{ items: [1], next: 'b' }, { items: [2, 3] }])
    expect(s.fetchPage.mock.calls).toEqual([[undefined], ['b']])
  })

  test('maxItems stops after the page that reaches it', async () => {
    const s = source({
      '': { items: [1, 2], next: 'b' },
      b: { items: [3, 4], next: 'c' },
      c: { items: [5] },
    })
    expect(await drain(iteratePages({ ...s, maxItems: 3 }))).toHaveLength(2)
  })

  test('parallel next() calls on pages', async () => {
    const s = source({ '': { items: [1], next: 'b' }, b: { items: [2] } })
    const it = iteratePages(s)
    const [a, b, c] = await Promise.all([it.next(), it.next(), it.next()])
    expect([a.value, b.value, c.done]).toEqual([{ items: [1], next: 'b' }, { items: [2] }, true])
  })
})

describe('collect', () => {
  test('stops at the cap', async () => {
    const s = source({ '': { items: [1, 2], next: 'b' }, b: { items: [3] } })
    expect(await collect(iterateItems(s), 2)).toEqual([1, 2])
    expect(s.fetchPage).toHaveBeenCalledTimes(1)
  })
  test.each([0, -1, 1.5, Infinity])('requires a positive integer cap (%s)', async (limit) => {
    await expect(collect(iterateItems(source({ '': { items: [] } })), limit)).rejects.toThrow(
      TypeError,
    )
  })
})

describe('iteratePages with trimPage', () => {
  test.each([
    { maxItems: 3, want: [[1, 2], [3]], fetches: 2 },
    {
      maxItems: 4,
      want: [
        [1, 2],
        [3, 4],
      ],
      fetches: 2,
    },
    { maxItems: 1, want: [[1]], fetches: 1 },
    { maxItems: 9, want: [[1, 2], [3, 4], [5]], fetches: 3 },
  ])(
    'cuts the last page to maxItems $maxItems and fetches no more',
    async ({ maxItems, want, fetches }) => {
      const s = source({
        '': { items: [1, 2], next: 'b' },
        b: { items: [3, 4], next: 'c' },
        c: { items: [5] },
      })
      const trimPage = (p: Page, keep: number) => ({ ...p, items: p.items.slice(0, keep) })
      const pages = await drain(iteratePages({ ...s, maxItems, trimPage }))
      expect(pages.map((p) => p.items)).toEqual(want)
      expect(s.fetchPage).toHaveBeenCalledTimes(fetches)
    },
  )
})

describe('servers that would keep a walk going forever', () => {
  test('a cursor cycle (a -> b -> a) throws naming the problem', async () => {
    const s = source({
      '': { items: [1], next: 'a' },
      a: { items: [2], next: 'b' },
      b: { items: [3], next: 'a' },
    })
    await expect(drain(iterateItems(s))).rejects.toThrow(
      'Pagination stopped: the server returned a cursor it had returned before',
    )
    expect(s.fetchPage).toHaveBeenCalledTimes(3)
  })

  test(`${MAX_EMPTY_PAGES} empty pages in a row with fresh cursors: SdkError, no further request`, async () => {
    const fetchPage = vi.fn(async (cursor: string | undefined) => ({
      items: [] as number[],
      next: `c${Number(cursor?.slice(1) ?? 0) + 1}`,
    }))
    const walk = {
      fetchPage,
      getItems: (p: { items: number[] }) => p.items,
      getNextCursor: (p: { next: string }) => p.next,
    }
    const error = await drain(iterateItems(walk)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toBe(
      `Pagination stopped: ${MAX_EMPTY_PAGES} pages in a row had no items but pointed to a next page`,
    )
    expect(fetchPage).toHaveBeenCalledTimes(MAX_EMPTY_PAGES)
  })

  test('empty pages between full ones are walked through', async () => {
    const s = source({
      '': { items: [], next: 'a' },
      a: { items: [], next: 'b' },
      b: { items: [1, 2], next: 'c' },
      c: { items: [] },
    })
    expect(await drain(iterateItems(s))).toEqual([1, 2])
  })
})
