import type { MockEvent, MockGeolocation, MockIpInfoBlock } from './types'

type Json = Record<string, unknown>

/** ISO-8601 UTC with second precision, as v3 identification `time` was. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** ISO-8601 UTC with millisecond precision, as v3 botd `time` was. */
function isoMillis(ms: number): string {
  return new Date(ms).toISOString()
}

function seenAt(ms: number | undefined): { global: string | null; subscription: string | null } {
  const value = ms === undefined ? null : isoSeconds(ms)
  return { global: value, subscription: value }
}

// v4 raw attribute keys and their v3 component names (v3 used camelCase names).
const RAW_KEYS: Record<string, string> = {
  font_preferences: 'fontPreferences',
  emoji: 'emoji',
  fonts: 'fonts',
  device_memory: 'deviceMemory',
  timezone: 'timezone',
  canvas: 'canvas',
  languages: 'languages',
  webgl_extensions: 'webGlExtensions',
  webgl_basics: 'webGlBasics',
  screen_resolution: 'screenResolution',
  touch_support: 'touchSupport',
  oscpu: 'osCpu',
  architecture: 'architecture',
  cookies_enabled: 'cookiesEnabled',
  hardware_concurrency: 'hardwareConcurrency',
  date_time_locale: 'dateTimeLocale',
  vendor: 'vendor',
  color_depth: 'colorDepth',
  platform: 'platform',
  session_storage: 'sessionStorage',
  local_storage: 'localStorage',
  audio: 'audio',
  plugins: 'plugins',
  indexed_db: 'indexedDB',
  math: 'math',
}

function components(raw: Record<string, unknown> | undefined): Json | undefined {
  if (!raw) return undefined
  const out: Json = {}
  for (const [key, value] of Object.entries(raw)) {
    const name = RAW_KEYS[key]
    if (!name) continue
    if (key === 'canvas' && value && typeof value === 'object') {
      const c = value as { winding?: boolean; geometry?: string; text?: string }
      out[name] = { value: { Winding: c.winding, Geometry: c.geometry, Text: c.text } }
    } else {
      out[name] = { value }
    }
  }
  return out
}

function browserDetails(e: MockEvent): Json {
  const b = e.browser_details
  return {
    browserName:
      b?.browser_name ??
      (e.sdk?.platform === 'ios'
        ? 'iOS app'
        : e.sdk?.platform === 'android'
          ? 'Android app'
          : 'Other'),
    browserMajorVersion: b?.browser_major_version ?? '',
    browserFullVersion: b?.browser_full_version ?? '',
    os: b?.os ?? e.os ?? '',
    osVersion: b?.os_version ?? e.os_version ?? '',
    device: b?.device ?? e.device ?? '',
    userAgent: e.user_agent ?? '',
  }
}

function confidence(e: MockEvent): Json | undefined {
  const c = e.identification?.confidence
  if (!c) return undefined
  return {
    score: c.score,
    ...(c.version !== undefined ? { revision: c.version } : {}),
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
  }
}

/**
 * The identification fields shared by the v3 `Identification` product data and a v3 `Visit`.
 */
function visitFields(e: MockEvent): Json {
  const comps = components(e.raw_device_attributes)
  const conf = confidence(e)
  return {
    requestId: e.event_id,
    browserDetails: browserDetails(e),
    incognito: e.incognito ?? false,
    ip: e.ip_address ?? '',
    ...(e.linked_id !== undefined ? { linkedId: e.linked_id } : {}),
    timestamp: e.timestamp,
    time: isoSeconds(e.timestamp),
    url: e.url ?? '',
    tag: e.tags ?? {},
    ...(conf ? { confidence: conf } : {}),
    visitorFound: e.identification?.visitor_found ?? false,
    firstSeenAt: seenAt(e.identification?.first_seen_at),
    lastSeenAt: seenAt(e.identification?.last_seen_at),
    ...(comps ? { components: comps } : {}),
  }
}

