/**
 * The tour: every feature of the fpapi clients, end to end, against the embedded mock server.
 *
 *   pnpm start
 *
 * Point the read-only part at the real API instead with a secret key and its region:
 *
 *   FINGERPRINT_API_KEY=... FINGERPRINT_REGION=eu pnpm start
 *
 * With a real key the tour only reads (search, get, pages); it never updates or deletes real data.
 */
import { startMockServer, type MockServer } from '@fpapi/mock-server'
import {
  AuthenticationMode,
  FingerprintJsServerApiClient,
  Region as RegionV3,
} from '@fpapi/server-api-v3'
import {
  DecryptionAlgorithm,
  FingerprintServerApiClient,
  Region,
  RequestError,
  isValidWebhookSignature,
  unsealEventsResponse,
  type Event,
} from '@fpapi/server-api-v4'
import { createV3CompatClient } from '@fpapi/server-api-v4/migrate'
import { line, note, section } from './lib/print.ts'
import { sealForDemo, signWebhookForDemo } from './lib/seal.ts'

const REGIONS: Record<string, Region> = {
  global: Region.Global,
  us: Region.Global,
  eu: Region.EU,
  ap: Region.AP,
}

function describe(event: Event): string {
  const browser = event.browser_details
  const where =
    event.ip_info?.v4?.geolocation?.city_name ?? event.ip_info?.v6?.geolocation?.city_name
  return [
    `visitor ${event.identification?.visitor_id ?? '?'}`,
    browser
      ? `${browser.browser_name} ${browser.browser_major_version} on ${browser.os}`
      : event.sdk?.platform,
    event.ip_address,
    where,
    `bot=${event.bot ?? 'n/a'}`,
    `vpn=${event.vpn ?? 'n/a'}`,
  ]
    .filter(Boolean)
    .join(' | ')
}

async function main(): Promise<void> {
  const realKey = process.env.FINGERPRINT_API_KEY
  const started = Date.now()
  let server: MockServer | undefined
  let client: FingerprintServerApiClient

  section('Server')
  if (realKey) {
    const region = REGIONS[(process.env.FINGERPRINT_REGION ?? 'global').toLowerCase()]
    if (!region) throw new TypeError('FINGERPRINT_REGION must be one of global, eu, ap')
    client = new FingerprintServerApiClient({ apiKey: realKey, region })
    line('using', `the real Server API v4 (${region}); read-only tour`)
  } else {
    server = await startMockServer({ seed: 7, visitors: 12, events: 120, stateNotReadyMs: 700 })
    client = new FingerprintServerApiClient({
      apiKey: server.apiKey,
      baseUrl: server.v4BaseUrl,
      retries: { max: 6, baseDelayMs: 150, maxDelayMs: 1000 },
      onRetry: (retry) =>
        note(
          `   retry ${retry.retry} in ${retry.delayMs} ms after ${retry.status ?? (retry.error as Error | undefined)?.name}`,
        ),
    })
    line('mock server', server.url)
    line('v4 base URL', server.v4BaseUrl)
    line('seeded events', server.store.list({ limit: 100_000 }).length)
  }

  try {
    section('Search the latest events (v4 searchEvents)')
    const page = await client.searchEvents({ limit: 5 })
    for (const event of page.events ?? []) line(event.event_id, describe(event))
    const first = page.events?.[0]
    if (!first) throw new Error('the search returned no event')

    section('Search with filters')
    const bots = await client.searchEvents({ limit: 3, bot: 'bad' })
    line('bot=bad', `${bots.events?.length ?? 0} event(s)`)
    const visitorId = first.identification?.visitor_id ?? ''
    const ofVisitor = await client.searchEvents({ visitor_id: visitorId, limit: 50 })
    line(`visitor_id=${visitorId}`, `${ofVisitor.events?.length ?? 0} event(s)`)

    section('Get one event (v4 getEvent)')
    const event = await client.getEvent(first.event_id)
    line('event_id', event.event_id)
    line('time', new Date(event.timestamp).toISOString())
    line('summary', describe(event))

    section('Iterate pages lazily (iterateEvents)')
    let pages = 0
    let seen = 0
    for await (const p of client.iterateEventPages({}, { pageSize: 25, maxItems: 80 })) {
      pages++
      seen += p.events?.length ?? 0
    }
    line('pages of 25, capped at 80', `${pages} page(s), ${seen} event(s)`)
    let firstVpn: Event | undefined
    for await (const e of client.iterateEvents({ vpn: true }, { pageSize: 10 })) {
      firstVpn = e
      break // stops fetching as soon as we have what we need
    }
    line('first VPN event', firstVpn ? describe(firstVpn) : 'none')

    section('Typed errors')
    try {
      await client.getEvent('1700000000000.doesNotExist')
    } catch (error) {
      if (!(error instanceof RequestError)) throw error
      line('unknown event id', `${error.statusCode} ${String(error.errorCode)}: ${error.message}`)
    }
    try {
      await client.getEvent('   ')
    } catch (error) {
      line('blank event id', `${(error as Error).name}: ${(error as Error).message}`)
    }

    if (server) await writeTour(client, server, first)
    else note('real API: the update, retry, delete and v3 steps are skipped')

    section('Sealed results (unsealEventsResponse)')
    const key = crypto.getRandomValues(new Uint8Array(32))
    const sealed = sealForDemo(event, key)
    const unsealed = await unsealEventsResponse(sealed, [
      { key: crypto.getRandomValues(new Uint8Array(32)), algorithm: DecryptionAlgorithm.Aes256Gcm },
      { key, algorithm: DecryptionAlgorithm.Aes256Gcm },
    ])
    line('sealed payload', `${sealed.length} base64 chars`)
    line(
      'unsealed with 2nd key',
      unsealed.event_id === event.event_id ? 'same event back' : 'MISMATCH',
    )

    section('Webhook signatures (isValidWebhookSignature, synchronous)')
    const secret = 'whsec-demo-only'
    const body = JSON.stringify({ event_id: event.event_id })
    const header = signWebhookForDemo(body, secret)
    line('genuine signature', isValidWebhookSignature({ header, data: body, secret }))
    line('tampered body', isValidWebhookSignature({ header, data: `${body} `, secret }))
    line('malformed header', isValidWebhookSignature({ header: 'v1=xyz', data: body, secret }))
  } finally {
    await server?.stop()
  }
  section('Done')
  line('elapsed', `${Date.now() - started} ms`)
}

