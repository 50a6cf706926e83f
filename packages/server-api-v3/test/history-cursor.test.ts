import { describe, expect, test } from 'vitest'
import { nextSearchFilter, nextVisitsFilter } from '../src/history-cursor'
import type { SearchEventsFilter, VisitorHistoryFilter, VisitorsResponse } from '../src/types'

const page = (extra: Partial<VisitorsResponse>): VisitorsResponse => ({
  visitorId: 'v1',
  visits: [],
  ...extra,
})

describe('nextVisitsFilter', () => {
  const cases: {
    name: string
    filter: VisitorHistoryFilter
    page: VisitorsResponse
    want: VisitorHistoryFilter | undefined
  }[] = [
    { name: 'no key: last page', filter: { limit: 10 }, page: page({}), want: undefined },
    {
      name: 'paginationKey: next page keeps the other filters',
      filter: { limit: 10, linked_id: 'l' },
      page: page({ paginationKey: '1700.abc', lastTimestamp: 1700 }),
      want: { limit: 10, linked_id: 'l', paginationKey: '1700.abc' },
    },
    {
      name: 'paginationKey replaces a previous `before`',
      filter: { limit: 10, before: 5 },
      page: page({ paginationKey: 'k2' }),
      want: { limit: 10, paginationKey: 'k2' },
    },
    {
      name: 'only lastTimestamp (older servers): pages with `before`',
      filter: { limit: 10, paginationKey: 'old' },
      page: page({ lastTimestamp: 1234 }),
      want: { limit: 10, before: 1234 },
    },
    { name: 'empty key is no key', filter: {}, page: page({ paginationKey: '' }), want: undefined },
    {
      name: 'an empty page with a key is not the end (filters apply after the scan)',
      filter: { request_id: 'r' },
      page: page({ visits: [], paginationKey: 'k' }),
      want: { request_id: 'r', paginationKey: 'k' },
    },
  ]
  test.each(cases)('$name', ({ filter, page, want }) => {
    expect(nextVisitsFilter(filter, page)).toEqual(want)
  })

  test('does not mutate the given filter', () => {
    const filter: VisitorHistoryFilter = { limit: 1, before: 3 }
    nextVisitsFilter(filter, page({ paginationKey: 'k' }))
    expect(filter).toEqual({ limit: 1, before: 3 })
  })
})

describe('nextSearchFilter', () => {
  const cases: {
    name: string
    filter: SearchEventsFilter
    page: { events?: []; paginationKey?: string }
    want: SearchEventsFilter | undefined
  }[] = [
    { name: 'no key', filter: { limit: 5 }, page: { events: [] }, want: undefined },
    { name: 'empty key', filter: { limit: 5 }, page: { paginationKey: '' }, want: undefined },
    {
      name: 'key goes to pagination_key',
      filter: { limit: 5, bot: 'bad' },
      page: { events: [], paginationKey: 'p1' },
      want: { limit: 5, bot: 'bad', pagination_key: 'p1' },
    },
  ]
  test.each(cases)('$name', ({ filter, page, want }) => {
    expect(nextSearchFilter(filter, page)).toEqual(want)
  })
})
