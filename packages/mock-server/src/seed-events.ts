import { createPrng, type Prng } from './prng'
import type { ConfidenceLevel, MockEvent, MockGeolocation, SdkPlatform } from './types'

/** Options of {@link generateEvents}. */
export interface GenerateEventsOptions {
  /** PRNG seed; the same seed (and `now`) always produces the same events. Default `1`. */
  seed?: number
  /** Number of distinct visitors. Default `20`. */
  visitors?: number
  /** Number of events, spread over the visitors. Default `200`. */
  events?: number
  /** End of the generated history in Unix ms. Default `Date.now()`. */
  now?: number
  /**
   * How far back the history reaches, in ms. Default 6 days, so that every seeded event falls
   * into the default 7-day search window of both API versions.
   */
  spanMs?: number
  /** The newest event is at least this old (ms), so it can be updated at once. Default 10 minutes. */
  minAgeMs?: number
}

interface City {
  geo: MockGeolocation
  ipv4Prefix: string
  ipv6Prefix: string
  asn: string
  asnName: string
  asnNetworkV4: string
  asnNetworkV6: string
}

// Places and networks are illustrative; the addresses come from documentation-friendly ranges
// only where that keeps the data realistic enough for CIDR filters.
const CITIES: readonly City[] = [
  {
    geo: {
      accuracy_radius: 20,
      latitude: 52.5208,
      longitude: 13.4094,
      postal_code: '10117',
      timezone: 'Europe/Berlin',
      city_name: 'Berlin',
      country_code: 'DE',
      country_name: 'Germany',
      continent_code: 'EU',
      continent_name: 'Europe',
      subdivisions: [{ iso_code: 'BE', name: 'Land Berlin' }],
    },
    ipv4Prefix: '85.214.',
    ipv6Prefix: '2a01:238:',
    asn: '6724',
    asnName: 'Strato AG',
    asnNetworkV4: '85.214.0.0/15',
    asnNetworkV6: '2a01:238::/32',
  },
  {
    geo: {
      accuracy_radius: 10,
      latitude: 40.7128,
      longitude: -74.006,
      postal_code: '10001',
      timezone: 'America/New_York',
      city_name: 'New York',
      country_code: 'US',
      country_name: 'United States',
      continent_code: 'NA',
      continent_name: 'North America',
      subdivisions: [{ iso_code: 'NY', name: 'New York' }],
    },
    ipv4Prefix: '71.190.',
    ipv6Prefix: '2600:4040:',
    asn: '701',
    asnName: 'Verizon Business',
    asnNetworkV4: '71.160.0.0/11',
    asnNetworkV6: '2600:4040::/32',
  },
  {
    geo: {
      accuracy_radius: 50,
      latitude: 19.076,
      longitude: 72.8777,
      postal_code: '400001',
      timezone: 'Asia/Kolkata',
      city_name: 'Mumbai',
      country_code: 'IN',
      country_name: 'India',
      continent_code: 'AS',
      continent_name: 'Asia',
      subdivisions: [{ iso_code: 'MH', name: 'Maharashtra' }],
    },
    ipv4Prefix: '49.36.',
    ipv6Prefix: '2405:201:',
    asn: '55836',
    asnName: 'Reliance Jio Infocomm',
    asnNetworkV4: '49.32.0.0/12',
    asnNetworkV6: '2405:200::/29',
  },
  {
    geo: {
      accuracy_radius: 5,
      latitude: -33.8688,
      longitude: 151.2093,
      postal_code: '2000',
      timezone: 'Australia/Sydney',
      city_name: 'Sydney',
      country_code: 'AU',
      country_name: 'Australia',
      continent_code: 'OC',
      continent_name: 'Oceania',
      subdivisions: [{ iso_code: 'NSW', name: 'New South Wales' }],
    },
    ipv4Prefix: '101.160.',
    ipv6Prefix: '2001:8003:',
    asn: '1221',
    asnName: 'Telstra Limited',
    asnNetworkV4: '101.160.0.0/11',
    asnNetworkV6: '2001:8000::/20',
  },
  {
    geo: {
      accuracy_radius: 100,
      latitude: -23.5505,
      longitude: -46.6333,
      postal_code: '01000',
      timezone: 'America/Sao_Paulo',
      city_name: 'Sao Paulo',
      country_code: 'BR',
      country_name: 'Brazil',
      continent_code: 'SA',
      continent_name: 'South America',
      subdivisions: [{ iso_code: 'SP', name: 'Sao Paulo' }],
    },
    ipv4Prefix: '177.33.',
    ipv6Prefix: '2804:14c:',
    asn: '28573',
    asnName: 'Claro NXT Telecomunicacoes',
    asnNetworkV4: '177.32.0.0/12',
    asnNetworkV6: '2804:14c::/31',
  },
]

