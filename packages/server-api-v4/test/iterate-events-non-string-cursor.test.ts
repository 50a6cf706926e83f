import { expect, test } from 'vitest'
import { FingerprintServerApiClient, SdkError } from '@fpapi/server-api-v4'

const event = (n: number) => ({ event_id: `e${n}`, timestamp: n })

// An object cursor used to fail the next request's check with "TypeError: filter.pagination_key
// must be a string...", blaming the caller's filter for the server's answer; `true` or an array
// were sent as text.
test.each([{ next: { k: 1 } }, { next: true }, { next: ['a', 'b'] }])(
  'a page whose pagination_key is $next: SdkError about the server after its first page, no second request',
  async ({ next }) => {
    const urls: string[] = []
    const fetch = async (input: string | URL | Request) => {
      const url = String(input)
      urls.push(url)
      return new Response(JSON.stringify({ events: [event(urls.length)], pagination_key: next }))
    }
    const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
    const seen: unknown[] = []
    const error = await (async () => {
      for await (const item of client.iterateEvents({})) seen.push(item)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect(error).not.toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe(
      'Unexpected page from the server: its next-page cursor is not a string',
    )
    expect(urls).toHaveLength(1)
    expect(seen).toEqual([])
  },
)

test('a numeric pagination_key is followed as its text', async () => {
  const urls: string[] = []
  const fetch = async (input: string | URL | Request) => {
    const url = String(input)
    urls.push(url)
    const n = urls.length
    return Response.json({ events: [event(n)], ...(n < 3 && { pagination_key: 1000 + n }) })
  }
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  const pages: unknown[] = []
  for await (const page of client.iterateEventPages({})) pages.push(page)
  expect(pages).toHaveLength(3)
  expect(urls.map((u) => new URL(u).searchParams.get('pagination_key'))).toEqual([
    null,
    '1001',
    '1002',
  ])
})

test.each([{ next: null }, { next: '' }, { next: undefined }, { next: false }])(
  'a pagination_key of $next ends the walk quietly',
  async ({ next }) => {
    let calls = 0
    const fetch = async () => {
      calls++
      return Response.json({ events: [event(calls)], pagination_key: next })
    }
    const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
    const seen: unknown[] = []
    for await (const item of client.iterateEvents({})) seen.push(item)
    expect(seen).toEqual([event(1)])
    expect(calls).toBe(1)
  },
)
