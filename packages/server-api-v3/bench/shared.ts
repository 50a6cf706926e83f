/// <reference types="node" />
/**
 * Shared pieces of the benchmarks. Every benchmark loads the BUILT package (`dist/`), never the
 * sources, so the numbers describe what users install. Run `pnpm --filter @fpapi/server-api-v3 bench`.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const distEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url))

if (!existsSync(distEntry)) {
  throw new Error('dist/ is missing: run `pnpm --filter @fpapi/server-api-v3 build` first')
}

/** The body every fake answers with: one identification event, about 1 KB of JSON. */
export const eventBody = JSON.stringify({
  products: {
    identification: {
      data: {
        visitorId: 'benchVisitor01',
        requestId: '1760000000000.bench1',
        browserDetails: {
          browserName: 'Firefox',
          browserMajorVersion: '131',
          browserFullVersion: '131.0',
          os: 'Linux',
          osVersion: '6',
          device: 'Other',
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
        },
        incognito: false,
        ip: '192.0.2.1',
        timestamp: 1760000000000,
        time: '2025-10-09T08:53:20.000Z',
        url: 'https://shop.example/checkout',
        tag: {},
        visitorFound: true,
        firstSeenAt: {
          global: '2025-01-01T00:00:00.000Z',
          subscription: '2025-01-01T00:00:00.000Z',
        },
        lastSeenAt: { global: null, subscription: null },
        replayed: false,
      },
    },
    botd: {
      data: {
        bot: { result: 'notDetected' },
        url: 'https://shop.example/checkout',
        ip: '192.0.2.1',
        time: '2025-10-09T08:53:20.000Z',
        userAgent: 'x',
        requestId: '1760000000000.bench1',
      },
    },
  },
})

export const API_KEY = 'bench_secret_key'
export const REQUEST_ID = '1760000000000.bench1'

/** Formats a number with thousands separators and a fixed number of decimals. */
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Prints a markdown table. */
export function printTable(title: string, header: string[], rows: (string | number)[][]) {
  console.log(`\n### ${title}\n`)
  console.log(`| ${header.join(' | ')} |`)
  console.log(`|${header.map(() => '---').join('|')}|`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}