interface WebProfile {
  browser: string
  major: string
  full: string
  os: string
  osVersion: string
  device: string
  userAgent: string
}

const WEB_PROFILES: readonly WebProfile[] = [
  {
    browser: 'Chrome',
    major: '131',
    full: '131.0.6778.86',
    os: 'Windows',
    osVersion: '10',
    device: 'Other',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  },
  {
    browser: 'Firefox',
    major: '133',
    full: '133.0',
    os: 'Linux',
    osVersion: '',
    device: 'Other',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  },
  {
    browser: 'Safari',
    major: '18',
    full: '18.1.1',
    os: 'Mac OS X',
    osVersion: '10.15.7',
    device: 'Other',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1.1 Safari/605.1.15',
  },
  {
    browser: 'Edge',
    major: '131',
    full: '131.0.2903.70',
    os: 'Windows',
    osVersion: '11',
    device: 'Other',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  },
  {
    browser: 'Chrome Mobile',
    major: '130',
    full: '130.0.6723.107',
    os: 'Android',
    osVersion: '14',
    device: 'Pixel 8',
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  },
]

interface MobileProfile {
  os: string
  osVersion: string
  device: string
  manufacturer: string
  userAgent: string
}

const ANDROID_PROFILES: readonly MobileProfile[] = [
  {
    os: 'Android',
    osVersion: '14',
    device: 'SM-S918B',
    manufacturer: 'samsung',
    userAgent: 'Dalvik/2.1.0 (Linux; U; Android 14; SM-S918B Build/UP1A.231005.007)',
  },
  {
    os: 'Android',
    osVersion: '13',
    device: 'Pixel 7',
    manufacturer: 'Google',
    userAgent: 'Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230901.001)',
  },
]

const IOS_PROFILES: readonly MobileProfile[] = [
  {
    os: 'iOS',
    osVersion: '18.1',
    device: 'iPhone15,2',
    manufacturer: 'Apple',
    userAgent: 'ShopDemo/4.2.0 (iPhone; iOS 18.1; Scale/3.00)',
  },
  {
    os: 'iOS',
    osVersion: '17.6',
    device: 'iPad13,1',
    manufacturer: 'Apple',
    userAgent: 'ShopDemo/4.1.3 (iPad; iOS 17.6; Scale/2.00)',
  },
]

const BOTS = [
  {
    category: 'search_engine_crawler',
    provider: 'Google',
    provider_url: 'https://google.com',
    name: 'Googlebot',
    identity: 'verified',
    bot: 'good',
    type: 'googleBot',
  },
  {
    category: 'ai_crawler',
    provider: 'OpenAI',
    provider_url: 'https://openai.com',
    name: 'GPTBot',
    identity: 'signed',
    bot: 'good',
    type: 'gptBot',
  },
  {
    category: 'browser_automation',
    provider: 'Unknown',
    name: 'Headless Chrome',
    identity: 'spoofed',
    bot: 'bad',
    type: 'headlessChrome',
  },
  {
    category: 'scraping',
    provider: 'Unknown',
    name: 'Puppeteer',
    identity: 'unknown',
    bot: 'bad',
    type: 'puppeteer',
  },
] as const

