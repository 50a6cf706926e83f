/**
 * Shared types of the mock server. The canonical stored form of an event is the Server API v4
 * `Event` shape; the v3 view is rendered from it on the way out.
 */

/** A region of the Fingerprint Server API. `us` is the global region (`api.fpjs.io`). */
export type MockRegion = 'us' | 'eu' | 'ap'

/** The SDK platform an event was produced by. */
export type SdkPlatform = 'js' | 'android' | 'ios'

/** Confidence levels used by several Smart Signals. */
export type ConfidenceLevel = 'low' | 'medium' | 'high'

/** Geolocation of an IP address, as in the v4 `Geolocation` schema. */
export interface MockGeolocation {
  accuracy_radius?: number
  latitude?: number
  longitude?: number
  postal_code?: string
  timezone?: string
  city_name?: string
  country_code?: string
  country_name?: string
  continent_code?: string
  continent_name?: string
  subdivisions?: Array<{ iso_code: string; name: string }>
}

/** One IP version block of `ip_info`. */
export interface MockIpInfoBlock {
  address: string
  geolocation?: MockGeolocation
  asn?: string
  asn_name?: string
  asn_network?: string
  asn_type?: string
  datacenter_result?: boolean
  datacenter_name?: string
}

/** Visitor identification block of an event. */
export interface MockIdentification {
  visitor_id: string
  visitor_found: boolean
  confidence?: { score: number; version?: string; comment?: string }
  first_seen_at?: number
  last_seen_at?: number
}

/** The rule action of an event evaluated against a ruleset (v4 `EventRuleAction`). */
export type MockRuleAction =
  | {
      type: 'allow'
      ruleset_id: string
      rule_id?: string
      rule_expression?: string
      request_header_modifications?: {
        remove?: string[]
        set?: Array<{ name: string; value: string }>
        append?: Array<{ name: string; value: string }>
      }
    }
  | {
      type: 'block'
      ruleset_id: string
      rule_id?: string
      rule_expression?: string
      status_code?: number
      headers?: Array<{ name: string; value: string }>
      body?: string
    }

/**
 * An event as the mock server stores it: the Server API v4 `Event` shape. Only `event_id` and
 * `timestamp` are required, as in the spec; every other field is a Smart Signal or an
 * identification attribute and may be absent (for example mobile-only signals on web events).
 */
export interface MockEvent {
  event_id: string
  timestamp: number
  incremental_identification_status?: 'partially_completed' | 'completed'
  linked_id?: string
  environment_id?: string
  suspect?: boolean
  sdk?: {
    platform: SdkPlatform | 'unknown'
    version: string
    integrations?: Array<{
      name?: string
      version?: string
      subintegration?: { name?: string; version?: string }
    }>
  }
  replayed?: boolean
  identification?: MockIdentification
  supplementary_id_high_recall?: MockIdentification
  tags?: Record<string, unknown>
  url?: string
  bundle_id?: string
  package_name?: string
  ip_address?: string
  user_agent?: string
  device?: string
  os?: string
  os_version?: string
  client_referrer?: string
  browser_details?: {
    browser_name: string
    browser_major_version: string
    browser_full_version: string
    os: string
    os_version: string
    device: string
  }
  proximity?: { id: string; precision_radius: number; confidence: number }
  bot?: 'bad' | 'good' | 'not_detected'
  bot_type?: string
  bot_info?: {
    category: string
    provider: string
    provider_url?: string
    name: string
    identity: 'verified' | 'signed' | 'spoofed' | 'unknown'
    confidence: ConfidenceLevel
  }
  cloned_app?: boolean
  developer_tools?: boolean
  emulator?: boolean
  /** Time of the last factory reset in Unix seconds; 0 when none was detected. */
  factory_reset_timestamp?: number
  frida?: boolean
  ip_blocklist?: { email_spam?: boolean; attack_source?: boolean; tor_node?: boolean }
  ip_info?: { v4?: MockIpInfoBlock; v6?: MockIpInfoBlock }
  proxy?: boolean
  proxy_confidence?: ConfidenceLevel
  proxy_details?: {
    proxy_type: 'residential' | 'data_center' | 'unknown'
    last_seen_at?: number
    provider?: string
  }
  proxy_ml_score?: number
  incognito?: boolean
  jailbroken?: boolean
  location_spoofing?: boolean
  mitm_attack?: boolean
  privacy_settings?: boolean
  root_apps?: boolean
  rule_action?: MockRuleAction
  simulator?: boolean
  suspect_score?: number
  tampering?: boolean
  tampering_confidence?: ConfidenceLevel
  tampering_ml_score?: number
  tampering_details?: { anomaly_score?: number; anti_detect_browser?: boolean }
  velocity?: Partial<
    Record<
      | 'distinct_ip'
      | 'distinct_linked_id'
      | 'distinct_country'
      | 'events'
      | 'ip_events'
      | 'distinct_ip_by_linked_id'
      | 'distinct_visitor_id_by_linked_id',
      { '5_minutes': number; '1_hour': number; '24_hours'?: number }
    >
  >
  virtual_machine?: boolean
  virtual_machine_ml_score?: number
  vpn?: boolean
  vpn_confidence?: ConfidenceLevel
  vpn_ml_score?: number
  vpn_origin_timezone?: string
  vpn_origin_country?: string
  vpn_methods?: {
    timezone_mismatch?: boolean
    public_vpn?: boolean
    auxiliary_mobile?: boolean
    os_mismatch?: boolean
    relay?: boolean
    ml_prediction?: boolean
  }
  high_activity_device?: boolean
  rare_device?: boolean
  rare_device_percentile_bucket?:
    '<p95' | 'p95-p99' | 'p99-p99.5' | 'p99.5-p99.9' | 'p99.9+' | 'not_seen'
  raw_device_attributes?: Record<string, unknown>
  labels?: Array<{ label: string; prediction?: boolean; ml_score?: number }>
}

/** The fields an update may change, in v4 (`EventUpdate`) naming. */
export interface MockEventUpdate {
  linked_id?: string
  tags?: Record<string, unknown>
  suspect?: boolean
}

/** The Server API version a request was made to. */
export type ApiVersion = 'v3' | 'v4'
