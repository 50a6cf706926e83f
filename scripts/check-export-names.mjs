#!/usr/bin/env node
/**
 * Checks a built package: every exported class and function is named as it is exported, in each
 * given entry file (ESM or CJS). Bundling renames a declaration that clashes with another of the
 * same name (`class _RequestError`, `function unseal2`), and that name then shows in stack traces
 * and `util.inspect` output.
 *
 * Usage (from a package directory, after the build): node ../../scripts/check-export-names.mjs dist/index.js dist/index.cjs
 */
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: check-export-names.mjs <entry file>...')
  process.exit(2)
}
let wrong = 0
for (const file of files) {
  const path = resolve(file)
  const exports = path.endsWith('.cjs') ? require(path) : await import(pathToFileURL(path).href)
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === 'function' && value.name !== name) {
      console.error(`${file}: export ${name} is named ${JSON.stringify(value.name)}`)
      wrong++
    }
  }
}
if (wrong > 0) process.exit(1)
console.log(`export names match in ${files.join(', ')}`)