const PAGES = ['/', '/login', '/checkout', '/signup', '/account/settings', '/search?q=shoes']
const ORIGINS = ['https://shop.example.com', 'https://www.example.org']
const ENVIRONMENTS = ['ae_production', 'ae_staging']
const CONFIDENCE: readonly ConfidenceLevel[] = ['low', 'medium', 'high']
const PERCENTILES = ['<p95', 'p95-p99', 'p99-p99.5', 'p99.5-p99.9', 'p99.9+', 'not_seen'] as const

interface Visitor {
  visitorId: string
  highRecallId: string
  platform: SdkPlatform
  web?: WebProfile
  mobile?: MobileProfile
  city: City
  ip: string
  ipv6: boolean
  environment: string
  origin: string
  proximityId: string
  fontHash: string
}

function visitorIdOf(prng: Prng): string {
  return prng.chars(20)
}

function makeVisitors(prng: Prng, count: number): Visitor[] {
  const visitors: Visitor[] = []
  for (let i = 0; i < count; i++) {
    // Every third visitor shares the high-recall ID of the one before: two browsers on one device.
    const sharesDevice = i % 3 === 2 && visitors.length > 0
    const previous = visitors[visitors.length - 1]
    const platform: SdkPlatform = sharesDevice
      ? 'js'
      : i % 5 === 1
        ? 'android'
        : i % 5 === 3
          ? 'ios'
          : 'js'
    const city = sharesDevice && previous ? previous.city : prng.pick(CITIES)
    const ipv6 = prng.chance(0.2)
    const ip =
      sharesDevice && previous
        ? previous.ip
        : ipv6
          ? `${city.ipv6Prefix}${prng.int(1, 0xfff).toString(16)}:${prng.int(1, 0xffff).toString(16)}::${prng.int(1, 0xff).toString(16)}`
          : `${city.ipv4Prefix}${prng.int(0, 255)}.${prng.int(1, 254)}`
    visitors.push({
      visitorId: visitorIdOf(prng),
      highRecallId: sharesDevice && previous ? previous.highRecallId : visitorIdOf(prng),
      platform,
      ...(platform === 'js' ? { web: prng.pick(WEB_PROFILES) } : {}),
      ...(platform === 'android' ? { mobile: prng.pick(ANDROID_PROFILES) } : {}),
      ...(platform === 'ios' ? { mobile: prng.pick(IOS_PROFILES) } : {}),
      city,
      ip,
      ipv6: sharesDevice && previous ? previous.ipv6 : ipv6,
      environment: prng.pick(ENVIRONMENTS),
      origin: prng.pick(ORIGINS),
      proximityId: `w1aTfd4MCvl${prng.chars(6)}`,
      fontHash: prng.chars(32, '0123456789abcdef'),
    })
  }
  return visitors
}

function velocityData(
  prng: Prng,
  scale: number,
): { '5_minutes': number; '1_hour': number; '24_hours': number } {
  const five = prng.int(1, 2 * scale)
  const hour = five + prng.int(0, 3 * scale)
  return { '5_minutes': five, '1_hour': hour, '24_hours': hour + prng.int(0, 10 * scale) }
}

function ipInfo(v: Visitor, prng: Prng): NonNullable<MockEvent['ip_info']> {
  const datacenter = prng.chance(0.1)
  const block = {
    address: v.ip,
    geolocation: v.city.geo,
    asn: v.city.asn,
    asn_name: v.city.asnName,
    asn_network: v.ipv6 ? v.city.asnNetworkV6 : v.city.asnNetworkV4,
    asn_type: datacenter ? 'hosting' : 'isp',
    datacenter_result: datacenter,
    ...(datacenter ? { datacenter_name: 'DataCamp Limited' } : {}),
  }
  return v.ipv6 ? { v6: block } : { v4: block }
}

