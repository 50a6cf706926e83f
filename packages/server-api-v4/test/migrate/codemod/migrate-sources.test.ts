import { describe, expect, it } from 'vitest'
import { migrateSources } from '../../../src/migrate/codemod/migrate-sources'

const V3 = `import { FingerprintJsServerApiClient } from '@fingerprintjs/fingerprintjs-pro-server-api'\n`
const V4 = `import { FingerprintServerApiClient } from '@fpapi/server-api-v4'\n`

async function run(text: string, path = 'a.ts') {
  const first = await migrateSources([{ path, text }])
  const again = await migrateSources([{ path, text: first.files[0]!.after }])
  return {
    out: first.files[0]!.after,
    notes: first.notes.map((n) => `${n.line}: ${n.message}`),
    again: again.files[0]!,
  }
}

describe('migrateSources rewrites', () => {
  it.each([
    [
      'imports of the official v3 SDK and the class name',
      `${V3}new FingerprintJsServerApiClient({ apiKey: k })\n`,
      `${V4}new FingerprintServerApiClient({ apiKey: k })\n`,
    ],
    [
      'imports of @fpapi/server-api-v3, type renames, double quotes kept',
      `import type { EventsGetResponse, EventsUpdateRequest } from "@fpapi/server-api-v3";\nlet a: EventsGetResponse; let b: EventsUpdateRequest\n`,
      `import type { Event, EventUpdate } from "@fpapi/server-api-v4";\nlet a: Event; let b: EventUpdate\n`,
    ],
    [
      'an aliased import keeps its alias',
      `import { FingerprintJsServerApiClient as Fp } from '@fpapi/server-api-v3'\nnew Fp({ apiKey: k })\n`,
      `import { FingerprintServerApiClient as Fp } from '@fpapi/server-api-v4'\nnew Fp({ apiKey: k })\n`,
    ],
    [
      'a taken name becomes an alias instead of a rename',
      `import { type EventsGetResponse } from '@fpapi/server-api-v3'\nconst Event = 1\nlet e: EventsGetResponse\n`,
      `import { type Event as EventsGetResponse } from '@fpapi/server-api-v4'\nconst Event = 1\nlet e: EventsGetResponse\n`,
    ],
    [
      'authenticationMode is removed with its import',
      `import { FingerprintJsServerApiClient, AuthenticationMode, Region } from '@fpapi/server-api-v3'\nnew FingerprintJsServerApiClient({ apiKey: k, authenticationMode: AuthenticationMode.QueryParameter, region: Region.EU })\n`,
      `import { FingerprintServerApiClient, Region } from '@fpapi/server-api-v4'\nnew FingerprintServerApiClient({ apiKey: k, region: Region.EU })\n`,
    ],
    [
      'require() with destructuring',
      `const { FingerprintJsServerApiClient: C, Region } = require('@fingerprintjs/fingerprintjs-pro-server-api')\n`,
      `const { FingerprintServerApiClient: C, Region } = require('@fpapi/server-api-v4')\n`,
    ],
    [
      'a destructured dynamic import',
      `const { FingerprintJsServerApiClient } = await import('@fingerprintjs/fingerprintjs-pro-server-api')\nnew FingerprintJsServerApiClient({ apiKey: k })\n`,
      `const { FingerprintServerApiClient } = await import('@fpapi/server-api-v4')\nnew FingerprintServerApiClient({ apiKey: k })\n`,
    ],
    [
      'namespace imports',
      `import * as fp from '@fpapi/server-api-v3'\nnew fp.FingerprintJsServerApiClient({ apiKey: k, authenticationMode: 'AuthHeader' })\nlet e: fp.EventsGetResponse\n`,
      `import * as fp from '@fpapi/server-api-v4'\nnew fp.FingerprintServerApiClient({ apiKey: k })\nlet e: fp.Event\n`,
    ],
    [
      're-exports keep their public name',
      `export { FingerprintJsServerApiClient, Region } from '@fpapi/server-api-v3'\n`,
      `export { FingerprintServerApiClient as FingerprintJsServerApiClient, Region } from '@fpapi/server-api-v4'\n`,
    ],
    [
      'updateEvent with a literal body: order swapped, keys renamed, shorthand expanded',
      `await c.updateEvent({ linkedId, tag: { a: 1 }, 'suspect': true }, requestId)\n`,
      `await c.updateEvent(requestId, { linked_id: linkedId, tags: { a: 1 }, 'suspect': true })\n`,
    ],
    [
      'optional reads keep optional chaining',
      `const v = e.products.identification?.data?.visitorId\n`,
      `const v = e.identification?.visitor_id\n`,
    ],
    [
      'non-null reads keep the assertion style',
      `const v = e.products.vpn!.data!.methods.publicVPN\n`,
      `const v = e.vpn_methods!.public_vpn\n`,
    ],
    [
      'plain reads stay plain (JS)',
      `const v = e.products.identification.data.visitorId\n`,
      `const v = e.identification.visitor_id\n`,
    ],
    [
      'velocity intervals use bracket access',
      `const n = e.products.velocity?.data?.distinctCountry.intervals?.['24h']\n`,
      `const n = e.velocity?.distinct_country?.['24_hours']\n`,
    ],
    [
      'array items keep their index',
      `const s = e.products.ipInfo?.data?.v6?.geolocation.subdivisions?.[i]?.name\n`,
      `const s = e.ip_info?.v6?.geolocation?.subdivisions?.[i]?.name\n`,
    ],
    [
      'a read continuing past the leaf gets the same chaining',
      `const n = e.products.identification?.data?.tag.cart\n`,
      `const n = e.tags?.cart\n`,
    ],
    [
      'raw attributes with a known key',
      `const d = e.products.rawDeviceAttributes?.data?.colorDepth?.value\n`,
      `const d = e.raw_device_attributes?.color_depth\n`,
    ],
    [
      'paginationKey of a searchEvents result',
      `${V3}const page = await c.searchEvents({ limit: 1 })\nnext(page.paginationKey, (await c.searchEvents(f)).paginationKey)\n`,
      `${V4}const page = await c.searchEvents({ limit: 1 })\nnext(page.pagination_key, (await c.searchEvents(f)).pagination_key)\n`,
    ],
    [
      'bot result compared with a literal: read and literal together',
      `if (e.products.botd?.data?.bot.result === 'notDetected' || 'bad' == e.products.botd!.data!.bot.result) {}\n`,
      `if (e.bot === 'not_detected' || 'bad' == e.bot) {}\n`,
    ],
    [
      'v3 error codes compared with errorCode',
      `if (err.errorCode === 'RequestNotFound' || "429 Too Many Requests" == err.errorCode) {}\n`,
      `if (err.errorCode === 'event_not_found' || "too_many_requests" == err.errorCode) {}\n`,
    ],
  ])('%s', async (_, given, want) => {
    const { out, again } = await run(given)
    expect(out).toBe(want)
    expect(again.changed).toBe(false)
  })

  it('leaves other string literals and other .products alone', async () => {
    const given = `const s = 'RequestNotFound'\nconst t = cart.products.length\n`
    const { out, notes } = await run(given)
    expect(out).toBe(given)
    expect(notes).toEqual([])
  })

  it('parses TSX and JSX', async () => {
    const given = `${V3}export const A = (p: { e: any }) => <b>{p.e.products.identification?.data?.visitorId}</b>\n`
    const { out } = await run(given, 'view.tsx')
    expect(out).toContain('<b>{p.e.identification?.visitor_id}</b>')
    expect(out).toContain(`from '@fpapi/server-api-v4'`)
  })
})

