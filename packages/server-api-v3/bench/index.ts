/// <reference types="node" />
/**
 * Runs every benchmark against the built package and prints markdown tables (the README's table
 * comes from this output). `pnpm --filter @fpapi/server-api-v3 bench` builds first.
 */
import { runBundle } from './bundle'
import { runColdImport } from './cold-import'
import { runLoopback } from './loopback'
import { runOverhead } from './overhead'

console.log(`node ${process.version}, ${new Date().toISOString()}`)
await runOverhead()
await runLoopback()
await runBundle()
await runColdImport()
