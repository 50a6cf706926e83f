/**
 * The v3 -> v4 event field table as data. One entry per leaf of the v3 `EventsGetResponse`
 * (`products.<product>.data...` / `products.<product>.error...`), naming the v4 `Event` path the
 * value comes from and how it is transformed. `toV3Event` is written by hand against the generated
 * types; the tests walk this table to check that every mapped leaf lands where the entry says, and
 * the codemod inverts the one-to-one (`rename`) entries to rewrite property reads.
 *
 * Path syntax: dots separate keys, `[]` marks an array item, `{*}` a key of a free-form map.
 */

/** How a v4 value becomes the v3 value (the codemod applies the inverse). */
export type FieldTransform =
  /** Same value, new name or place. */
  | 'rename'
  /** Same meaning, different enum literals. */
  | 'rename_enum'
  /** v4 Unix milliseconds -> v3 ISO-8601 UTC string. */
  | 'ms_to_iso8601'
  /** v4 epoch number of undocumented unit -> v3 ISO-8601 string (see factory reset). */
  | 'epoch_to_iso8601'
  /** v3 value computed from several v4 fields. */
  | 'derive'
  /** Container shape changes (free-form map <-> typed object). */
  | 'restructure'
  /** No v4 counterpart: the v3 leaf cannot be produced. */
  | 'none'

/** One leaf of the v3 event and where its value lives in a v4 event. */
export interface EventFieldMapping {
  /** Path from the v3 `EventsGetResponse` root, e.g. `products.vpn.data.result`. */
  readonly v3: string
  /** Path from the v4 `Event` root, e.g. `vpn`; `null` when v4 has no counterpart. */
  readonly v4: string | null
  /** How the value changes on the way. */
  readonly transform: FieldTransform
}

type Row = readonly [v3: string, v4: string | null, transform?: FieldTransform]

const rows = (prefix: string, list: readonly Row[]): EventFieldMapping[] =>
  list.map(([v3, v4, transform = 'rename']) => ({
    v3: prefix + v3,
    v4,
    transform: v4 === null ? 'none' : transform,
  }))

const ID = 'products.identification.data.'

const identification: Row[] = [
  ['visitorId', 'identification.visitor_id'],
  ['requestId', 'event_id'],
  ['browserDetails.browserName', 'browser_details.browser_name'],
  ['browserDetails.browserMajorVersion', 'browser_details.browser_major_version'],
  ['browserDetails.browserFullVersion', 'browser_details.browser_full_version'],
  ['browserDetails.os', 'browser_details.os'],
  ['browserDetails.osVersion', 'browser_details.os_version'],
  ['browserDetails.device', 'browser_details.device'],
  ['browserDetails.userAgent', 'user_agent'],
  ['incognito', 'incognito'],
  ['ip', 'ip_address'],
  ['ipLocation.accuracyRadius', null],
  ['ipLocation.latitude', null],
  ['ipLocation.longitude', null],
  ['ipLocation.postalCode', null],
  ['ipLocation.timezone', null],
  ['ipLocation.city.name', null],
  ['ipLocation.country.code', null],
  ['ipLocation.country.name', null],
  ['ipLocation.continent.code', null],
  ['ipLocation.continent.name', null],
  ['ipLocation.subdivisions[].isoCode', null],
  ['ipLocation.subdivisions[].name', null],
  ['linkedId', 'linked_id'],
  ['suspect', 'suspect'],
  ['timestamp', 'timestamp'],
  ['time', 'timestamp', 'ms_to_iso8601'],
  ['url', 'url'],
  ['tag', 'tags'],
  ['confidence.score', 'identification.confidence.score'],
  ['confidence.revision', 'identification.confidence.version'],
  ['confidence.comment', 'identification.confidence.comment'],
  ['visitorFound', 'identification.visitor_found'],
  ['firstSeenAt.global', 'identification.first_seen_at', 'ms_to_iso8601'],
  ['firstSeenAt.subscription', 'identification.first_seen_at', 'ms_to_iso8601'],
  ['lastSeenAt.global', 'identification.last_seen_at', 'ms_to_iso8601'],
  ['lastSeenAt.subscription', 'identification.last_seen_at', 'ms_to_iso8601'],
  ['components.{*}.value', 'raw_device_attributes.{*}', 'restructure'],
  ['components.{*}.error.name', null],
  ['components.{*}.error.message', null],
  ['replayed', 'replayed'],
  ['sdk.platform', 'sdk.platform'],
  ['sdk.version', 'sdk.version'],
  ['environmentId', 'environment_id'],
]

