import { expect, test } from 'vitest'
import { SdkError, iterateItems, iteratePages } from '@fpapi/client-core'

type Page = { items?: unknown; next?: string }

function walker(page: unknown) {
  let requests = 0
  return {
    options: {
      fetchPage: async () => {
        requests++
        return page as Page
      },
      getItems: (p: Page) => p.items as readonly unknown[] | undefined,
      getNextCursor: (p: Page) => p.next,
    },
    requests: () => requests,
  }
}

// A string in place of the list used to be walked character by character (page after page).
test.each([
  { given: { items: 'abc', next: 'k' }, want: /list of items is not an array/ },
  { given: { items: { 0: 'a', length: 1 }, next: 'k' }, want: /list of items is not an array/ },
  { given: { items: null }, want: /list of items is not an array/ },
  { given: null, want: /not an object/ },
  { given: 'page', want: /not an object/ },
])('items of $given: SdkError after one request', async ({ given, want }) => {
  for (const iterate of [iterateItems, iteratePages]) {
    const { options, requests } = walker(given)
    const seen: unknown[] = []
    const error = await (async () => {
      for await (const x of iterate(options)) seen.push(x)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toMatch(want)
    expect(seen).toEqual([])
    expect(requests()).toBe(1)
  }
})

test('a page without its list (undefined) is an empty page', async () => {
  const { options } = walker({})
  const seen: unknown[] = []
  for await (const x of iterateItems(options)) seen.push(x)
  expect(seen).toEqual([])
})
