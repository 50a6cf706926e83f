/**
 * Visitor history page by page: `limit` counts scanned events and filters apply after the scan, so
 * pages can be short or empty while `paginationKey` says more exist.
 */
import {
  FingerprintJsServerApiClient,
  nextVisitsFilter,
  type VisitorHistoryFilter,
} from '@fpapi/server-api-v3'

declare const process: { env: Record<string, string | undefined> }

const client = new FingerprintJsServerApiClient({
  apiKey: process.env.FP_SECRET_KEY ?? '',
  baseUrl: process.env.FP_BASE_URL,
})

// By hand, with the cursor rule the iterator uses:
let filter: VisitorHistoryFilter | undefined = { limit: 200, linked_id: 'order-1234' }
while (filter) {
  const page = await client.getVisits('visitor-id', filter)
  console.log(page.visits.length, page.paginationKey ?? '(last page)')
  filter = nextVisitsFilter(filter, page)
}

// The same with the iterator, whole pages, at most 1 000 visits:
for await (const page of client
  .iterateVisits('visitor-id', { limit: 200 }, { maxItems: 1_000 })
  .pages()) {
  console.log(page.visits.length)
}