const botd: Row[] = [
  ['bot.result', 'bot', 'rename_enum'],
  ['bot.type', 'bot_type'],
  ['meta', 'tags'],
  ['linkedId', 'linked_id'],
  ['url', 'url'],
  ['ip', 'ip_address'],
  ['time', 'timestamp', 'ms_to_iso8601'],
  ['userAgent', 'user_agent'],
  ['requestId', 'event_id'],
]

const ipVersion = (v: 'v4' | 'v6'): Row[] => {
  const to = `ip_info.${v}.`
  return [
    [`${v}.address`, `${to}address`],
    [`${v}.geolocation.accuracyRadius`, `${to}geolocation.accuracy_radius`],
    [`${v}.geolocation.latitude`, `${to}geolocation.latitude`],
    [`${v}.geolocation.longitude`, `${to}geolocation.longitude`],
    [`${v}.geolocation.postalCode`, `${to}geolocation.postal_code`],
    [`${v}.geolocation.timezone`, `${to}geolocation.timezone`],
    [`${v}.geolocation.city.name`, `${to}geolocation.city_name`],
    [`${v}.geolocation.country.code`, `${to}geolocation.country_code`],
    [`${v}.geolocation.country.name`, `${to}geolocation.country_name`],
    [`${v}.geolocation.continent.code`, `${to}geolocation.continent_code`],
    [`${v}.geolocation.continent.name`, `${to}geolocation.continent_name`],
    [`${v}.geolocation.subdivisions[].isoCode`, `${to}geolocation.subdivisions[].iso_code`],
    [`${v}.geolocation.subdivisions[].name`, `${to}geolocation.subdivisions[].name`],
    [`${v}.asn.asn`, `${to}asn`],
    [`${v}.asn.name`, `${to}asn_name`],
    [`${v}.asn.network`, `${to}asn_network`],
    [`${v}.datacenter.result`, `${to}datacenter_result`],
    [`${v}.datacenter.name`, `${to}datacenter_name`],
  ]
}

/** The seven v3 velocity metrics and their v4 names. */
export const VELOCITY_METRICS = [
  ['distinctIp', 'distinct_ip'],
  ['distinctLinkedId', 'distinct_linked_id'],
  ['distinctCountry', 'distinct_country'],
  ['events', 'events'],
  ['ipEvents', 'ip_events'],
  ['distinctIpByLinkedId', 'distinct_ip_by_linked_id'],
  ['distinctVisitorIdByLinkedId', 'distinct_visitor_id_by_linked_id'],
] as const

/** v3 velocity interval keys and their v4 names. */
export const VELOCITY_INTERVALS = [
  ['5m', '5_minutes'],
  ['1h', '1_hour'],
  ['24h', '24_hours'],
] as const

const velocity: Row[] = VELOCITY_METRICS.flatMap(([v3, v4]) =>
  VELOCITY_INTERVALS.map(([i3, i4]): Row => [`${v3}.intervals.${i3}`, `velocity.${v4}.${i4}`]),
)

/** Products whose v3 data was a single `result` that became one top-level v4 field. */
const singleResult: ReadonlyArray<readonly [product: string, v4: string | null]> = [
  ['rootApps', 'root_apps'],
  ['emulator', 'emulator'],
  ['tor', 'ip_blocklist.tor_node'],
  ['incognito', 'incognito'],
  ['clonedApp', 'cloned_app'],
  ['jailbroken', 'jailbroken'],
  ['frida', 'frida'],
  ['privacySettings', 'privacy_settings'],
  ['virtualMachine', 'virtual_machine'],
  ['locationSpoofing', 'location_spoofing'],
  ['suspectScore', 'suspect_score'],
  ['remoteControl', null],
  ['developerTools', 'developer_tools'],
  ['mitmAttack', 'mitm_attack'],
]

