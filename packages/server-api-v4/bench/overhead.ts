/// <reference types="node" />
/**
 * Per-call overhead with an in-process fake fetch (no network): how much a client adds around one
 * `fetch` + JSON parse. Side by side: raw fetch, openapi-fetch alone, the official SDK, ours.
 * Reported as mean time per call and as a ratio to raw fetch in the same run.
 */
import { Bench } from 'tinybench'
import createClient from 'openapi-fetch'
import { FingerprintServerApiClient as Official } from '@fingerprint/node-sdk'
import { distEntry, eventJson, fmt, median, printTable } from './shared'

const { FingerprintServerApiClient: Ours } = (await import(
  distEntry
)) as typeof import('../src/index')

const headers = { 'content-type': 'application/json', 'content-length': String(eventJson.length) }
/** Answers every call like the API would, with a fresh Response. */
const fakeFetch = async (): Promise<Response> => new Response(eventJson, { headers })

const official = new Official({ apiKey: 'bench-key', fetch: fakeFetch as typeof fetch })
const ours = new Ours({ apiKey: 'bench-key', fetch: fakeFetch as typeof fetch })
const oursNoTimeout = new Ours({
  apiKey: 'bench-key',
  fetch: fakeFetch as typeof fetch,
  timeoutMs: 0,
})
const openapi = createClient<{
  '/events/{event_id}': {
    get: {
      parameters: { path: { event_id: string } }
      responses: { 200: { content: { 'application/json': unknown } } }
    }
  }
}>({
  baseUrl: 'https://api.fpjs.io/v4',
  fetch: fakeFetch,
  headers: { Authorization: 'Bearer bench-key' },
})

export async function runOverhead(rounds = 3, timeMs = 1000) {
  const names: string[] = []
  const means = new Map<string, number[]>()
  // Several rounds, each running every task; the median per task evens out a noisy machine.
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmupTime: 200 })
    bench
      .add('raw fetch + json()', async () => {
        const r = await fakeFetch()
        await r.json()
      })
      .add('openapi-fetch alone', async () => {
        await openapi.GET('/events/{event_id}', { params: { path: { event_id: 'ev1' } } })
      })
      .add('@fingerprint/node-sdk 7.7.1', async () => {
        await official.getEvent('ev1')
      })
      .add('@fpapi/server-api-v4 (defaults: 30 s timeout)', async () => {
        await ours.getEvent('ev1')
      })
      .add('@fpapi/server-api-v4 (timeoutMs: 0)', async () => {
        await oursNoTimeout.getEvent('ev1')
      })
    await bench.run()
    for (const t of bench.tasks) {
      if (round === 0) names.push(t.name)
      means.set(t.name, [...(means.get(t.name) ?? []), t.result?.latency.mean ?? NaN])
    }
  }
  const mean = (name: string) => median(means.get(name) ?? [])
  const base = mean(names[0] ?? '')
  const openapiMean = mean('openapi-fetch alone')
  const rows = names.map((name) => [
    name,
    fmt(mean(name) * 1000, 2),
    fmt(mean(name) / base, 2) + 'x',
    fmt(mean(name) / openapiMean, 2) + 'x',
  ])
  printTable(
    `Per-call overhead, in-process fake fetch (median of ${rounds} rounds)`,
    ['client', 'µs/call', 'vs raw fetch', 'vs openapi-fetch'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runOverhead()
