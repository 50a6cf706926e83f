/// <reference types="node" />
/**
 * Per-call overhead: getEvent through an in-process fake `fetch` (no network), side by side with raw
 * `fetch` + `json()`, openapi-fetch alone, and the official v6 SDK. Bounded by tinybench's `time`.
 */
import { Bench } from 'tinybench'
import createOpenApiClient from 'openapi-fetch'
import { FingerprintJsServerApiClient as Official } from '@fingerprintjs/fingerprintjs-pro-server-api'
import { API_KEY, REQUEST_ID, distEntry, eventBody, fmt, printTable } from './shared'

const { FingerprintJsServerApiClient } = (await import(
  distEntry
)) as typeof import('../dist/index.js')

const headers = { 'content-type': 'application/json' }
const fakeFetch = (async () => new Response(eventBody, { status: 200, headers })) as typeof fetch

const ours = new FingerprintJsServerApiClient({ apiKey: API_KEY, fetch: fakeFetch, retries: false })
const official = new Official({ apiKey: API_KEY, fetch: fakeFetch })
const openapi = createOpenApiClient<any>({ baseUrl: 'https://api.fpjs.io', fetch: fakeFetch })

export async function runOverhead(timeMs = 1500) {
  const bench = new Bench({ time: timeMs, warmup: true, warmupTime: 300 })
  bench
    .add('raw fetch + json()', async () => {
      const res = await fakeFetch(`https://api.fpjs.io/events/${encodeURIComponent(REQUEST_ID)}`, {
        headers: { 'Auth-API-Key': API_KEY },
      })
      await res.json()
    })
    .add('openapi-fetch alone', async () => {
      await openapi.GET('/events/{request_id}', {
        params: { path: { request_id: REQUEST_ID } },
        headers: { 'Auth-API-Key': API_KEY },
      })
    })
    .add('official v6 SDK', async () => {
      await official.getEvent(REQUEST_ID)
    })
    .add('@fpapi/server-api-v3', async () => {
      await ours.getEvent(REQUEST_ID)
    })
  await bench.run()
  type Stats = { latency: { mean: number; p50?: number }; throughput: { mean: number } }
  const stats = (t: (typeof bench.tasks)[number]) => t.result as unknown as Stats
  const median = (t: (typeof bench.tasks)[number]) => stats(t).latency.p50 ?? stats(t).latency.mean
  const rawMedian = median(bench.tasks[0]!)
  const rows = bench.tasks.map((t) => [
    t.name,
    fmt(median(t) * 1000, 1),
    fmt(stats(t).latency.mean * 1000, 1),
    fmt(stats(t).throughput.mean),
    `${fmt(median(t) / rawMedian, 2)}x`,
  ])
  printTable(
    'Per-call overhead (in-process fake fetch, getEvent)',
    ['client', 'median µs/call', 'mean µs/call', 'calls/s', 'median vs raw fetch'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runOverhead()
