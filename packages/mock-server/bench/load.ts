/**
 * Load check of the built mock server (run `pnpm --filter @fpapi/mock-server build` first; the
 * `bench` task does). Loopback only, bounded: BENCH_SECONDS (default 5) per scenario.
 *
 *   pnpm --filter @fpapi/mock-server bench
 *
 * Scenarios: v4 getEvent over many event IDs, v4 searchEvents with a filter, then a lost-update
 * check: concurrent v4 PATCHes and v3 PUTs on one event, each adding its own tag, read back.
 */
import autocannon, { type RequestSpec } from 'autocannon'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const UPDATES = Number(process.env.BENCH_UPDATES ?? 400)

interface Started {
  url: string
  apiKey: string
  startupMs: number
  startupCpuMs: number
}

async function main(): Promise<void> {
  const child = fork(fileURLToPath(new URL('./serve.mjs', import.meta.url)), { stdio: 'inherit' })
  const { url, apiKey, startupMs, startupCpuMs } = await new Promise<Started>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Started))
    child.once('exit', (code) => reject(new Error(`mock server process exited with ${code}`)))
  })
  if (!url.startsWith('http://127.0.0.1:'))
    throw new Error(`refusing to load anything but loopback: ${url}`)
  const auth = { authorization: `Bearer ${apiKey}` }
  let failed = false

  try {
    const page = (await (await fetch(`${url}/v4/events?limit=100`, { headers: auth })).json()) as {
      events: Array<{ event_id: string }>
    }
    const ids = page.events.map((e) => e.event_id)
    let next = 0

    const scenarios: Array<{ name: string; requests: RequestSpec[] }> = [
      {
        name: 'v4 getEvent (GET /v4/events/{id}, 100 ids)',
        requests: [
          {
            method: 'GET',
            headers: auth,
            setupRequest: (req) => ({ ...req, path: `/v4/events/${ids[next++ % ids.length]}` }),
          },
        ],
      },
      {
        name: 'v4 searchEvents (GET /v4/events?limit=10&sdk_platform=js)',
        requests: [{ method: 'GET', path: '/v4/events?limit=10&sdk_platform=js', headers: auth }],
      },
      {
        name: 'v3 getEvent (GET /events/{id}, rendered from v4)',
        requests: [
          {
            method: 'GET',
            headers: { 'auth-api-key': apiKey },
            setupRequest: (req) => ({ ...req, path: `/events/${ids[next++ % ids.length]}` }),
          },
        ],
      },
    ]
    console.log(
      `node ${process.version}, ${SECONDS} s per scenario after 1 s warm-up, ${CONNECTIONS} connections, strict mode on, 1000 seeded events\n`,
    )
    console.log(
      `startup of the server process (node boot, import, validator compilation, 1000 seeded events): ${startupMs} ms wall, ${startupCpuMs} ms CPU\n`,
    )
    console.log(
      '| scenario | req/s (mean) | latency p50 / p99 (ms) | requests | errors | non-2xx |',
    )
    console.log('|---|---|---|---|---|---|')
    for (const s of scenarios) {
      // One unreported second first, so JIT warm-up does not count against the server.
      await autocannon({ url, connections: CONNECTIONS, duration: 1, requests: s.requests })
      const r = await autocannon({
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: s.requests,
      })
      const bad = r.errors + r.timeouts + r.non2xx
      if (bad > 0) failed = true
      console.log(
        `| ${s.name} | ${Math.round(r.requests.average)} | ${r.latency.p50} / ${r.latency.p99} | ${r.requests.total} | ${r.errors + r.timeouts} | ${r.non2xx} |`,
      )
    }

    // Lost-update check: every concurrent update adds its own tag; all of them must survive.
    const target = ids[ids.length - 1] as string
    const started = performance.now()
    const statuses = await Promise.all(
      Array.from({ length: UPDATES }, (_, i) =>
        i % 2 === 0
          ? fetch(`${url}/v4/events/${target}`, {
              method: 'PATCH',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ tags: { [`bench_${i}`]: i } }),
            }).then((r) => r.status)
          : fetch(`${url}/events/${target}`, {
              method: 'PUT',
              headers: { 'auth-api-key': apiKey, 'content-type': 'application/json' },
              body: JSON.stringify({ tag: { [`bench_${i}`]: i } }),
            }).then((r) => r.status),
      ),
    )
    const elapsed = performance.now() - started
    const event = (await (await fetch(`${url}/v4/events/${target}`, { headers: auth })).json()) as {
      tags?: Record<string, number>
    }
    const kept = Array.from({ length: UPDATES }, (_, i) => event.tags?.[`bench_${i}`] === i).filter(
      Boolean,
    ).length
    const ok = statuses.filter((s) => s === 200).length
    if (ok !== UPDATES || kept !== UPDATES) failed = true
    console.log(
      `\nconcurrent updates: ${UPDATES} in flight at once (v4 PATCH + v3 PUT on one event), ${ok} answered 200 in ${Math.round(elapsed)} ms, ${kept}/${UPDATES} tags present afterwards`,
    )
  } finally {
    child.send('stop')
  }
  if (failed) {
    console.error('\nFAILED: errors, non-2xx answers or lost updates')
    process.exitCode = 1
  }
}

await main()
