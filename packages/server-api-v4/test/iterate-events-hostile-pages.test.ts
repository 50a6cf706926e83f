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