function commonSignals(v: Visitor, prng: Prng, event: MockEvent): void {
  const vpn = prng.chance(0.15)
  const proxy = prng.chance(0.12)
  event.ip_address = v.ip
  event.ip_info = ipInfo(v, prng)
  event.ip_blocklist = {
    email_spam: prng.chance(0.05),
    attack_source: prng.chance(0.05),
    tor_node: prng.chance(0.04),
  }
  event.vpn = vpn
  event.vpn_confidence = vpn ? prng.pick(CONFIDENCE) : 'high'
  event.vpn_ml_score = prng.float(vpn ? 0.6 : 0, vpn ? 1 : 0.3)
  event.vpn_origin_timezone = vpn ? 'Europe/Amsterdam' : (v.city.geo.timezone ?? 'UTC')
  event.vpn_methods = {
    timezone_mismatch: vpn && prng.chance(0.6),
    public_vpn: vpn && prng.chance(0.5),
    auxiliary_mobile: false,
    os_mismatch: false,
    relay: prng.chance(0.03),
    ml_prediction: vpn,
  }
  event.proxy = proxy
  event.proxy_confidence = proxy ? prng.pick(CONFIDENCE) : 'high'
  event.proxy_ml_score = prng.float(proxy ? 0.6 : 0, proxy ? 1 : 0.3)
  if (proxy) {
    event.proxy_details = {
      proxy_type: prng.pick(['residential', 'data_center', 'unknown'] as const),
      last_seen_at: Math.floor(event.timestamp / 3_600_000) * 3_600_000,
      ...(prng.chance(0.5) ? { provider: 'Massive Proxies Ltd' } : {}),
    }
  }
  event.tampering = prng.chance(0.08)
  event.tampering_confidence = event.tampering ? prng.pick(CONFIDENCE) : 'high'
  event.tampering_ml_score = prng.float(event.tampering ? 0.7 : 0, event.tampering ? 1 : 0.2)
  event.tampering_details = { anomaly_score: prng.float(0, event.tampering ? 1 : 0.3) }
  event.velocity = {
    distinct_ip: velocityData(prng, 1),
    distinct_linked_id: velocityData(prng, 1),
    distinct_country: velocityData(prng, 1),
    events: velocityData(prng, 4),
    ip_events: velocityData(prng, 6),
    distinct_ip_by_linked_id: velocityData(prng, 1),
    distinct_visitor_id_by_linked_id: velocityData(prng, 1),
  }
  event.high_activity_device = prng.chance(0.1)
  event.rare_device = prng.chance(0.1)
  event.rare_device_percentile_bucket = event.rare_device ? prng.pick(PERCENTILES.slice(1)) : '<p95'
  event.virtual_machine = prng.chance(0.06)
  event.virtual_machine_ml_score = prng.float(
    event.virtual_machine ? 0.7 : 0,
    event.virtual_machine ? 1 : 0.2,
  )
}

