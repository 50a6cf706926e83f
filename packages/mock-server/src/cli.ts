import { parseArgs } from 'node:util'
import { startMockServer, type MockServerOptions } from './start-mock-server'
import type { MockRegion } from './types'

const HELP = `Usage: fpapi-mock [options]

Runs a stateful fake of the Fingerprint Server API (v4 under /v4, v3 at the root).

Options:
  --port <n>               TCP port (default 8787; 0 picks a free one)
  --host <addr>            interface to listen on (default 127.0.0.1)
  --seed <n>               seed of the generated events (default 1)
  --events <n>             number of seeded events (default 200)
  --visitors <n>           number of seeded visitors (default 20)
  --region <us|eu|ap>      region this server plays (default us)
  --rate <n>               requests per second per key; 0 turns rate limiting off (default 100)
  --state-not-ready-ms <n> events younger than this answer 409 to updates (default 2000)
  --no-strict              do not validate responses against the spec
  -h, --help               show this help
`

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) {
    process.stderr.write(`fpapi-mock: --${name} must be a non-negative integer, got "${value}"\n`)
    process.exit(2)
  }
  return Number(value)
}

async function main(): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        events: { type: 'string' },
        visitors: { type: 'string' },
        region: { type: 'string' },
        rate: { type: 'string' },
        'state-not-ready-ms': { type: 'string' },
        'no-strict': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    })
  } catch (err) {
    process.stderr.write(`fpapi-mock: ${(err as Error).message}\n\n${HELP}`)
    process.exit(2)
  }
  const v = parsed.values
  if (v.help) {
    process.stdout.write(HELP)
    return
  }
  const rate = integer('rate', v.rate)
  const options: MockServerOptions = {
    port: integer('port', v.port) ?? 8787,
    ...(v.host !== undefined ? { host: v.host } : {}),
    ...(v.seed !== undefined ? { seed: integer('seed', v.seed) } : {}),
    ...(v.events !== undefined ? { events: integer('events', v.events) } : {}),
    ...(v.visitors !== undefined ? { visitors: integer('visitors', v.visitors) } : {}),
    ...(v.region !== undefined ? { region: v.region as MockRegion } : {}),
    ...(rate !== undefined
      ? { rateLimit: rate === 0 ? false : { perSecond: rate, burst: rate * 2 } }
      : {}),
    ...(v['state-not-ready-ms'] !== undefined
      ? { stateNotReadyMs: integer('state-not-ready-ms', v['state-not-ready-ms']) }
      : {}),
    ...(v['no-strict'] ? { strict: false } : {}),
  }
  let server
  try {
    server = await startMockServer(options)
  } catch (err) {
    process.stderr.write(`fpapi-mock: ${(err as Error).message}\n`)
    process.exit(1)
  }
  const lines = [
    `fpapi-mock listening (region ${server.region}, ${server.store.size} events, ${server.store.visitorIds().length} visitors)`,
    `  v4 base URL: ${server.v4BaseUrl}`,
    `  v3 base URL: ${server.v3BaseUrl}`,
    `  API keys (mock values): ${Object.entries(server.apiKeys)
      .map(([region, key]) => `${region}=${key}`)
      .join('  ')}`,
    `  try: curl -H "Authorization: Bearer ${server.apiKey}" "${server.v4BaseUrl}/events?limit=1"`,
    'Press Ctrl+C to stop.',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  const shutdown = (signal: string): void => {
    process.stdout.write(`\nfpapi-mock: ${signal} received, stopping\n`)
    void server.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

void main()
