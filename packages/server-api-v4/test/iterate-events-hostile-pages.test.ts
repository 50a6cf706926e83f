import { expect, test } from 'vitest'
import { FingerprintServerApiClient, SdkError } from '@fpapi/server-api-v4'
import { fakeFetch } from './helpers'

// `events` as a string used to be iterated character by character, page after page.
test.each([
  { given: { events: 'not-a-list', pagination_key: 'k1' } },
  { given: { events: null } },
  { given: { events: { 0: {} } } },
])(
  'iterateEvents over a page whose events are $given: SdkError, nothing yielded',
  async ({ given }) => {
    const { fetch, calls } = fakeFetch({ json: given })
    const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
    const seen: unknown[] = []
    const error = await (async () => {
      for await (const event of client.iterateEvents({})) seen.push(event)
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SdkError)
    expect((error as Error).message).toMatch(/Unexpected page from the server/)
    expect(seen).toEqual([])
    expect(calls).toHaveLength(1)
  },
)

test('a server answering empty pages with ever-new cursors: iterateEvents ends with an SdkError', async () => {
  let n = 0
  const fetch = async () => Response.json({ events: [], pagination_key: `k${++n}` })
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  const error = await (async () => {
    for await (const event of client.iterateEvents({}, { maxItems: 5 })) void event
  })().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toMatch(/pages in a row had no items/)
  expect(n).toBe(10)
})

test('a server cycling between two cursors: iterateEventPages ends with an SdkError', async () => {
  const urls: string[] = []
  const fetch = async (input: string | URL | Request) => {
    const url = String(input)
    urls.push(url)
    const key = new URL(url).searchParams.get('pagination_key')
    return Response.json({
      events: [{ event_id: String(key) }],
      pagination_key: key === 'a' ? 'b' : 'a',
    })
  }
  const client = new FingerprintServerApiClient({ apiKey: 'k', fetch, retries: false })
  const error = await (async () => {
    for await (const page of client.iterateEventPages({})) void page
  })().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SdkError)
  expect((error as Error).message).toMatch(/cursor it had returned before/)
  expect(urls).toHaveLength(3)
})
