/// <reference types="node" />
/**
 * Cold import time: a fresh `node` process imports the package and prints how long the import
 * took. Median of several runs each, ours (dist) and the official SDK.
 */
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { distEntry, fmt, median, officialEntry, printTable } from './shared'

function coldImportMs(entry: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(entry).href)}); console.log(performance.now() - t)`
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    }).trim(),
  )
}

export async function runColdImport(runs = 15) {
  const rows: (string | number)[][] = []
  const entries = [
    ['@fpapi/server-api-v4', distEntry],
    ['@fingerprint/node-sdk 7.7.1', officialEntry],
  ] as const
  const times = entries.map((): number[] => [])
  for (const [, entry] of entries) coldImportMs(entry) // warm the file system cache
  // Interleaved, so that load on the machine affects both alike.
  for (let i = 0; i < runs; i++)
    entries.forEach(([, entry], j) => times[j]?.push(coldImportMs(entry)))
  entries.forEach(([name], j) => rows.push([name, fmt(median(times[j] ?? []), 1)]))
  printTable(`Cold import (median of ${runs} fresh processes)`, ['package', 'ms'], rows)
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) await runColdImport()
