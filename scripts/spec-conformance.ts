/**
 * `pnpm spec:conformance <reference.yaml> <spec.yaml>`: prints one line per structural difference between
 * a reference description and our spec (prose, examples, x- extensions and key order ignored) and exits 1
 * when there is any.
 */
import { loadSpec, SpecLoadError } from './lib/load-spec.ts'
import { compareStructure } from './lib/structure.ts'

const [referenceFile, specFile] = process.argv.slice(2)
if (!referenceFile || !specFile) {
  console.error('usage: pnpm spec:conformance <reference.yaml> <spec.yaml>')
  process.exit(2)
}
try {
  const differences = compareStructure(loadSpec(referenceFile), loadSpec(specFile))
  for (const d of differences) console.log(`${d.path}: ${d.message}`)
  console.log(
    differences.length === 0
      ? `${specFile}: structurally equal to ${referenceFile}`
      : `${specFile}: ${differences.length} structural difference(s) from ${referenceFile}`,
  )
  process.exit(differences.length === 0 ? 0 : 1)
} catch (error) {
  if (error instanceof SpecLoadError) {
    console.error(error.message)
    process.exit(2)
  }
  throw error
}