function webEvent(v: Visitor, prng: Prng, event: MockEvent): void {
  const web = v.web as WebProfile
  const botRoll = prng.next()
  const bot = botRoll < 0.08 ? prng.pick(BOTS) : undefined
  event.sdk = { platform: 'js', version: prng.pick(['3.11.14', '3.12.1', '4.0.2']) }
  if (prng.chance(0.3)) {
    event.sdk.integrations = [
      {
        name: 'fingerprint-pro-react',
        version: '2.7.1',
        subintegration: { name: 'preact', version: '10.24.3' },
      },
    ]
  }
  event.url = `${v.origin}${prng.pick(PAGES)}`
  if (prng.chance(0.6))
    event.client_referrer = prng.pick(['https://www.google.com/', `${v.origin}/`])
  event.user_agent = web.userAgent
  event.browser_details = {
    browser_name: web.browser,
    browser_major_version: web.major,
    browser_full_version: web.full,
    os: web.os,
    os_version: web.osVersion,
    device: web.device,
  }
  event.os = web.os
  event.os_version = web.osVersion
  event.device = web.device
  event.bot = bot ? bot.bot : 'not_detected'
  if (bot) {
    event.bot_type = bot.type
    event.bot_info = {
      category: bot.category,
      provider: bot.provider,
      ...('provider_url' in bot ? { provider_url: bot.provider_url } : {}),
      name: bot.name,
      identity: bot.identity,
      confidence: prng.pick(CONFIDENCE),
    }
  }
  event.incognito = prng.chance(0.15)
  event.developer_tools = prng.chance(0.07)
  event.privacy_settings = prng.chance(0.1)
  event.tampering_details = {
    ...event.tampering_details,
    anti_detect_browser: prng.chance(0.05),
  }
  event.vpn_methods = { ...event.vpn_methods, os_mismatch: event.vpn === true && prng.chance(0.3) }
  event.raw_device_attributes = {
    architecture: 127,
    audio: prng.float(124, 125, 9),
    canvas: {
      winding: true,
      geometry: prng.chars(32, '0123456789abcdef'),
      text: prng.chars(32, '0123456789abcdef'),
    },
    color_depth: prng.pick([24, 30]),
    cookies_enabled: true,
    date_time_locale: prng.pick(['en-US', 'de-DE', 'pt-BR']),
    device_memory: prng.pick([4, 8]),
    emoji: {
      font: 'Segoe UI Emoji',
      width: 23,
      height: 24,
      top: 8,
      bottom: 32,
      left: 8,
      right: 31,
      x: 8,
      y: 8,
    },
    font_hash: v.fontHash,
    font_preferences: {
      default: 149.3125,
      serif: 149.3125,
      sans: 144.015625,
      mono: 121.46875,
      apple: 149.3125,
      min: 9.34375,
      system: 147.015625,
    },
    fonts: ['Arial Unicode MS', 'Calibri', 'Segoe UI Light'],
    hardware_concurrency: prng.pick([4, 8, 12, 16]),
    indexed_db: true,
    languages: [['en-US']],
    local_storage: true,
    math: prng.chars(32, '0123456789abcdef'),
    platform: web.os === 'Windows' ? 'Win32' : web.os === 'Mac OS X' ? 'MacIntel' : 'Linux x86_64',
    plugins: [{ name: 'PDF Viewer', mimeTypes: [{ type: 'application/pdf', suffixes: 'pdf' }] }],
    screen_resolution: prng.pick([
      [1920, 1080],
      [2560, 1440],
      [1440, 900],
    ]),
    session_storage: true,
    timezone: v.city.geo.timezone ?? 'UTC',
    timezone_offset: '+00:00',
    touch_support: { max_touch_points: 0, touch_event: false, touch_start: false },
    vendor: 'Google Inc.',
    webgl_basics: {
      version: 'WebGL 1.0 (OpenGL ES 2.0 Chromium)',
      vendor: 'WebKit',
      vendor_unmasked: 'Google Inc. (Intel)',
      renderer: 'WebKit WebGL',
      renderer_unmasked: 'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      shading_language_version: 'WebGL GLSL ES 1.0 (OpenGL ES GLSL ES 1.0 Chromium)',
    },
    webgl_extensions: {
      context_attributes: prng.chars(32, '0123456789abcdef'),
      parameters: prng.chars(32, '0123456789abcdef'),
      shader_precisions: prng.chars(32, '0123456789abcdef'),
      extensions: prng.chars(32, '0123456789abcdef'),
      extension_parameters: prng.chars(32, '0123456789abcdef'),
      unsupported_extensions: [],
    },
  }
}

