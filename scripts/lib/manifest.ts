import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One generated file: `types` is the openapi-typescript path map, `document` the spec as a typed constant. */
export interface ManifestOutput {
  kind: 'types' | 'document'
  file: string
}

/** One spec and the files (and package) it feeds. */
export interface ManifestEntry {
  api: string
  spec: string
  package: string
  outputs: ManifestOutput[]
}

/** The repository root (the folder that holds `specs/`). */
export const repoRoot = join(import.meta.dirname, '..', '..')

/** Reads `specs/manifest.json`. */
export function readManifest(root = repoRoot): ManifestEntry[] {
  const raw = JSON.parse(readFileSync(join(root, 'specs', 'manifest.json'), 'utf8')) as {
    specs: ManifestEntry[]
  }
  return raw.specs
}
