/// <reference types="node" />
/**
 * Shared pieces of the v4 benchmarks. They load the BUILT package (`dist/`), never the sources, so
 * the numbers describe what users install. Run `pnpm --filter @fpapi/server-api-v4 bench`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))
export const officialEntry = fileURLToPath(import.meta.resolve('@fingerprint/node-sdk'))
export const openapiFetchEntry = fileURLToPath(import.meta.resolve('openapi-fetch'))

if (!existsSync(distEntry)) {
  throw new Error('dist/ is missing: run `pnpm --filter @fpapi/server-api-v4 build` first')
}

/** The answer of every fake: one v4 event, about 1 KB of JSON. */
export const eventJson = JSON.stringify({
  event_id: '1760000000000.bench1',
  timestamp: 1760000000000,
  url: 'https://shop.example/checkout',
  ip_address: '192.0.2.1',
  identification: {
    visitor_id: 'benchVisitor0001',
    confidence: { score: 0.99, version: '1.1' },
    visitor_found: true,
    first_seen_at: 1700000000000,
    last_seen_at: 1759990000000,
  },
  browser_details: {
    browser_name: 'Firefox',
    browser_major_version: '131',
    browser_full_version: '131.0',
    os: 'Linux',
    os_version: '6',
    device: 'Other',
  },
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
  bot: 'not_detected',
  incognito: false,
  vpn: false,
  proxy: false,
  tampering: false,
  suspect_score: 0,
  ip_info: {
    v4: {
      address: '192.0.2.1',
      geolocation: { city_name: 'Prague', country_code: 'CZ' },
      asn: '64500',
    },
  },
  tags: {},
})

/** Markdown table to stdout. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n### ${title}\n`)
  console.log(`| ${header.join(' | ')} |`)
  console.log(`| ${header.map(() => '---').join(' | ')} |`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