/** The steps that change data: only against the mock server. */
async function writeTour(
  client: FingerprintServerApiClient,
  server: MockServer,
  first: Event,
): Promise<void> {
  section('Update an event and read it back (v4 updateEvent, PATCH)')
  await client.updateEvent(first.event_id, {
    linked_id: 'order-1042',
    tags: { tour: true, step: 'update' },
    suspect: true,
  })
  const updated = await client.getEvent(first.event_id)
  line('linked_id', updated.linked_id)
  line('tags', updated.tags)
  line('suspect', updated.suspect)

  section('A fresh event answers 409 until it is ready; updateEvent retries it')
  const fresh = server.store.create({})
  const t0 = Date.now()
  await client.updateEvent(fresh.event_id, { tags: { fresh: true } })
  line('updated after', `${Date.now() - t0} ms`)

  section('The same store through Server API v3')
  const v3 = new FingerprintJsServerApiClient({
    apiKey: server.apiKey,
    region: RegionV3.Global,
    authenticationMode: AuthenticationMode.AuthHeader,
    baseUrl: server.v3BaseUrl,
  })
  const v3Event = await v3.getEvent(first.event_id)
  const ident = v3Event.products.identification?.data
  line('v3 requestId', ident?.requestId)
  line('v3 linkedId (set via v4)', ident?.linkedId)
  const visitorId = first.identification?.visitor_id ?? ''
  let visits = 0
  for await (const _visit of v3.iterateVisits(visitorId, { limit: 5 })) visits++
  line('v3 history, 5 per page', `${visits} visit(s) for ${visitorId}`)

  section('Migration shim: v3 calls on the v4 API (createV3CompatClient)')
  const compat = createV3CompatClient(client)
  const viaShim = await compat.getEvent(first.event_id)
  line('requestId', viaShim.products.identification?.data?.requestId)
  line('visitorId', viaShim.products.identification?.data?.visitorId)
  line('tag (from v4 tags)', viaShim.products.identification?.data?.tag)

  section('Delete a visitor (v4 deleteVisitorData)')
  await client.deleteVisitorData(visitorId)
  try {
    const after = await client.searchEvents({ visitor_id: visitorId })
    line('events left for visitor', after.events?.length ?? 0)
  } catch (error) {
    if (!(error instanceof RequestError) || error.statusCode !== 404) throw error
    line('search by visitor_id', `${error.statusCode} ${String(error.errorCode)}: no events left`)
  }
  try {
    await v3.getEvent(first.event_id)
  } catch (error) {
    line(
      'v3 getEvent afterwards',
      `${(error as RequestError).statusCode} ${String((error as RequestError).errorCode)}`,
    )
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('tour failed:', error)
    process.exit(1)
  },
)