function geolocation(g: MockGeolocation | undefined): Json {
  if (!g) return {}
  return {
    ...(g.accuracy_radius !== undefined ? { accuracyRadius: g.accuracy_radius } : {}),
    ...(g.latitude !== undefined ? { latitude: g.latitude } : {}),
    ...(g.longitude !== undefined ? { longitude: g.longitude } : {}),
    ...(g.postal_code !== undefined ? { postalCode: g.postal_code } : {}),
    ...(g.timezone !== undefined ? { timezone: g.timezone } : {}),
    ...(g.city_name !== undefined ? { city: { name: g.city_name } } : {}),
    ...(g.country_code !== undefined && g.country_name !== undefined
      ? { country: { code: g.country_code, name: g.country_name } }
      : {}),
    ...(g.continent_code !== undefined && g.continent_name !== undefined
      ? { continent: { code: g.continent_code, name: g.continent_name } }
      : {}),
    ...(g.subdivisions
      ? { subdivisions: g.subdivisions.map((s) => ({ isoCode: s.iso_code, name: s.name })) }
      : {}),
  }
}

function ipBlock(b: MockIpInfoBlock): Json {
  return {
    address: b.address,
    geolocation: geolocation(b.geolocation),
    ...(b.asn !== undefined
      ? { asn: { asn: b.asn, name: b.asn_name ?? '', network: b.asn_network ?? '' } }
      : {}),
    ...(b.datacenter_result !== undefined
      ? { datacenter: { result: b.datacenter_result, name: b.datacenter_name ?? '' } }
      : {}),
  }
}

function result(value: boolean | number | undefined): Json | undefined {
  return value === undefined ? undefined : { data: { result: value } }
}

function velocityData(
  v: { '5_minutes': number; '1_hour': number; '24_hours'?: number } | undefined,
): Json {
  if (!v) return {}
  return {
    intervals: {
      '5m': v['5_minutes'],
      '1h': v['1_hour'],
      ...(v['24_hours'] !== undefined ? { '24h': v['24_hours'] } : {}),
    },
  }
}

/**
 * Renders a stored (v4-shaped) event as the v3 `Products` object. A product appears only when
 * its v4 field exists; v3 fields that v4 lacks get neutral defaults (empty strings, `false`,
 * `null` seen-at times). Tor and the IP blocklist come from v4 `ip_blocklist`; the v3 blocklist
 * `result` is the OR of its flags.
 *
 * @param e - the stored event
 * @returns the v3 `products` object
 * @internal
 */
