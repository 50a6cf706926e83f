import { VELOCITY_INTERVALS, VELOCITY_METRICS } from './field-map'
import { toV3RawAttributes } from './raw-attributes'
import { factoryResetSeconds, isoMillis, isoSeconds } from './time-format'
import type { V3EventsGetResponse, V3Identification, V3Products, V4Event } from './types'

type P = Required<V3Products>
type V4Geo = NonNullable<NonNullable<NonNullable<V4Event['ip_info']>['v4']>['geolocation']>
type V4Ip = NonNullable<NonNullable<V4Event['ip_info']>['v4']>
type V3Ip = NonNullable<NonNullable<P['ipInfo']['data']>['v4']>

/**
 * Defaults for fields v3 required and a v4 event may lack (signals not computed for the platform,
 * mobile events without browser fields). Strings become `''`, flags `false`, scores `0`, with the
 * exceptions listed here.
 */
export const V3_DEFAULTS = Object.freeze({
  /** `products.vpn.data.originCountry`: v3 documented "ISO 3166 code or unknown". */
  vpnOriginCountry: 'unknown',
  /** `products.vpn.data.confidence` / `products.proxy.data.confidence` when v4 sends none. */
  confidence: 'low',
})

/**
 * v3 required a browser name on every event, mobile included, and v4 has none for apps; what v3
 * sent there is undocumented. We name the app platform (the mock server's v3 view does the same).
 */
function defaultBrowserName(platform: string | undefined): string {
  return platform === 'ios' ? 'iOS app' : platform === 'android' ? 'Android app' : 'Other'
}

const seenAt = (ms: number | undefined) => {
  const value = ms === undefined ? null : isoSeconds(ms)
  return { global: value, subscription: value }
}

function geolocation(geo: V4Geo = {}) {
  return {
    ...(geo.accuracy_radius !== undefined && { accuracyRadius: geo.accuracy_radius }),
    ...(geo.latitude !== undefined && { latitude: geo.latitude }),
    ...(geo.longitude !== undefined && { longitude: geo.longitude }),
    ...(geo.postal_code !== undefined && { postalCode: geo.postal_code }),
    ...(geo.timezone !== undefined && { timezone: geo.timezone }),
    ...(geo.city_name !== undefined && { city: { name: geo.city_name } }),
    ...((geo.country_code !== undefined || geo.country_name !== undefined) && {
      country: { code: geo.country_code ?? '', name: geo.country_name ?? '' },
    }),
    ...((geo.continent_code !== undefined || geo.continent_name !== undefined) && {
      continent: { code: geo.continent_code ?? '', name: geo.continent_name ?? '' },
    }),
    ...(geo.subdivisions !== undefined && {
      subdivisions: geo.subdivisions.map((s) => ({ isoCode: s.iso_code, name: s.name })),
    }),
  }
}

function ipVersion(ip: V4Ip): V3Ip {
  return {
    address: ip.address,
    geolocation: geolocation(ip.geolocation),
    ...(ip.asn !== undefined && {
      asn: { asn: ip.asn, name: ip.asn_name ?? '', network: ip.asn_network ?? '' },
    }),
    ...(ip.datacenter_result !== undefined && {
      datacenter: { result: ip.datacenter_result, name: ip.datacenter_name ?? '' },
    }),
  }
}

/**
 * The identification fields v3 shared between `products.identification.data` and a visit.
 * @internal
 */
export function v3IdentificationCore(event: V4Event) {
  const bd = event.browser_details
  const id = event.identification
  const confidence = id?.confidence
  return {
    requestId: event.event_id,
    browserDetails: {
      browserName: bd?.browser_name ?? defaultBrowserName(event.sdk?.platform),
      browserMajorVersion: bd?.browser_major_version ?? '',
      browserFullVersion: bd?.browser_full_version ?? '',
      os: bd?.os ?? event.os ?? '',
      osVersion: bd?.os_version ?? event.os_version ?? '',
      device: bd?.device ?? event.device ?? '',
      userAgent: event.user_agent ?? '',
    },
    incognito: event.incognito ?? false,
    ip: event.ip_address ?? '',
    ...(event.linked_id !== undefined && { linkedId: event.linked_id }),
    timestamp: event.timestamp,
    time: isoSeconds(event.timestamp),
    url: event.url ?? '',
    tag: event.tags ?? {},
    ...(confidence !== undefined && {
      confidence: {
        score: confidence.score,
        ...(confidence.version !== undefined && { revision: confidence.version }),
        ...(confidence.comment !== undefined && { comment: confidence.comment }),
      },
    }),
    visitorFound: id?.visitor_found ?? false,
    firstSeenAt: seenAt(id?.first_seen_at),
    lastSeenAt: seenAt(id?.last_seen_at),
    ...(event.raw_device_attributes !== undefined && {
      components: toV3RawAttributes(event.raw_device_attributes),
    }),
  }
}

