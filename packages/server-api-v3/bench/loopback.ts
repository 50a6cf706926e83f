/// <reference types="node" />
/**
 * End-to-end requests per second over loopback HTTP (127.0.0.1), sequential and with 32 requests in
 * flight, for raw `fetch`, the official v6 SDK and this package. Each run is bounded in time.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FingerprintJsServerApiClient as Official } from '@fingerprintjs/fingerprintjs-pro-server-api'
import { API_KEY, REQUEST_ID, distEntry, eventBody, fmt, printTable } from './shared'

const { FingerprintJsServerApiClient } = (await import(
  distEntry
)) as typeof import('../dist/index.js')

async function measure(call: () => Promise<unknown>, concurrency: number, ms: number) {
  const until = performance.now() + ms
  let done = 0
  const worker = async () => {
    while (performance.now() < until) {
      await call()
      done++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return (done / (performance.now() - started)) * 1000
}

export async function runLoopback(ms = 1000, rounds = 3) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(eventBody)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // The official SDK has no base URL option: its injected fetch points it at the local server.
  const official = new Official({
    apiKey: API_KEY,
    fetch: ((url: string, init: RequestInit) =>
      fetch(url.replace('https://api.fpjs.io', base), init)) as typeof fetch,
  })
  const ours = new FingerprintJsServerApiClient({ apiKey: API_KEY, baseUrl: base })
  const clients: [string, () => Promise<unknown>][] = [
    [
      'raw fetch + json()',
      async () =>
        (
          await fetch(`${base}/events/${REQUEST_ID}`, { headers: { 'Auth-API-Key': API_KEY } })
        ).json(),
    ],
    ['official v6 SDK', () => official.getEvent(REQUEST_ID)],
    ['@fpapi/server-api-v3', () => ours.getEvent(REQUEST_ID)],
  ]
  // Warm every client up first (sockets, JIT), then alternate them over several rounds, so that no
  // client is favoured by running first or last on a noisy machine; report the median round.
  for (const [, call] of clients) await measure(call, 4, 300)
  const results = new Map<string, { seq: number[]; par: number[] }>()
  for (let round = 0; round < rounds; round++) {
    for (const [name, call] of clients) {
      const entry = results.get(name) ?? { seq: [], par: [] }
      entry.seq.push(await measure(call, 1, ms))
      entry.par.push(await measure(call, 32, ms))
      results.set(name, entry)
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const rows = clients.map(([name]) => {
    const r = results.get(name)!
    return [name, fmt(median(r.seq)), fmt(median(r.par))]
  })
  server.closeAllConnections()
  server.close()
  printTable(
    `Loopback HTTP throughput (getEvent, req/s, median of ${rounds} rounds)`,
    ['client', 'sequential', '32 in flight'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runLoopback()
