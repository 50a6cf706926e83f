import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** The real repository root (tests only read from it). */
export const repoRoot = join(import.meta.dirname, '..', '..', '..')

/**
 * Copies the given repository paths into a fresh temporary directory that can serve as a `root` for the scripts.
 * Returns the directory and a cleanup function.
 */
export function tempRepo(
  paths: string[],
  prefix = 'fpapi-scripts-',
): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix))
  for (const p of paths) {
    mkdirSync(dirname(join(root, p)), { recursive: true })
    cpSync(join(repoRoot, p), join(root, p), { recursive: true })
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}
