import type { V3CompatClient } from '@fpapi/server-api-v4/migrate'

/** The v3 calls the program makes: both the v3 client and the compat client have them. */
export type V3Like = Pick<
  V3CompatClient,
  'getEvent' | 'updateEvent' | 'searchEvents' | 'getVisits' | 'deleteVisitorData'
>

const show = (v: unknown) => (v === undefined ? '-' : JSON.stringify(v))

/**
 * A v3 program written against the v3 client: reads events, labels one, searches, reads a visit
 * history, and reports errors by their v3 codes. It prints one line per fact.
 */
export async function runV3Program(
  client: V3Like,
  requestIds: string[],
  visitorId: string,
): Promise<string[]> {
  const out: string[] = []
  for (const id of requestIds) {
    const { products } = await client.getEvent(id)
    const d = products.identification?.data
    out.push(
      [
        `event ${show(d?.requestId)} visitor=${show(d?.visitorId)} found=${show(d?.visitorFound)}`,
        `time=${show(d?.time)} ts=${show(d?.timestamp)} ip=${show(d?.ip)} url=${show(d?.url)}`,
        `firstSeen=${show(d?.firstSeenAt)} lastSeen=${show(d?.lastSeenAt)} components=${show(d?.components)}`,
        `botdTime=${show(products.botd?.data?.time)} proxyDetails=${show(products.proxy?.data?.details)}`,
        `factoryReset=${show(products.factoryReset?.data)} raw=${show(products.rawDeviceAttributes?.data)}`,
        `linked=${show(d?.linkedId)} tag=${show(d?.tag)} incognito=${show(d?.incognito)} replayed=${show(d?.replayed)}`,
        `browser=${show(d?.browserDetails)} conf=${show(d?.confidence)} sdk=${show(d?.sdk)} suspect=${show(d?.suspect)}`,
        `bot=${show(products.botd?.data?.bot)} vpn=${show(products.vpn?.data)} proxy=${show(products.proxy?.data?.result)}`,
        `tor=${show(products.tor?.data?.result)} blocklist=${show(products.ipBlocklist?.data)} tampering=${show(products.tampering?.data)}`,
        `incog=${show(products.incognito?.data?.result)} vm=${show(products.virtualMachine?.data?.result)} score=${show(products.suspectScore?.data?.result)}`,
        `ipv4=${show(products.ipInfo?.data?.v4)} velocity=${show(products.velocity?.data)}`,
        `root=${show(products.rootApps?.data?.result)} emulator=${show(products.emulator?.data?.result)} proximity=${show(products.proximity?.data)}`,
        `highActivity=${show(products.highActivity?.data?.result)} devtools=${show(products.developerTools?.data?.result)} privacy=${show(products.privacySettings?.data?.result)}`,
      ].join('\n  '),
    )
  }

  const first = requestIds[0]!
  await client.updateEvent({ linkedId: 'order-991', tag: { reviewed: true } }, first)
  const updated = await client.getEvent(first)
  out.push(
    `updated linked=${show(updated.products.identification?.data?.linkedId)} tag=${show(updated.products.identification?.data?.tag)}`,
  )

  const search = await client.searchEvents({ limit: 5, visitor_id: visitorId })
  out.push(
    `search ${search.events?.map((e) => e.products.identification?.data?.requestId).join(',')}`,
  )

  const visits = await client.getVisits(visitorId, { limit: 3 })
  out.push(
    `visits of ${visits.visitorId}: ${visits.visits.map((v) => `${v.requestId}@${v.time}`).join(', ')}`,
  )

  try {
    await client.getEvent('1700000000000.nothere')
  } catch (error) {
    const e = error as { statusCode?: number; errorCode?: string; name?: string }
    out.push(`missing event -> ${e.name} ${e.statusCode} ${e.errorCode}`)
  }
  return out
}
