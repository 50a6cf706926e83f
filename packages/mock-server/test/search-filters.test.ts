import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockEvent, type MockServer } from '@fpapi/mock-server'
import { call } from './helpers'

let server: MockServer
let sample: {
  visitor: string
  highRecall: string
  linked: string
  url: string
  asn: string
  bundle: string
  pkg: string
  env: string
  proximity: string
  sdkVersion: string
  botProvider: string
}

beforeAll(async () => {
  server = await startMockServer({ seed: 8, visitors: 25, events: 400, rateLimit: false })
  const all = server.store.list()
  const find = <T>(get: (e: MockEvent) => T | undefined): T =>
    all.map(get).find((v) => v !== undefined)!
  sample = {
    visitor: find((e) => e.identification?.visitor_id),
    highRecall: find((e) => e.supplementary_id_high_recall?.visitor_id),
    linked: find((e) => e.linked_id),
    url: find((e) => e.url),
    asn: find((e) => e.ip_info?.v4?.asn),
    bundle: find((e) => e.bundle_id),
    pkg: find((e) => e.package_name),
    env: find((e) => e.environment_id),
    proximity: find((e) => e.proximity?.id),
    sdkVersion: find((e) => e.sdk?.version),
    botProvider: find((e) => e.bot_info?.provider),
  }
})
afterAll(() => server.stop())

type Case = [query: () => string, keep: (e: MockEvent) => boolean]

const v4Cases: Record<string, Case> = {
  visitor_id: [
    () => `visitor_id=${sample.visitor}`,
    (e) => e.identification?.visitor_id === sample.visitor,
  ],
  high_recall_id: [
    () => `high_recall_id=${sample.highRecall}`,
    (e) => e.supplementary_id_high_recall?.visitor_id === sample.highRecall,
  ],
  'bot=all': [() => 'bot=all', (e) => e.bot === 'good' || e.bot === 'bad'],
  'bot=none': [() => 'bot=none', (e) => e.bot === 'not_detected'],
  'bot=bad': [() => 'bot=bad', (e) => e.bot === 'bad'],
  'bot_info=all': [() => 'bot_info=all', (e) => e.bot_info !== undefined],
  bot_info_category: [
    () => 'bot_info_category=ai_crawler&bot_info_category=scraping',
    (e) => ['ai_crawler', 'scraping'].includes(e.bot_info?.category ?? ''),
  ],
  bot_info_identity: [
    () => 'bot_info_identity=verified',
    (e) => e.bot_info?.identity === 'verified',
  ],
  bot_info_confidence: [() => 'bot_info_confidence=high', (e) => e.bot_info?.confidence === 'high'],
  bot_info_provider: [
    () => `bot_info_provider=${sample.botProvider}`,
    (e) => e.bot_info?.provider === sample.botProvider,
  ],
  bot_info_name: [() => 'bot_info_name=GPTBot', (e) => e.bot_info?.name === 'GPTBot'],
  asn: [
    () => `asn=${sample.asn}`,
    (e) => e.ip_info?.v4?.asn === sample.asn || e.ip_info?.v6?.asn === sample.asn,
  ],
  linked_id: [() => `linked_id=${sample.linked}`, (e) => e.linked_id === sample.linked],
  url: [() => `url=${encodeURIComponent(sample.url)}`, (e) => e.url === sample.url],
  bundle_id: [() => `bundle_id=${sample.bundle}`, (e) => e.bundle_id === sample.bundle],
  package_name: [() => `package_name=${sample.pkg}`, (e) => e.package_name === sample.pkg],
  origin: [
    () => `origin=${encodeURIComponent(new URL(sample.url).origin)}`,
    (e) => e.url !== undefined && new URL(e.url).origin === new URL(sample.url).origin,
  ],
  suspect: [() => 'suspect=true', (e) => e.suspect === true],
  vpn: [() => 'vpn=true', (e) => e.vpn === true],
  virtual_machine: [() => 'virtual_machine=true', (e) => e.virtual_machine === true],
  tampering: [() => 'tampering=false', (e) => e.tampering === false],
  anti_detect_browser: [
    () => 'anti_detect_browser=true',
    (e) => e.tampering_details?.anti_detect_browser === true,
  ],
  incognito: [() => 'incognito=true', (e) => e.incognito === true],
  privacy_settings: [() => 'privacy_settings=true', (e) => e.privacy_settings === true],
  jailbroken: [() => 'jailbroken=true', (e) => e.jailbroken === true],
  frida: [() => 'frida=true', (e) => e.frida === true],
  factory_reset: [() => 'factory_reset=true', (e) => (e.factory_reset_timestamp ?? 0) > 0],
  cloned_app: [() => 'cloned_app=true', (e) => e.cloned_app === true],
  emulator: [() => 'emulator=true', (e) => e.emulator === true],
  root_apps: [() => 'root_apps=true', (e) => e.root_apps === true],
  vpn_confidence: [() => 'vpn_confidence=medium', (e) => e.vpn_confidence === 'medium'],
  min_suspect_score: [() => 'min_suspect_score=20', (e) => (e.suspect_score ?? -1) >= 20],
  developer_tools: [() => 'developer_tools=true', (e) => e.developer_tools === true],
  location_spoofing: [() => 'location_spoofing=true', (e) => e.location_spoofing === true],
  mitm_attack: [() => 'mitm_attack=true', (e) => e.mitm_attack === true],
  rare_device: [() => 'rare_device=true', (e) => e.rare_device === true],
  rare_device_percentile_bucket: [
    () => 'rare_device_percentile_bucket=%3Cp95',
    (e) => e.rare_device_percentile_bucket === '<p95',
  ],
  proxy: [() => 'proxy=true', (e) => e.proxy === true],
  sdk_version: [
    () => `sdk_version=${sample.sdkVersion}`,
    (e) => e.sdk?.version === sample.sdkVersion,
  ],
  sdk_platform: [() => 'sdk_platform=ios', (e) => e.sdk?.platform === 'ios'],
  environment: [() => `environment=${sample.env}`, (e) => e.environment_id === sample.env],
  proximity_id: [
    () => `proximity_id=${sample.proximity}`,
    (e) => e.proximity?.id === sample.proximity,
  ],
  tor_node: [() => 'tor_node=true', (e) => e.ip_blocklist?.tor_node === true],
  incremental_identification_status: [
    () => 'incremental_identification_status=completed',
    (e) => e.incremental_identification_status === 'completed',
  ],
  simulator: [() => 'simulator=true', (e) => e.simulator === true],
  'source=edge': [() => 'source=edge', () => false],
  'combined filters': [
    () => 'sdk_platform=js&vpn=false&incognito=true',
    (e) => e.sdk?.platform === 'js' && e.vpn === false && e.incognito === true,
  ],
}