const result = <T>(value: T | undefined) =>
  value === undefined ? undefined : { data: { result: value } }

/**
 * Rebuilds the v3 `EventsGetResponse` (`{ products: { ... } }`) from a v4 event, placing every
 * field of the mapping table (see `EVENT_FIELD_MAP`) where v3 had it:
 *
 * - names: `identification.visitor_id` -> `products.identification.data.visitorId`,
 *   `event_id` -> `requestId`, `tags` -> `tag` (and `products.botd.data.meta`), `vpn` ->
 *   `products.vpn.data.result`, ...
 * - times: `timestamp` -> `time` (ISO-8601, whole seconds) and `products.botd.data.time` (ms);
 *   `first_seen_at` / `last_seen_at` -> both `global` and `subscription` (`null` when absent);
 *   `proxy_details.last_seen_at` -> ISO string; `factory_reset_timestamp` -> Unix seconds + ISO time
 *   (values above 1e11 are read as milliseconds).
 * - enums: bot `not_detected` -> `notDetected`; proxy type `unknown` (no v3 literal) -> no `details`.
 * - derived: `products.ipBlocklist.data.result` = `email_spam || attack_source || tor_node`.
 * - `raw_device_attributes` -> camelCase `{ value }` map in both `components` and `rawDeviceAttributes`.
 *
 * A product appears only when v4 sent its field (a signal that is off or not computed for the
 * platform is absent in v4, so it is absent here), except `identification`, which is always built.
 * Fields v3 required inside a present product get defaults when v4 lacks them: `''` for strings,
 * `false` for flags, `0` for numbers, `{}` for `tag`, `null` for seen-at times, `'unknown'` for
 * `vpn.originCountry`, `'low'` for a missing confidence (see `V3_DEFAULTS`), and for a browser name
 * on app events `'Android app'` / `'iOS app'` (`'Other'` for anything else).
 *
 * Never produced: product `error` objects (v4 fails the whole request instead), `ipLocation`,
 * per-attribute raw `error`s, `highActivity.dailyRequests`, `remoteControl`. Unknown v4 fields are
 * ignored.
 *
 * @param event - a v4 `Event` (from `getEvent`, a search page, a webhook or a sealed result)
 * @returns the v3-shaped result
 * @throws TypeError when `event` is not an object with a string `event_id` and a numeric `timestamp`
 * @example
 * ```ts
 * const v3 = toV3Event(await client.getEvent(eventId))
 * v3.products.identification?.data?.visitorId
 * ```
 */