function mobileEvent(v: Visitor, prng: Prng, event: MockEvent): void {
  const m = v.mobile as MobileProfile
  const android = v.platform === 'android'
  event.sdk = { platform: v.platform, version: android ? '2.7.0' : '2.6.1' }
  if (android) event.package_name = 'com.example.shopdemo'
  else event.bundle_id = 'com.example.ShopDemo'
  event.user_agent = m.userAgent
  event.os = m.os
  event.os_version = m.osVersion
  event.device = m.device
  event.proximity = {
    id: v.proximityId,
    precision_radius: prng.pick([10, 25, 65, 175, 450, 1200, 3300, 8500, 22500]),
    confidence: prng.float(0.5, 1, 2),
  }
  event.frida = prng.chance(0.04)
  event.location_spoofing = prng.chance(0.05)
  event.mitm_attack = prng.chance(0.04)
  event.cloned_app = prng.chance(0.05)
  event.vpn_origin_country = event.vpn ? 'NL' : (v.city.geo.country_code ?? 'unknown')
  event.vpn_methods = {
    ...event.vpn_methods,
    auxiliary_mobile: event.vpn === true && prng.chance(0.4),
  }
  // Unix seconds; 0 means no factory reset was detected.
  event.factory_reset_timestamp = prng.chance(0.2)
    ? Math.floor(event.timestamp / 1000) - prng.int(86_400, 90 * 86_400)
    : 0
  if (android) {
    event.root_apps = prng.chance(0.06)
    event.emulator = prng.chance(0.05)
  } else {
    event.jailbroken = prng.chance(0.06)
    event.simulator = prng.chance(0.05)
  }
  event.raw_device_attributes = {
    device_model: m.device,
    device_manufacturer: m.manufacturer,
    battery_level: prng.int(5, 100),
    battery_low_power_mode: prng.chance(0.2),
    timezone: v.city.geo.timezone ?? 'UTC',
    screen_resolution: android ? [1080, 2340] : [1179, 2556],
    hardware_concurrency: 8,
    date_time_locale: 'en-US',
  }
}

/**
 * Generates a reproducible, realistic event history in the v4 `Event` shape. Web (`js`),
 * Android and iOS visitors are mixed; together the events carry every Smart Signal of the v4
 * `Event` schema.
 *
 * @param options - seed, sizes and time window, see {@link GenerateEventsOptions}
 * @returns the events, newest first
 * @throws {TypeError} when a size is not a non-negative integer
 * @example
 * ```ts
 * const events = generateEvents({ seed: 42, visitors: 5, events: 50 })
 * ```
 */
