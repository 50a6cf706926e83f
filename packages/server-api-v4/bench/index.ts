/// <reference types="node" />
/**
 * Runs every v4 benchmark against the built package and prints markdown tables (the README table
 * comes from this output). Bounded: each part has a fixed time or request count.
 */
import { runBundle } from './bundle'
import { runColdImport } from './cold-import'
import { runLoopback } from './loopback'
import { runOverhead } from './overhead'

console.log(
  `node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString()}`,
)
await runOverhead()
await runLoopback()
await runBundle()
await runColdImport()
