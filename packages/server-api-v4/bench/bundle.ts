/// <reference types="node" />
/**
 * Bundle size of a consumer that imports the client and calls getEvent, built by esbuild
 * (minified, ESM) and gzipped. Ours for the neutral platform, as an edge worker would build it; the
 * official SDK imports node:crypto, zlib and buffer, so it is also built for node.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { distEntry, fmt, officialEntry, openapiFetchEntry, packageDir, printTable } from './shared'

const consumer = (from: string, name = 'FingerprintServerApiClient') => `
import { ${name} } from ${JSON.stringify(from)}
const client = new ${name}({ apiKey: globalThis.API_KEY })
export default { fetch: async () => Response.json(await client.getEvent('ev1')) }
`

async function size(contents: string, platform: 'neutral' | 'node') {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    metafile: true,
    // Resolve workspace packages through node_modules to their built dist, not tsconfig paths.
    tsconfigRaw: {},
  })
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

export async function runBundle() {
  const rows: (string | number)[][] = []
  const ours = await size(consumer(distEntry), 'neutral')
  rows.push(['@fpapi/server-api-v4', 'neutral', fmt(ours.min), fmt(ours.gzip)])
  const openapi = await size(
    `import createClient from ${JSON.stringify(openapiFetchEntry)}
const c = createClient({ baseUrl: 'https://api.fpjs.io/v4' })
export default { fetch: async () => Response.json((await c.GET('/events/{event_id}', { params: { path: { event_id: 'ev1' } } })).data) }`,
    'neutral',
  )
  rows.push([
    'openapi-fetch alone (for comparison)',
    'neutral',
    fmt(openapi.min),
    fmt(openapi.gzip),
  ])
  try {
    const neutral = await size(consumer(officialEntry), 'neutral')
    rows.push(['@fingerprint/node-sdk 7.7.1', 'neutral', fmt(neutral.min), fmt(neutral.gzip)])
  } catch {
    rows.push(['@fingerprint/node-sdk 7.7.1', 'neutral', 'fails (node built-ins)', '-'])
  }
  const node = await size(consumer(officialEntry), 'node')
  rows.push(['@fingerprint/node-sdk 7.7.1', 'node', fmt(node.min), fmt(node.gzip)])
  printTable(
    'Consumer bundle: import the client, call getEvent (esbuild, minified)',
    ['client', 'platform', 'min bytes', 'min+gzip bytes'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runBundle()
