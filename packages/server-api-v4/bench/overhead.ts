/// <reference types="node" />
/**
 * Per-call overhead with an in-process fake fetch (no network): how much a client adds around one
 * `fetch` + JSON parse. Side by side: raw fetch, openapi-fetch alone, the official SDK, ours.
 * Reported as mean time per call and as a ratio to raw fetch in the same run.
 */
import { Bench } from 'tinybench'
import createClient from 'openapi-fetch'
import { FingerprintServerApiClient as Official } from '@fingerprint/node-sdk'
import { distEntry, eventJson, fmt, printTable } from './shared'

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

export async function runOverhead(timeMs = 1500) {
  const bench = new Bench({ time: timeMs, warmupTime: 300 })
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
  const base = bench.tasks[0]?.result?.latency.mean ?? NaN
  const rows = bench.tasks.map((t) => {
    const mean = t.result?.latency.mean ?? NaN
    return [
      t.name,
      fmt(mean * 1000, 2),
      fmt(mean / base, 2) + 'x',
      fmt(t.result?.throughput.mean ?? NaN),
    ]
  })
  printTable(
    'Per-call overhead, in-process fake fetch',
    ['client', 'µs/call', 'vs raw fetch', 'calls/s'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runOverhead()
