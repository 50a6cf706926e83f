/// <reference types="node" />
/**
 * Cold import time: a fresh `node` process imports the package and reports how long the import took.
 * Median of several runs, for this package's dist and the official v6 SDK.
 */
import { execFileSync } from 'node:child_process'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { distEntry, fmt, printTable } from './shared'

const officialEntry = fileURLToPath(
  import.meta.resolve('@fingerprintjs/fingerprintjs-pro-server-api'),
)

function coldImportMs(entry: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(entry).href)}); console.log(performance.now() - t)`
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    }).trim(),
  )
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function runColdImport(runs = 11) {
  const entries = [
    ['@fpapi/server-api-v3', distEntry],
    ['official v6 SDK', officialEntry],
  ] as const
  for (const [, entry] of entries) coldImportMs(entry) // warm the file system cache
  // Alternate the packages run by run, so that load on the machine hits both alike.
  const times = new Map<string, number[]>(entries.map(([name]) => [name, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, entry] of entries) times.get(name)!.push(coldImportMs(entry))
  }
  const rows = entries.map(([name]) => [name, fmt(median(times.get(name)!), 1)])
  printTable(
    `Cold import (median of ${runs} fresh processes each, alternated)`,
    ['package', 'ms'],
    rows,
  )
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runColdImport()