export function toV3Products(e: MockEvent): Json {
  const products: Json = {}
  const set = (name: string, value: Json | undefined): void => {
    if (value !== undefined) products[name] = value
  }
  set('identification', {
    data: {
      visitorId: e.identification?.visitor_id ?? '',
      ...visitFields(e),
      ...(e.suspect !== undefined ? { suspect: e.suspect } : {}),
      replayed: e.replayed ?? false,
      ...(e.sdk ? { sdk: { platform: e.sdk.platform, version: e.sdk.version } } : {}),
      ...(e.environment_id !== undefined ? { environmentId: e.environment_id } : {}),
    },
  })
  if (e.bot !== undefined) {
    set('botd', {
      data: {
        bot: {
          result: e.bot === 'not_detected' ? 'notDetected' : e.bot,
          ...(e.bot_type !== undefined ? { type: e.bot_type } : {}),
        },
        ...(e.tags !== undefined ? { meta: e.tags } : {}),
        ...(e.linked_id !== undefined ? { linkedId: e.linked_id } : {}),
        url: e.url ?? '',
        ip: e.ip_address ?? '',
        time: isoMillis(e.timestamp),
        userAgent: e.user_agent ?? '',
        requestId: e.event_id,
      },
    })
  }
  set('rootApps', result(e.root_apps))
  set('emulator', result(e.emulator))
  if (e.ip_info) {
    set('ipInfo', {
      data: {
        ...(e.ip_info.v4 ? { v4: ipBlock(e.ip_info.v4) } : {}),
        ...(e.ip_info.v6 ? { v6: ipBlock(e.ip_info.v6) } : {}),
      },
    })
  }
  if (e.ip_blocklist) {
    const b = e.ip_blocklist
    set('ipBlocklist', {
      data: {
        result: Boolean(b.email_spam || b.attack_source || b.tor_node),
        details: { emailSpam: b.email_spam ?? false, attackSource: b.attack_source ?? false },
      },
    })
    set('tor', result(b.tor_node))
  }
  if (e.vpn !== undefined) {
    const m = e.vpn_methods ?? {}
    set('vpn', {
      data: {
        result: e.vpn,
        confidence: e.vpn_confidence ?? 'low',
        originTimezone: e.vpn_origin_timezone ?? '',
        originCountry: e.vpn_origin_country ?? 'unknown',
        methods: {
          timezoneMismatch: m.timezone_mismatch ?? false,
          publicVPN: m.public_vpn ?? false,
          auxiliaryMobile: m.auxiliary_mobile ?? false,
          osMismatch: m.os_mismatch ?? false,
          relay: m.relay ?? false,
        },
      },
    })
  }
  if (e.proxy !== undefined) {
    const d = e.proxy_details
    set('proxy', {
      data: {
        result: e.proxy,
        confidence: e.proxy_confidence ?? 'low',
        // v3 cannot express the v4-only proxy type `unknown`: such details are left out.
        ...(d && d.proxy_type !== 'unknown'
          ? {
              details: {
                proxyType: d.proxy_type,
                ...(d.last_seen_at !== undefined ? { lastSeenAt: isoSeconds(d.last_seen_at) } : {}),
              },
            }
          : {}),
      },
    })
  }
  set('incognito', result(e.incognito))
  if (e.tampering !== undefined) {
    set('tampering', {
      data: {
        result: e.tampering,
        anomalyScore: e.tampering_details?.anomaly_score ?? 0,
        antiDetectBrowser: e.tampering_details?.anti_detect_browser ?? false,
      },
    })
  }
  set('clonedApp', result(e.cloned_app))
  if (e.factory_reset_timestamp !== undefined) {
    set('factoryReset', {
      data: {
        time: isoSeconds(e.factory_reset_timestamp * 1000),
        timestamp: e.factory_reset_timestamp,
      },
    })
  }
  set('jailbroken', result(e.jailbroken))
  set('frida', result(e.frida))
  set('privacySettings', result(e.privacy_settings))
  set('virtualMachine', result(e.virtual_machine))
  const comps = components(e.raw_device_attributes)
  if (comps) set('rawDeviceAttributes', { data: comps })
  set('highActivity', result(e.high_activity_device))
  set('locationSpoofing', result(e.location_spoofing))
  set('suspectScore', result(e.suspect_score))
  if (e.velocity) {
    const v = e.velocity
    set('velocity', {
      data: {
        distinctIp: velocityData(v.distinct_ip),
        distinctLinkedId: velocityData(v.distinct_linked_id),
        distinctCountry: velocityData(v.distinct_country),
        events: velocityData(v.events),
        ipEvents: velocityData(v.ip_events),
        distinctIpByLinkedId: velocityData(v.distinct_ip_by_linked_id),
        distinctVisitorIdByLinkedId: velocityData(v.distinct_visitor_id_by_linked_id),
      },
    })
  }
  set('developerTools', result(e.developer_tools))
  set('mitmAttack', result(e.mitm_attack))
  if (e.proximity) {
    set('proximity', {
      data: {
        id: e.proximity.id,
        precisionRadius: e.proximity.precision_radius,
        confidence: e.proximity.confidence,
      },
    })
  }
  return products
}

/**
 * Renders a stored event as a v3 `Visit` (visitor history item).
 *
 * @param e - the stored event
 * @returns the visit object
 * @internal
 */
export function toV3Visit(e: MockEvent): Json {
  return visitFields(e)
}

/**
 * Converts a v3 `EventsUpdateRequest` body to the v4 `EventUpdate` naming.
 *
 * @param body - the v3 body (`linkedId`, `tag`, `suspect`)
 * @returns the update in v4 naming
 * @internal
 */
export function fromV3Update(body: Json): {
  linked_id?: string
  tags?: Record<string, unknown>
  suspect?: boolean
} {
  return {
    ...(typeof body.linkedId === 'string' ? { linked_id: body.linkedId } : {}),
    ...(body.tag && typeof body.tag === 'object'
      ? { tags: body.tag as Record<string, unknown> }
      : {}),
    ...(typeof body.suspect === 'boolean' ? { suspect: body.suspect } : {}),
  }
}
