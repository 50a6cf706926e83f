import { describe, expect, test } from 'vitest'
import { FingerprintServerApiClient, ServerApiError } from '@fpapi/server-api-v4'
import { API_KEY, fakeFetch, sampleEvent, type Reply } from './helpers'

const ev = (n: number) => sampleEvent(`ev${n}`)

function client(replies: Reply[]) {
  const fake = fakeFetch(...replies)
  const c = new FingerprintServerApiClient({ apiKey: API_KEY, fetch: fake.fetch, retries: false })
  return { client: c, ...fake }
}

async function ids(it: AsyncIterable<{ event_id: string }>) {
  const out: string[] = []
  for await (const e of it) out.push(e.event_id)
  return out
}

describe('iterateEvents', () => {
  test.each([
    {
      name: 'three pages, following pagination_key',
      replies: [
        { json: { events: [ev(1), ev(2)], pagination_key: 'k2' } },
        { json: { events: [ev(3)], pagination_key: 'k3' } },
        { json: { events: [ev(4)] } },
      ],
      options: undefined,
      want: { ids: ['ev1', 'ev2', 'ev3', 'ev4'], keys: [null, 'k2', 'k3'] },
    },
    {
      name: 'empty result',
      replies: [{ json: { events: [] } }],
      options: undefined,
      want: { ids: [], keys: [null] },
    },
    {
      name: 'empty page with a cursor, then more',
      replies: [{ json: { events: [], pagination_key: 'k2' } }, { json: { events: [ev(1)] } }],
      options: undefined,
      want: { ids: ['ev1'], keys: [null, 'k2'] },
    },
    {
      name: 'maxItems stops without fetching the next page',
      replies: [
        { json: { events: [ev(1), ev(2)], pagination_key: 'k2' } },
        { json: { events: [ev(3)] } },
      ],
      options: { maxItems: 2 },
      want: { ids: ['ev1', 'ev2'], keys: [null] },
    },
    {
      name: 'maxItems in the middle of a page',
      replies: [{ json: { events: [ev(1), ev(2), ev(3)], pagination_key: 'k2' } }],
      options: { maxItems: 1 },
      want: { ids: ['ev1'], keys: [null] },
    },
  ])('$name', async ({ replies, options, want }) => {
    const { client: c, calls } = client(replies)
    expect(await ids(c.iterateEvents({ visitor_id: 'v1' }, options))).toEqual(want.ids)
    expect(calls.map((x) => new URL(x.url).searchParams.get('pagination_key'))).toEqual(want.keys)
    for (const call of calls) expect(new URL(call.url).searchParams.get('visitor_id')).toBe('v1')
  })

  test('pageSize becomes the limit of every request; filters are kept', async () => {
    const { client: c, calls } = client([
      { json: { events: [ev(1)], pagination_key: 'k' } },
      { json: { events: [] } },
    ])
    await ids(c.iterateEvents({ limit: 5, environment: ['a', 'b'] }, { pageSize: 50 }))
    expect(calls.map((x) => new URL(x.url).search)).toEqual([
      '?limit=50&environment=a&environment=b',
      '?limit=50&environment=a&environment=b&pagination_key=k',
    ])
  })

  test('an error mid-stream reaches the loop after the earlier events', async () => {
    const { client: c } = client([
      { json: { events: [ev(1)], pagination_key: 'k2' } },
      { status: 404, json: { error: { code: 'event_not_found', message: 'gone' } } },
    ])
    const seen: string[] = []
    const error = await (async () => {
      for await (const e of c.iterateEvents({})) seen.push(e.event_id)
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['ev1'])
    expect(error).toBeInstanceOf(ServerApiError)
  })

  test('parallel next() calls neither skip nor repeat', async () => {
    const { client: c, calls } = client([
      { json: { events: [ev(1), ev(2)], pagination_key: 'k' } },
      { json: { events: [ev(3)] } },
    ])
    const it = c.iterateEvents({})
    const results = await Promise.all([it.next(), it.next(), it.next(), it.next()])
    expect(results.map((r) => (r.done ? 'done' : r.value.event_id))).toEqual([
      'ev1',
      'ev2',
      'ev3',
      'done',
    ])
    expect(calls).toHaveLength(2)
  })

  test('break stops fetching', async () => {
    const { client: c, calls } = client([{ json: { events: [ev(1), ev(2)], pagination_key: 'k' } }])
    for await (const e of c.iterateEvents({})) if (e.event_id === 'ev1') break
    expect(calls).toHaveLength(1)
  })

  test.each([
    { options: { maxItems: 0 }, want: /^options.maxItems must be a positive integer/ },
    { options: { pageSize: -1 }, want: /^options.pageSize must be a positive integer/ },
    { options: { timeoutMs: -1 }, want: /^options.timeoutMs/ },
  ])('bad options $options throw at once, before any request', ({ options, want }) => {
    const { client: c, mock } = client([{ json: { events: [] } }])
    expect(() => c.iterateEvents({}, options)).toThrow(want)
    expect(mock).not.toHaveBeenCalled()
  })
})

describe('iterateEventPages', () => {
  test('yields whole pages with their metadata', async () => {
    const { client: c } = client([
      { json: { events: [ev(1)], pagination_key: 'k', total_hits: 2 } },
      { json: { events: [ev(2)], total_hits: 2 } },
    ])
    const pages = []
    for await (const p of c.iterateEventPages({ total_hits: 100 })) pages.push(p)
    expect(pages).toEqual([
      { events: [ev(1)], pagination_key: 'k', total_hits: 2 },
      { events: [ev(2)], total_hits: 2 },
    ])
  })

  test('maxItems caps pages too: no further fetch, the last page cut to the cap', async () => {
    const page = (from: number, next?: string) => ({
      json: {
        events: Array.from({ length: 25 }, (_, i) => ev(from + i)),
        ...(next ? { pagination_key: next } : {}),
      },
    })
    const { client: c, calls } = client([
      page(0, 'k1'),
      page(25, 'k2'),
      page(50, 'k3'),
      page(75, 'k4'),
      page(100),
    ])
    const sizes: number[] = []
    for await (const p of c.iterateEventPages({}, { pageSize: 25, maxItems: 80 }))
      sizes.push(p.events.length)
    expect(sizes).toEqual([25, 25, 25, 5])
    expect(calls).toHaveLength(4)
  })
})