export function generateEvents(options: GenerateEventsOptions = {}): MockEvent[] {
  const seed = options.seed ?? 1
  const visitorCount = options.visitors ?? 20
  const eventCount = options.events ?? 200
  for (const [name, value] of [
    ['visitors', visitorCount],
    ['events', eventCount],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) {
      throw new TypeError(
        `generateEvents: options.${name} must be a non-negative integer, got ${String(value)}`,
      )
    }
  }
  if (!Number.isInteger(seed))
    throw new TypeError(`generateEvents: options.seed must be an integer`)
  if (eventCount > 0 && visitorCount === 0) {
    throw new TypeError(
      'generateEvents: options.visitors must be at least 1 when events are requested',
    )
  }
  const now = options.now ?? Date.now()
  const span = options.spanMs ?? 6 * 24 * 3_600_000
  const minAge = options.minAgeMs ?? 10 * 60_000
  const prng = createPrng(seed)
  const visitors = makeVisitors(prng, visitorCount)

  // Distinct, ascending timestamps inside [now - span, now - minAge].
  const newest = now - minAge
  const oldest = newest - span
  const stamps = new Set<number>()
  while (stamps.size < eventCount) stamps.add(prng.int(oldest, newest))
  const timestamps = [...stamps].sort((a, b) => a - b)

  const lastSeen = new Map<string, number>()
  const firstSeen = new Map<string, number>()
  const linkedIds = new Map<string, string>()
  const events: MockEvent[] = []
  for (let i = 0; i < eventCount; i++) {
    // The first pass gives every visitor an event; the rest are skewed toward early visitors.
    const v =
      i < visitorCount
        ? (visitors[i] as Visitor)
        : (visitors[Math.floor(prng.next() ** 1.6 * visitorCount)] as Visitor)
    const timestamp = timestamps[i] as number
    const previous = lastSeen.get(v.visitorId)
    const first = firstSeen.get(v.visitorId) ?? timestamp
    const event: MockEvent = {
      event_id: `${timestamp}.${prng.chars(6)}`,
      timestamp,
      environment_id: v.environment,
      replayed: prng.chance(0.02),
      identification: {
        visitor_id: v.visitorId,
        visitor_found: previous !== undefined,
        confidence: { score: prng.float(0.9, 1, 2), version: 'v1.1' },
        first_seen_at: first,
        ...(previous !== undefined ? { last_seen_at: previous } : {}),
      },
      supplementary_id_high_recall: {
        visitor_id: v.highRecallId,
        visitor_found: previous !== undefined,
        confidence: { score: 0, version: 'Not Supported' },
        first_seen_at: first,
        ...(previous !== undefined ? { last_seen_at: previous } : {}),
      },
      suspect_score: prng.int(0, 30),
    }
    if (prng.chance(0.1))
      event.incremental_identification_status = prng.pick([
        'partially_completed',
        'completed',
      ] as const)
    if (prng.chance(0.35)) {
      let linked = linkedIds.get(v.visitorId)
      if (!linked || prng.chance(0.3)) {
        linked = `order-${prng.int(10_000, 99_999)}`
        linkedIds.set(v.visitorId, linked)
      }
      event.linked_id = linked
    }
    if (prng.chance(0.3))
      event.tags = {
        campaign: prng.pick(['spring', 'retargeting', 'organic']),
        cart_items: prng.int(1, 6),
      }
    // A few events were already flagged through the update API.
    if (prng.chance(0.08)) event.suspect = prng.chance(0.6)
    commonSignals(v, prng, event)
    if (v.platform === 'js') webEvent(v, prng, event)
    else mobileEvent(v, prng, event)
    if (prng.chance(0.15)) {
      event.labels = [
        {
          label: 'account_takeover_risk',
          prediction: prng.chance(0.5),
          ml_score: prng.float(0, 1),
        },
      ]
    }
    lastSeen.set(v.visitorId, timestamp)
    firstSeen.set(v.visitorId, first)
    events.push(event)
  }
  ensureCoverage(events, prng)
  return events.reverse()
}

// Boolean Smart Signals by the platforms that report them.
const PLATFORM_SIGNALS: Record<SdkPlatform, ReadonlyArray<keyof MockEvent>> = {
  js: [
    'vpn',
    'proxy',
    'tampering',
    'incognito',
    'developer_tools',
    'privacy_settings',
    'virtual_machine',
    'high_activity_device',
    'rare_device',
  ],
  android: ['root_apps', 'emulator', 'frida', 'cloned_app', 'location_spoofing', 'mitm_attack'],
  ios: ['jailbroken', 'simulator', 'frida', 'location_spoofing', 'mitm_attack'],
}

/**
 * Small histories can miss rare outcomes by chance; flip one event per missing positive result
 * so that every Smart Signal (and every search filter) has at least one match.
 */
function ensureCoverage(events: MockEvent[], prng: Prng): void {
  for (const [platform, signals] of Object.entries(PLATFORM_SIGNALS) as Array<
    [SdkPlatform, Array<keyof MockEvent>]
  >) {
    const candidates = events.filter((e) => e.sdk?.platform === platform)
    if (candidates.length < 2) continue
    for (const signal of signals) {
      if (candidates.some((e) => e[signal] === true)) continue
      const target = prng.pick(candidates.filter((e) => e[signal] === false))
      if (target) (target as unknown as Record<string, unknown>)[signal] = true
    }
  }
}
