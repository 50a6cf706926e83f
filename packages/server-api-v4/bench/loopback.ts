/// <reference types="node" />
/**
 * End-to-end requests per second over loopback HTTP (a node:http server on 127.0.0.1 in this
 * process): sequential, and with 32 requests in flight. Raw fetch, the official SDK and ours hit the
 * same server; the official SDK is pointed at it by an injected fetch that rewrites the origin.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FingerprintServerApiClient as Official } from '@fingerprint/node-sdk'
import { distEntry, eventJson, fmt, median, printTable } from './shared'

const { FingerprintServerApiClient: Ours } = (await import(
  distEntry
)) as typeof import('../src/index')

export async function runLoopback(
  rounds = 9,
  sequential = 300,
  parallelTotal = 800,
  inFlight = 32,
) {
  const server = createServer((_, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(eventJson),
    })
    res.end(eventJson)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const toLocal: typeof fetch = (url, init) =>
    fetch(String(url).replace('https://api.fpjs.io', origin), init)
  const official = new Official({ apiKey: 'bench-key', fetch: toLocal })
  const ours = new Ours({ apiKey: 'bench-key', baseUrl: `${origin}/v4` })
  const oursNoTimeout = new Ours({ apiKey: 'bench-key', baseUrl: `${origin}/v4`, timeoutMs: 0 })
  const calls: [string, () => Promise<unknown>][] = [
    [
      'raw fetch + json()',
      async () =>
        (
          await fetch(`${origin}/v4/events/ev1`, { headers: { Authorization: 'Bearer bench-key' } })
        ).json(),
    ],
    ['@fingerprint/node-sdk 7.7.1', () => official.getEvent('ev1')],
    ['@fpapi/server-api-v4 (defaults: 30 s timeout)', () => ours.getEvent('ev1')],
    ['@fpapi/server-api-v4 (timeoutMs: 0)', () => oursNoTimeout.getEvent('ev1')],
  ]
  const seq = new Map<string, number[]>()
  const par = new Map<string, number[]>()
  try {
    for (const [, call] of calls) for (let i = 0; i < 200; i++) await call() // warm up sockets and JIT
    // Rounds interleave the clients, so a noisy neighbour on the machine hits all of them alike.
    for (let round = 0; round < rounds; round++) {
      // The starting client rotates each round, so no client always runs first.
      for (let k = 0; k < calls.length; k++) {
        const [name, call] = calls[(round + k) % calls.length] as (typeof calls)[number]
        let t = performance.now()
        for (let i = 0; i < sequential; i++) await call()
        seq.set(name, [...(seq.get(name) ?? []), sequential / ((performance.now() - t) / 1000)])
        t = performance.now()
        let next = 0
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (next++ < parallelTotal) await call()
          }),
        )
        par.set(name, [...(par.get(name) ?? []), parallelTotal / ((performance.now() - t) / 1000)])
      }
    }
  } finally {
    server.closeAllConnections()
    server.close()
  }
  // Each round measures every client back to back, so the ratio to the official SDK within a round
  // cancels most of the machine's drift; its median is steadier than a ratio of medians.
  const officialName = calls[1]?.[0] ?? ''
  const ratio = (runs: Map<string, number[]>, name: string) =>
    median((runs.get(name) ?? []).map((v, i) => v / (runs.get(officialName)?.[i] ?? v))).toFixed(2)
  const rows = calls.map(([name]) => [
    name,
    fmt(median(seq.get(name) ?? [])),
    fmt(median(par.get(name) ?? [])),
    `${ratio(seq, name)}x / ${ratio(par, name)}x`,
  ])
  printTable(
    `Loopback HTTP, requests per second (median of ${rounds} interleaved rounds)`,
    [
      'client',
      'sequential',
      `${inFlight} in flight`,
      'vs official SDK (median of per-round ratios)',
    ],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runLoopback()