async function searchAll(query: string): Promise<string[]> {
  const ids: string[] = []
  let key: string | undefined
  do {
    const res = await call(
      server,
      `/v4/events?limit=100&${query}${key ? `&pagination_key=${key}` : ''}`,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    ids.push(...res.body.events.map((e: MockEvent) => e.event_id))
    key = res.body.pagination_key
  } while (key)
  return ids
}

describe('v4 searchEvents filters match the stored data', () => {
  for (const [name, [query, keep]] of Object.entries(v4Cases)) {
    it(name, async () => {
      const want = server.store
        .list()
        .filter(keep)
        .map((e) => e.event_id)
      if (name !== 'source=edge')
        expect(want.length, `no seeded event matches ${name}`).toBeGreaterThan(0)
      expect(await searchAll(query())).toEqual(want)
    })
  }

  it('total_hits counts all matches up to the requested cap', async () => {
    const res = await call(server, '/v4/events?limit=5&sdk_platform=js&total_hits=1000')
    expect(res.body.total_hits).toBe(
      server.store.list().filter((e) => e.sdk?.platform === 'js').length,
    )
    const capped = await call(server, '/v4/events?limit=5&total_hits=3')
    expect(capped.body.total_hits).toBe(3)
  })

  it('reverse pages oldest first through the same set', async () => {
    const forward = await searchAll('sdk_platform=android')
    expect(await searchAll('sdk_platform=android&reverse=true')).toEqual([...forward].reverse())
  })

  it('an unknown visitor is 404 visitor_not_found', async () => {
    const res = await call(server, '/v4/events?visitor_id=doesNotExist00000000')
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'visitor_not_found' } } })
  })

  it('every answer matched the spec', () => {
    expect(server.contractViolations).toEqual([])
  })
})

describe('v3 search filters that v4 dropped still work on the stored data', () => {
  const v3Cases: Record<string, Case> = {
    ip_blocklist: [
      () => 'ip_blocklist=true',
      (e) =>
        Boolean(
          e.ip_blocklist?.email_spam || e.ip_blocklist?.attack_source || e.ip_blocklist?.tor_node,
        ),
    ],
    datacenter: [
      () => 'datacenter=true',
      (e) => (e.ip_info?.v4?.datacenter_result ?? e.ip_info?.v6?.datacenter_result) === true,
    ],
    proximity_precision_radius: [
      () => 'proximity_precision_radius=10',
      (e) => e.proximity?.precision_radius === 10,
    ],
  }
  for (const [name, [query, keep]] of Object.entries(v3Cases)) {
    it(name, async () => {
      const res = await call(server, `/events/search?limit=1000&${query()}`)
      expect(res.status).toBe(200)
      const want = server.store
        .list()
        .filter(keep)
        .map((e) => e.event_id)
      expect(want.length).toBeGreaterThan(0)
      expect(
        (res.body.events ?? []).map((e: any) => e.products.identification.data.requestId),
      ).toEqual(want)
    })
  }
})
