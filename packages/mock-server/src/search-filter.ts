import { BlockList, isIP } from 'node:net'
import { MockApiError } from './api-error'
import type { MockEvent } from './types'

type Predicate = (e: MockEvent) => boolean

/** Boolean filters that compare one stored field with `true`/`false`; events lacking the field never match. */
const BOOLEAN_FIELDS: Record<string, (e: MockEvent) => boolean | undefined> = {
  suspect: (e) => e.suspect,
  vpn: (e) => e.vpn,
  virtual_machine: (e) => e.virtual_machine,
  tampering: (e) => e.tampering,
  anti_detect_browser: (e) => e.tampering_details?.anti_detect_browser,
  incognito: (e) => e.incognito,
  privacy_settings: (e) => e.privacy_settings,
  jailbroken: (e) => e.jailbroken,
  frida: (e) => e.frida,
  factory_reset: (e) =>
    e.factory_reset_timestamp === undefined ? undefined : e.factory_reset_timestamp > 0,
  cloned_app: (e) => e.cloned_app,
  emulator: (e) => e.emulator,
  root_apps: (e) => e.root_apps,
  developer_tools: (e) => e.developer_tools,
  location_spoofing: (e) => e.location_spoofing,
  mitm_attack: (e) => e.mitm_attack,
  proxy: (e) => e.proxy,
  rare_device: (e) => e.rare_device,
  tor_node: (e) => e.ip_blocklist?.tor_node,
  simulator: (e) => e.simulator,
  // v3-only filters, still evaluable on the stored v4 data.
  ip_blocklist: (e) =>
    e.ip_blocklist === undefined
      ? undefined
      : Boolean(
          e.ip_blocklist.email_spam || e.ip_blocklist.attack_source || e.ip_blocklist.tor_node,
        ),
  datacenter: (e) => e.ip_info?.v4?.datacenter_result ?? e.ip_info?.v6?.datacenter_result,
}

/** String filters that must equal one stored field exactly. */
const EXACT_FIELDS: Record<string, (e: MockEvent) => string | number | undefined> = {
  visitor_id: (e) => e.identification?.visitor_id,
  high_recall_id: (e) => e.supplementary_id_high_recall?.visitor_id,
  linked_id: (e) => e.linked_id,
  url: (e) => e.url,
  bundle_id: (e) => e.bundle_id,
  package_name: (e) => e.package_name,
  vpn_confidence: (e) => e.vpn_confidence,
  rare_device_percentile_bucket: (e) => e.rare_device_percentile_bucket,
  sdk_version: (e) => e.sdk?.version,
  sdk_platform: (e) => e.sdk?.platform,
  proximity_id: (e) => e.proximity?.id,
  incremental_identification_status: (e) => e.incremental_identification_status,
  proximity_precision_radius: (e) => e.proximity?.precision_radius,
}

/** Array filters: the stored field must be one of the given values. */
const ANY_OF_FIELDS: Record<string, (e: MockEvent) => string | undefined> = {
  environment: (e) => e.environment_id,
  bot_info_category: (e) => e.bot_info?.category,
  bot_info_identity: (e) => e.bot_info?.identity,
  bot_info_confidence: (e) => e.bot_info?.confidence,
  bot_info_provider: (e) => e.bot_info?.provider,
  bot_info_name: (e) => e.bot_info?.name,
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

function ipPredicate(value: string): Predicate {
  const [address, prefixText, ...rest] = value.split('/')
  const family = isIP(address ?? '')
  const max = family === 6 ? 128 : 32
  const prefix = prefixText === undefined ? max : Number(prefixText)
  if (family === 0 || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new MockApiError(
      400,
      'request_cannot_be_parsed',
      `Invalid query parameter "ip_address": expected an IP address or a CIDR range (e.g. 10.0.0.0/24), got "${value}".`,
    )
  }
  const list = new BlockList()
  const type = family === 6 ? 'ipv6' : 'ipv4'
  list.addSubnet(address as string, prefix, type)
  return (e) => {
    const ip = e.ip_address
    const ipFamily = ip ? isIP(ip) : 0
    return (
      ipFamily !== 0 &&
      (ipFamily === 6 ? 'ipv6' : 'ipv4') === type &&
      list.check(ip as string, type)
    )
  }
}

/**
 * Builds the predicate for the filter parameters of a search (both versions use the same names).
 * Time range, ordering and paging are not filters and are handled by the caller.
 *
 * @param params - validated, typed query parameters
 * @returns a function telling whether an event matches every filter
 * @throws {MockApiError} 400 for a malformed `ip_address`
 * @internal
 */
export function buildSearchPredicate(params: Record<string, unknown>): Predicate {
  const tests: Predicate[] = []
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue
    const bool = BOOLEAN_FIELDS[name]
    if (bool) {
      tests.push((e) => {
        const field = bool(e)
        return field !== undefined && field === value
      })
      continue
    }
    const exact = EXACT_FIELDS[name]
    if (exact) {
      tests.push((e) => exact(e) === value)
      continue
    }
    const anyOf = ANY_OF_FIELDS[name]
    if (anyOf && Array.isArray(value)) {
      const allowed = new Set(value as unknown[])
      tests.push((e) => {
        const field = anyOf(e)
        return field !== undefined && allowed.has(field)
      })
      continue
    }
    switch (name) {
      case 'bot':
        tests.push((e) => {
          if (e.bot === undefined) return false
          if (value === 'all') return e.bot === 'good' || e.bot === 'bad'
          if (value === 'none') return e.bot === 'not_detected'
          return e.bot === value
        })
        break
      case 'bot_info':
        tests.push((e) => (value === 'all' ? e.bot_info !== undefined : e.bot_info === undefined))
        break
      case 'ip_address':
        tests.push(ipPredicate(String(value)))
        break
      case 'asn':
        tests.push((e) => e.ip_info?.v4?.asn === value || e.ip_info?.v6?.asn === value)
        break
      case 'origin':
        tests.push((e) => originOf(e.url) === value)
        break
      case 'min_suspect_score':
        tests.push((e) => e.suspect_score !== undefined && e.suspect_score >= (value as number))
        break
      case 'source':
        // The store holds device events only; `source=edge` asks for Edge events, of which there are none.
        if (Array.isArray(value) && value.includes('edge')) tests.push(() => false)
        break
      default:
        break
    }
  }
  return (e) => tests.every((t) => t(e))
}
