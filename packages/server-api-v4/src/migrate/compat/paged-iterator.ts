/** An async iterator of items that can also walk whole pages, like the v3 client's iterators. */
export interface V3PagedIterator<Item, Page> extends AsyncIterableIterator<Item> {
  /** Iterates whole pages (with their metadata) instead of items. */
  pages(): AsyncIterableIterator<Page>
}

/** How to walk one paginated call. @internal */
export interface PageWalk<Item, Page> {
  fetchPage(cursor: string | undefined): Promise<Page>
  items(page: Page): Item[]
  next(page: Page): string | undefined
  trim(page: Page, keep: number): Page
}

/**
 * Builds a lazy iterator over pages: a page is fetched only when the consumer gets to it, and
 * `maxItems` cuts the walk (and the last page) at that many items.
 * @internal
 */
export function pagedIterator<Item, Page>(
  walk: PageWalk<Item, Page>,
  maxItems: number | undefined,
): V3PagedIterator<Item, Page> {
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1)) {
    throw new TypeError('options.maxItems must be a positive integer')
  }
  async function* pages(): AsyncGenerator<Page> {
    let cursor: string | undefined
    let seen = 0
    for (;;) {
      const page = await walk.fetchPage(cursor)
      const items = walk.items(page)
      if (maxItems !== undefined && seen + items.length >= maxItems) {
        yield walk.trim(page, maxItems - seen)
        return
      }
      yield page
      seen += items.length
      cursor = walk.next(page)
      if (cursor === undefined || items.length === 0) return
    }
  }
  async function* items(): AsyncGenerator<Item> {
    for await (const page of pages()) yield* walk.items(page)
  }
  return Object.assign(items(), { pages })
}
