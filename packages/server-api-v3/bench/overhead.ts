/// <reference types="node" />
/**
 * Per-call overhead: getEvent through an in-process fake `fetch` (no network), side by side with raw
 * `fetch` + `json()`, openapi-fetch alone, and the official v6 SDK. Several rounds, each running the
 * clients in a rotated order; the table shows the median of the per-round medians.
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

const tasks: [string, () => Promise<unknown>][] = [
  [
    'raw fetch + json()',
    async () => {
      const res = await fakeFetch(`https://api.fpjs.io/events/${encodeURIComponent(REQUEST_ID)}`, {
        headers: { 'Auth-API-Key': API_KEY },
      })
      return res.json()
    },
  ],
  [
    'openapi-fetch alone',
    () =>
      openapi.GET('/events/{request_id}', {
        params: { path: { request_id: REQUEST_ID } },
        headers: { 'Auth-API-Key': API_KEY },
      }),
  ],
  ['official v6 SDK', () => official.getEvent(REQUEST_ID)],
  ['@fpapi/server-api-v3', () => ours.getEvent(REQUEST_ID)],
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function runOverhead(timeMs = 1000, rounds = 3) {
  const medians = new Map<string, number[]>(tasks.map(([name]) => [name, []]))
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmup: true, warmupTime: 200 })
    const order = [...tasks.slice(round % tasks.length), ...tasks.slice(0, round % tasks.length)]
    for (const [name, fn] of order) bench.add(name, fn)
    await bench.run()
    for (const task of bench.tasks) {
      const result = task.result as unknown as { latency: { p50?: number; mean: number } }
      medians.get(task.name)!.push(result.latency.p50 ?? result.latency.mean)
    }
  }
  const raw = median(medians.get(tasks[0]![0])!)
  const rows = tasks.map(([name]) => {
    const m = median(medians.get(name)!)
    return [name, fmt(m * 1000, 1), fmt(1000 / m), `${fmt(m / raw, 2)}x`]
  })
  printTable(
    `Per-call overhead (in-process fake fetch, getEvent, median of ${rounds} rounds)`,
    ['client', 'median µs/call', 'calls/s at that median', 'vs raw fetch'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runOverhead()
