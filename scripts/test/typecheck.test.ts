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

// The render worker is plain JavaScript (it runs without tsx); its JSDoc types are checked here.
it('scripts/lib/render-worker.mjs type-checks (checkJs)', () => {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  const out = spawnSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--allowJs',
      '--checkJs',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--types',
      'node',
      '--skipLibCheck',
      join(repoRoot, 'scripts', 'lib', 'render-worker.mjs'),
    ],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  expect(`${out.stdout}${out.stderr}`).toBe('')
  expect(out.status).toBe(0)
})