const byProduct: ReadonlyArray<readonly [product: string, data: readonly Row[]]> = [
  ['identification', identification],
  ['botd', botd],
  ['ipInfo', [...ipVersion('v4'), ...ipVersion('v6')]],
  [
    'ipBlocklist',
    [
      ['result', 'ip_blocklist', 'derive'],
      ['details.emailSpam', 'ip_blocklist.email_spam'],
      ['details.attackSource', 'ip_blocklist.attack_source'],
    ],
  ],
  [
    'vpn',
    [
      ['result', 'vpn'],
      ['confidence', 'vpn_confidence'],
      ['originTimezone', 'vpn_origin_timezone'],
      ['originCountry', 'vpn_origin_country'],
      ['methods.timezoneMismatch', 'vpn_methods.timezone_mismatch'],
      ['methods.publicVPN', 'vpn_methods.public_vpn'],
      ['methods.auxiliaryMobile', 'vpn_methods.auxiliary_mobile'],
      ['methods.osMismatch', 'vpn_methods.os_mismatch'],
      ['methods.relay', 'vpn_methods.relay'],
    ],
  ],
  [
    'proxy',
    [
      ['result', 'proxy'],
      ['confidence', 'proxy_confidence'],
      ['details.proxyType', 'proxy_details.proxy_type', 'rename_enum'],
      ['details.lastSeenAt', 'proxy_details.last_seen_at', 'ms_to_iso8601'],
    ],
  ],
  [
    'tampering',
    [
      ['result', 'tampering'],
      ['anomalyScore', 'tampering_details.anomaly_score'],
      ['antiDetectBrowser', 'tampering_details.anti_detect_browser'],
    ],
  ],
  [
    'factoryReset',
    [
      ['time', 'factory_reset_timestamp', 'epoch_to_iso8601'],
      ['timestamp', 'factory_reset_timestamp'],
    ],
  ],
  [
    'rawDeviceAttributes',
    [
      ['{*}.value', 'raw_device_attributes.{*}', 'restructure'],
      ['{*}.error.name', null],
      ['{*}.error.message', null],
    ],
  ],
  [
    'highActivity',
    [
      ['result', 'high_activity_device'],
      ['dailyRequests', null],
    ],
  ],
  ['velocity', velocity],
  [
    'proximity',
    [
      ['id', 'proximity.id'],
      ['precisionRadius', 'proximity.precision_radius'],
      ['confidence', 'proximity.confidence'],
    ],
  ],
  ...singleResult.map(([product, v4]): readonly [string, readonly Row[]] => [
    product,
    [['result', v4]],
  ]),
]

/** Every v3 product key, in the order the v3 spec lists them. */
export const V3_PRODUCTS = [
  'identification',
  'botd',
  'rootApps',
  'emulator',
  'ipInfo',
  'ipBlocklist',
  'tor',
  'vpn',
  'proxy',
  'incognito',
  'tampering',
  'clonedApp',
  'factoryReset',
  'jailbroken',
  'frida',
  'privacySettings',
  'virtualMachine',
  'rawDeviceAttributes',
  'highActivity',
  'locationSpoofing',
  'suspectScore',
  'remoteControl',
  'velocity',
  'developerTools',
  'mitmAttack',
  'proximity',
] as const

/**
 * The full v3 event leaf table: 205 entries, one per leaf of the v3 `EventsGetResponse`.
 * 135 have a v4 source; the 70 with `transform: 'none'` cannot be produced from a v4 event
 * (per-product `error` objects, the deprecated `ipLocation`, per-attribute raw errors,
 * `highActivity.dailyRequests`, `remoteControl.result`).
 */
export const EVENT_FIELD_MAP: readonly EventFieldMapping[] = Object.freeze(
  V3_PRODUCTS.flatMap((product) => {
    const data = byProduct.find(([name]) => name === product)?.[1] ?? []
    const prefix = product === 'identification' ? ID : `products.${product}.data.`
    return [
      ...rows(prefix, data),
      ...rows(`products.${product}.error.`, [
        ['code', null],
        ['message', null],
      ]),
    ]
  }),
)

/** Raw device attribute keys: v4 snake_case key -> v3 camelCase key (name-based where not observed). */
export const RAW_ATTRIBUTE_KEYS: Readonly<Record<string, string>> = Object.freeze({
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
})
