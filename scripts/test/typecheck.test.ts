import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { repoRoot } from './helpers/temp-repo.ts'

// The root `pnpm typecheck` covers the packages; the repo tooling has its own tsconfig (it imports `.ts` paths).
it('scripts type-check with scripts/tsconfig.json', () => {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  const out = spawnSync(process.execPath, [tsc, '-p', join(repoRoot, 'scripts', 'tsconfig.json')], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  expect(`${out.stdout}${out.stderr}`).toBe('')
  expect(out.status).toBe(0)
})
