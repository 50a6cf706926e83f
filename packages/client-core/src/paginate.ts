import { SdkError } from './errors'

/** How to walk one paginated endpoint. */
export interface PaginateOptions<Page, Item> {
  /** Fetches one page; `cursor` is `undefined` for the first page. */
  fetchPage: (cursor: string | undefined) => Promise<Page>
  /** The items of a page (an empty array or `undefined` when it has none; anything else is an error). */
  getItems: (page: Page) => readonly Item[] | undefined
  /** The cursor of the next page, or `undefined` / `''` on the last page. */
  getNextCursor: (page: Page) => string | undefined | null
  /**
   * Stop after this many items: the item iterator stops exactly there; the page iterator stops
   * fetching once reached and, when `trimPage` is given, cuts the last page down to the cap.
   */
  maxItems?: number | undefined
  /** Returns a copy of a page with only its first `keep` items (used to honour `maxItems` on pages). */
  trimPage?: ((page: Page, keep: number) => Page) | undefined
}

/**
 * Pages in a row without items after which a walk that is still handed a next cursor gives up: a
 * server that keeps answering empty pages with fresh cursors would otherwise be walked forever.
 */
export const MAX_EMPTY_PAGES = 10

/**
 * Makes an async iterator that runs `next()` calls one after the other, even when the caller starts
 * several without awaiting: each call waits for the previous one, so no page is fetched twice or
 * skipped.
 */
function serialized<T>(
  step: () => Promise<IteratorResult<T, undefined>>,
  stop: () => void,
): AsyncIterableIterator<T> {
  let tail: Promise<unknown> = Promise.resolve()
  const iterator: AsyncIterableIterator<T> = {
    next() {
      const result = tail.then(step)
      tail = result.catch(() => undefined)
      return result
    },
    return() {
      const result = tail.then(() => {
        stop()
        return { done: true as const, value: undefined }
      })
      tail = result
      return result
    },
    [Symbol.asyncIterator]() {
      return iterator
    },
  }
  return iterator
}

/**
 * The items of a page, checked: a server (or proxy) answering with a string or an object in place
 * of the list would otherwise be walked character by character, or read as an empty page.
 */
function itemsOf<Page, Item>(options: PaginateOptions<Page, Item>, page: Page): readonly Item[] {
  if (typeof page !== 'object' || page === null) {
    throw new SdkError('Unexpected page from the server: not an object')
  }
  const items = options.getItems(page)
  if (items === undefined) return []
  if (!Array.isArray(items)) {
    throw new SdkError('Unexpected page from the server: its list of items is not an array')
  }
  return items
}

/**
 * Iterates the pages of a paginated endpoint, following cursors until one is missing. Pages are
 * fetched lazily, one per `next()`; parallel `next()` calls are queued; an error ends the iteration
 * after being thrown once; a cursor seen before, or {@link MAX_EMPTY_PAGES} empty pages in a row
 * that still point to a next page, throw instead of looping forever.
 *
 * @param options - how to fetch pages and read their cursor.
 * @returns an async iterator of pages.
 * @throws {SdkError} from `next()` when the server returns a cursor it returned before, keeps
 *   answering empty pages with new cursors, or returns a page that is not an object, whose list
 *   of items is not an array, or whose next-page cursor is neither a string nor a number.
 * @example
 * ```ts
 * for await (const page of iteratePages({ fetchPage, getItems: (p) => p.items, getNextCursor: (p) => p.next })) {
 *   console.log(page.items.length)
 * }
 * ```
 */
export function iteratePages<Page, Item = unknown>(
  options: PaginateOptions<Page, Item>,
): AsyncIterableIterator<Page> {
  let cursor: string | undefined
  let done = false
  let seen = 0
  let emptyInARow = 0
  // Every cursor followed so far: a server cycling through cursors (a -> b -> a) is caught too.
  const cursors = new Set<string>()
  const max = options.maxItems ?? Infinity
  return serialized<Page>(
    async () => {
      if (done || seen >= max) {
        done = true
        return { done: true, value: undefined }
      }
      let page: Page
      try {
        page = await options.fetchPage(cursor)
      } catch (error) {
        done = true
        throw error
      }
      const count = itemsOf(options, page).length
      if (seen + count > max && options.trimPage) page = options.trimPage(page, max - seen)
      seen += count
      // A number is taken as its text; any other non-string (an object, `true`) would be sent as
      // `[object Object]` or `true`, or fail the next request's argument check with a TypeError
      // that blames the caller's filter for the server's answer.
      const given: unknown = options.getNextCursor(page)
      const next = typeof given === 'number' && Number.isFinite(given) ? String(given) : given
      emptyInARow = count === 0 ? emptyInARow + 1 : 0
      if (seen >= max || !next) {
        done = true
      } else if (typeof next !== 'string') {
        done = true
        throw new SdkError('Unexpected page from the server: its next-page cursor is not a string')
      } else if (cursors.has(next)) {
        done = true
        throw new SdkError(
          'Pagination stopped: the server returned a cursor it had returned before',
        )
      } else if (emptyInARow >= MAX_EMPTY_PAGES) {
        done = true
        throw new SdkError(
          `Pagination stopped: ${MAX_EMPTY_PAGES} pages in a row had no items but pointed to a next page`,
        )
      } else {
        cursors.add(next)
        cursor = next
      }
      return { done: false, value: page }
    },
    () => {
      done = true
    },
  )
}

/**
 * Iterates the items of a paginated endpoint across pages. Only the current page is held in memory;
 * `maxItems` stops exactly at that many items without fetching further pages.
 *
 * @param options - how to fetch pages, read their items and cursor.
 * @returns an async iterator of items.
 * @throws whatever fetching a page throws, from the `next()` call that needed that page.
 * @example
 * ```ts
 * for await (const event of iterateItems({ fetchPage, getItems: (p) => p.events, getNextCursor: (p) => p.pagination_key, maxItems: 500 })) {
 *   console.log(event.event_id)
 * }
 * ```
 */
export function iterateItems<Page, Item>(
  options: PaginateOptions<Page, Item>,
): AsyncIterableIterator<Item> {
  const pages = iteratePages<Page, Item>({ ...options, maxItems: undefined })
  let items: readonly Item[] = []
  let index = 0
  let count = 0
  let done = false
  const max = options.maxItems ?? Infinity
  return serialized<Item>(
    async () => {
      while (!done) {
        if (count >= max) break
        if (index < items.length) {
          count++
          return { done: false, value: items[index++] as Item }
        }
        items = []
        let result: IteratorResult<Page, undefined>
        try {
          result = await pages.next()
        } catch (error) {
          done = true
          throw error
        }
        if (result.done) break
        items = itemsOf(options, result.value)
        index = 0
      }
      done = true
      items = []
      return { done: true, value: undefined }
    },
    () => {
      done = true
      items = []
      void pages.return?.()
    },
  )
}

/**
 * Collects the items of an async iterable into an array, up to a required cap, so that a forgotten
 * filter can't exhaust memory.
 *
 * @param iterable - the items.
 * @param limit - the most items to collect (a positive integer).
 * @returns up to `limit` items.
 * @throws {TypeError} when `limit` is not a positive integer.
 * @example
 * ```ts
 * const events = await collect(client.iterateEvents({ visitor_id }), 1_000)
 * ```
 */
export async function collect<T>(iterable: AsyncIterable<T>, limit: number): Promise<T[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError('limit must be a positive integer')
  }
  const out: T[] = []
  for await (const item of iterable) {
    out.push(item)
    if (out.length >= limit) break
  }
  return out
}