export function toV3Event(event: V4Event): V3EventsGetResponse {
  assertEvent(event, 'event')
  const e = event
  const products: V3Products = {}

  const identification: V3Identification = {
    visitorId: e.identification?.visitor_id ?? '',
    ...v3IdentificationCore(e),
    ...(e.suspect !== undefined && { suspect: e.suspect }),
    replayed: e.replayed ?? false,
    ...(e.sdk !== undefined && { sdk: { platform: e.sdk.platform, version: e.sdk.version } }),
    ...(e.environment_id !== undefined && { environmentId: e.environment_id }),
  }
  products.identification = { data: identification }

  if (e.bot !== undefined) {
    products.botd = {
      data: {
        bot: {
          result: e.bot === 'not_detected' ? 'notDetected' : e.bot,
          ...(e.bot_type !== undefined && { type: e.bot_type }),
        },
        ...(e.tags !== undefined && { meta: e.tags }),
        ...(e.linked_id !== undefined && { linkedId: e.linked_id }),
        url: e.url ?? '',
        ip: e.ip_address ?? '',
        time: isoMillis(e.timestamp),
        userAgent: e.user_agent ?? '',
        requestId: e.event_id,
      },
    }
  }

  products.rootApps = result(e.root_apps)
  products.emulator = result(e.emulator)

  if (e.ip_info !== undefined) {
    products.ipInfo = {
      data: {
        ...(e.ip_info.v4 !== undefined && { v4: ipVersion(e.ip_info.v4) }),
        ...(e.ip_info.v6 !== undefined && { v6: ipVersion(e.ip_info.v6) }),
      },
    }
  }

  const blocklist = e.ip_blocklist
  if (blocklist !== undefined) {
    products.ipBlocklist = {
      data: {
        result: Boolean(blocklist.email_spam || blocklist.attack_source || blocklist.tor_node),
        details: {
          emailSpam: blocklist.email_spam ?? false,
          attackSource: blocklist.attack_source ?? false,
        },
      },
    }
  }
  products.tor = result(blocklist?.tor_node)

  if (e.vpn !== undefined) {
    const m = e.vpn_methods
    products.vpn = {
      data: {
        result: e.vpn,
        confidence: e.vpn_confidence ?? V3_DEFAULTS.confidence,
        originTimezone: e.vpn_origin_timezone ?? '',
        originCountry: e.vpn_origin_country ?? V3_DEFAULTS.vpnOriginCountry,
        methods: {
          timezoneMismatch: m?.timezone_mismatch ?? false,
          publicVPN: m?.public_vpn ?? false,
          auxiliaryMobile: m?.auxiliary_mobile ?? false,
          osMismatch: m?.os_mismatch ?? false,
          relay: m?.relay ?? false,
        },
      },
    }
  }

  if (e.proxy !== undefined) {
    const d = e.proxy_details
    products.proxy = {
      data: {
        result: e.proxy,
        confidence: e.proxy_confidence ?? V3_DEFAULTS.confidence,
        // v3 cannot spell the v4-only proxy type `unknown`: such details are left out
        ...(d !== undefined &&
          d.proxy_type !== 'unknown' && {
            details: {
              proxyType: d.proxy_type,
              ...(d.last_seen_at !== undefined && { lastSeenAt: isoSeconds(d.last_seen_at) }),
            },
          }),
      },
    }
  }

  products.incognito = result(e.incognito)

  if (e.tampering !== undefined) {
    products.tampering = {
      data: {
        result: e.tampering,
        anomalyScore: e.tampering_details?.anomaly_score ?? 0,
        antiDetectBrowser: e.tampering_details?.anti_detect_browser ?? false,
      },
    }
  }

  products.clonedApp = result(e.cloned_app)

  if (e.factory_reset_timestamp !== undefined) {
    const seconds = factoryResetSeconds(e.factory_reset_timestamp)
    products.factoryReset = { data: { time: isoSeconds(seconds * 1000), timestamp: seconds } }
  }

  products.jailbroken = result(e.jailbroken)
  products.frida = result(e.frida)
  products.privacySettings = result(e.privacy_settings)
  products.virtualMachine = result(e.virtual_machine)

  if (e.raw_device_attributes !== undefined) {
    products.rawDeviceAttributes = { data: toV3RawAttributes(e.raw_device_attributes) }
  }

  products.highActivity = result(e.high_activity_device)
  products.locationSpoofing = result(e.location_spoofing)
  products.suspectScore = result(e.suspect_score)

  if (e.velocity !== undefined) {
    const velocity = e.velocity
    const data = Object.fromEntries(
      VELOCITY_METRICS.map(([v3, v4]) => {
        const metric = velocity[v4]
        if (metric === undefined) return [v3, {}]
        const intervals: Record<string, number> = {}
        for (const [i3, i4] of VELOCITY_INTERVALS) {
          const value = metric[i4]
          if (value !== undefined) intervals[i3] = value
        }
        return [v3, { intervals }]
      }),
    )
    products.velocity = { data: data as NonNullable<P['velocity']['data']> }
  }

  products.developerTools = result(e.developer_tools)
  products.mitmAttack = result(e.mitm_attack)

  if (e.proximity !== undefined) {
    products.proximity = {
      data: {
        id: e.proximity.id,
        precisionRadius: e.proximity.precision_radius,
        confidence: e.proximity.confidence,
      },
    }
  }

  for (const key of Object.keys(products) as Array<keyof V3Products>) {
    if (products[key] === undefined) delete products[key]
  }
  return { products }
}

/** @internal */
export function assertEvent(event: unknown, name: string): asserts event is V4Event {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new TypeError(`${name} must be a v4 event object`)
  }
  const e = event as Record<string, unknown>
  if (typeof e.event_id !== 'string') throw new TypeError(`${name}.event_id must be a string`)
  if (typeof e.timestamp !== 'number' || !Number.isFinite(e.timestamp)) {
    throw new TypeError(`${name}.timestamp must be Unix milliseconds (a number)`)
  }
}
