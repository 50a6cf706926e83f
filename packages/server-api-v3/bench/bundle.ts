/// <reference types="node" />
/**
 * Bundle size of a consumer that imports the client and calls getEvent, built by esbuild for the
 * neutral platform (as an edge worker would), minified, then gzipped. The official SDK imports
 * node:crypto, zlib and Buffer, so it only builds for node; its node build is reported instead.
 */
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { distEntry, fmt, packageDir, printTable } from './shared'

const officialEntry = fileURLToPath(
  import.meta.resolve('@fingerprintjs/fingerprintjs-pro-server-api'),
)

const consumer = (from: string) => `
import { FingerprintJsServerApiClient } from ${JSON.stringify(from)}
const client = new FingerprintJsServerApiClient({ apiKey: globalThis.API_KEY })
export default { fetch: async () => Response.json(await client.getEvent('r1')) }
`

async function size(from: string, platform: 'neutral' | 'node') {
  const result = await build({
    stdin: { contents: consumer(from), resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    // Resolve workspace packages through node_modules to their built dist, not tsconfig paths.
    tsconfigRaw: {},
  })
  const bytes = result.outputFiles[0]!.contents
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

export async function runBundle() {
  const rows: (string | number)[][] = []
  const ours = await size(distEntry, 'neutral')
  rows.push(['@fpapi/server-api-v3', 'neutral', fmt(ours.min), fmt(ours.gzip)])
  try {
    const neutral = await size(officialEntry, 'neutral')
    rows.push(['official v6 SDK', 'neutral', fmt(neutral.min), fmt(neutral.gzip)])
  } catch {
    rows.push(['official v6 SDK', 'neutral', 'fails (imports node built-ins)', '-'])
  }
  const node = await size(officialEntry, 'node')
  rows.push(['official v6 SDK', 'node', fmt(node.min), fmt(node.gzip)])
  printTable(
    'Consumer bundle (esbuild, minified)',
    ['client', 'platform', 'min bytes', 'min+gzip bytes'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runBundle()