describe('migrateSources reports what it leaves alone', () => {
  it.each([
    [
      'bot result (enum spelling changed)',
      `x = e.products.botd?.data?.bot.result`,
      /`bot` and the value 'notDetected' is spelled 'not_detected'/,
    ],
    [
      'time (type changed)',
      `x = e.products.identification?.data?.time`,
      /Unix milliseconds: use new Date\(<event>.timestamp\)/,
    ],
    [
      'ipBlocklist result (derived)',
      `x = e.products.ipBlocklist?.data?.result`,
      /email_spam \|\| .*tor_node/,
    ],
    ['product errors', `x = e.products.vpn?.error?.code`, /v4 has no per-product errors/],
    [
      'ipLocation',
      `x = e.products.identification?.data?.ipLocation?.city?.name`,
      /has no v4 counterpart/,
    ],
    [
      'a product container',
      `const { result } = e.products.vpn!.data!`,
      /reads v3 `products.vpn.data`/,
    ],
    ['destructured products', `const { products } = e; x = products.vpn`, /through a variable/],
    ['writes', `e.products.identification!.data!.linkedId = 'x'`, /writes v3/],
    [
      'updateEvent with a variable body',
      `${V3}c.updateEvent(body, id)`,
      /updateEvent\(requestId, toV4Update\(body\)\)/,
    ],
    [
      'updateEvent with an unknown key',
      `c.updateEvent({ linkedId, other: 1 }, id)`,
      /unknown key `other`/,
    ],
    ['getVisits', `${V3}c.getVisits(id, { limit: 5 })`, /searchEvents\(\{ visitor_id/],
    [
      'iterateVisits',
      `${V3}for await (const v of c.iterateVisits(id)) {}`,
      /iterateEvents\(\{ visitor_id, start \}\)/,
    ],
    ['getRelatedVisitors', `${V3}c.getRelatedVisitors({ visitor_id: id })`, /removed in v4/],
    [
      'removed search filters',
      `${V3}c.searchEvents({ limit: 5, ip_blocklist: true })`,
      /filter `ip_blocklist` is gone/,
    ],
    [
      'search limit above 100',
      `${V3}c.searchEvents({ limit: 500 })`,
      /exceeds the v4 maximum of 100/,
    ],
    ['paginationKey', `${V3}next = page.paginationKey`, /pagination_key/],
    [
      'names v4 lacks',
      `import { VisitorsResponse, Region } from '@fpapi/server-api-v3'`,
      /VisitorsResponse has no v4 counterpart/,
    ],
    [
      'options that are not a literal',
      `${V3}new FingerprintJsServerApiClient(opts)`,
      /not an object literal/,
    ],
    [
      'AuthenticationMode used elsewhere',
      `import { AuthenticationMode } from '@fpapi/server-api-v3'\nconst m = AuthenticationMode.AuthHeader`,
      /AuthenticationMode is gone/,
    ],
  ])('%s', async (_, given, message) => {
    const { notes, again } = await run(`${given}\n`)
    expect(notes.join('\n')).toMatch(message)
    expect(again.changed).toBe(false)
  })

  it('keeps names v4 lacks on an import of the v3 package', async () => {
    const { out } = await run(`import { VisitorsResponse, Region } from '@fpapi/server-api-v3'\n`)
    expect(out).toBe(
      `import { Region } from '@fpapi/server-api-v4'\nimport { VisitorsResponse } from '@fpapi/server-api-v3'\n`,
    )
  })

  it('reports lines of the original file', async () => {
    const given = `${V3}\n\nconst a = e.products.identification?.data?.visitorId\nconst b = e.products.botd?.data?.bot.result\n`
    const { notes } = await run(given)
    expect(notes).toEqual([expect.stringMatching(/^5: `products.botd.data.bot.result`/)])
  })

  it('rejects bad input', async () => {
    await expect(migrateSources('x' as never)).rejects.toThrow(TypeError)
    await expect(migrateSources([{ path: 'a.ts' } as never])).rejects.toThrow('files[0] must be')
  })
})
