import { toV3Event } from './to-v3-event'
import { isoMillis, isoSeconds } from './time-format'
import type { V3Webhook, V4Event } from './types'

const seenAt = (ms: number | undefined) => {
  const value = ms === undefined ? null : isoSeconds(ms)
  return { global: value, subscription: value }
}

/**
 * Rebuilds the v3 webhook body (the flat "legacy payload") from a v4 webhook body, which is a v4
 * `Event`. Identification fields sit at the top level and each Smart Signal is its product's
 * `data` without the wrapper (`tor.result`, `vpn.result`, `bot.result`, ...), with the same
 * transforms and defaults as {@link toV3Event}. Differences from the v3 event shape: `time` keeps
 * milliseconds (as v3 webhooks did), `userAgent` and `clientReferrer` are top-level, and
 * `supplementaryIds.highRecall` comes from v4 `supplementary_id_high_recall`. `supplementaryIds.standard`
 * has no v4 field and repeats the main identification (an inference). `sdk`, required in v3, is
 * `{ platform: 'unknown', version: '' }` when v4 sent none.
 *
 * @param event - the parsed body of a v4 webhook
 * @returns the v3 webhook body
 * @throws TypeError when `event` is not an object with a string `event_id` and a numeric `timestamp`
 * @example
 * ```ts
 * const legacy = toV3Webhook((await request.json()) as Event)
 * handleV3Webhook(legacy)
 * ```
 */
export function toV3Webhook(event: V4Event): V3Webhook {
  const { products: p } = toV3Event(event)
  const id = p.identification!.data!
  const hr = event.supplementary_id_high_recall
  const supplementary = (
    source:
      NonNullable<V4Event['identification']> | NonNullable<V4Event['supplementary_id_high_recall']>,
  ) => ({
    visitorId: source.visitor_id,
    visitorFound: source.visitor_found,
    ...(source.confidence !== undefined && {
      confidence: {
        score: source.confidence.score,
        ...(source.confidence.version !== undefined && { revision: source.confidence.version }),
        ...(source.confidence.comment !== undefined && { comment: source.confidence.comment }),
      },
    }),
    firstSeenAt: seenAt(source.first_seen_at),
    lastSeenAt: seenAt(source.last_seen_at),
  })
  const webhook: V3Webhook = {
    requestId: id.requestId,
    url: id.url,
    ip: id.ip,
    environmentId: id.environmentId,
    tag: id.tag,
    time: isoMillis(event.timestamp),
    timestamp: event.timestamp,
    linkedId: id.linkedId,
    ...(event.identification !== undefined && {
      visitorId: id.visitorId,
      visitorFound: id.visitorFound,
    }),
    confidence: id.confidence,
    firstSeenAt: id.firstSeenAt,
    lastSeenAt: id.lastSeenAt,
    browserDetails: id.browserDetails,
    incognito: id.incognito,
    clientReferrer: event.client_referrer,
    components: id.components,
    bot: p.botd?.data?.bot,
    userAgent: event.user_agent,
    rootApps: p.rootApps?.data,
    emulator: p.emulator?.data,
    ipInfo: p.ipInfo?.data,
    ipBlocklist: p.ipBlocklist?.data,
    tor: p.tor?.data,
    vpn: p.vpn?.data,
    proxy: p.proxy?.data,
    tampering: p.tampering?.data,
    clonedApp: p.clonedApp?.data,
    factoryReset: p.factoryReset?.data,
    jailbroken: p.jailbroken?.data,
    frida: p.frida?.data,
    privacySettings: p.privacySettings?.data,
    virtualMachine: p.virtualMachine?.data,
    rawDeviceAttributes: p.rawDeviceAttributes?.data,
    highActivity: p.highActivity?.data,
    locationSpoofing: p.locationSpoofing?.data,
    suspectScore: p.suspectScore?.data,
    velocity: p.velocity?.data,
    developerTools: p.developerTools?.data,
    mitmAttack: p.mitmAttack?.data,
    replayed: id.replayed,
    sdk: id.sdk ?? { platform: 'unknown', version: '' },
    ...((event.identification !== undefined || hr !== undefined) && {
      supplementaryIds: {
        standard: event.identification ? supplementary(event.identification) : {},
        highRecall: hr ? supplementary(hr) : {},
      },
    }),
    proximity: p.proximity?.data,
  }
  for (const key of Object.keys(webhook) as Array<keyof V3Webhook>) {
    if (webhook[key] === undefined) delete webhook[key]
  }
  return webhook
}
