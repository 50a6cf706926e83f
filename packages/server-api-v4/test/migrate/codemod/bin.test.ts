/// <reference types="node" />
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { materialize, read } from './helpers'

const run = promisify(execFile)
const pkg = fileURLToPath(new URL('../../../', import.meta.url))
const built = existsSync(`${pkg}dist/migrate.js`)

// The bin loads the built entry (`@fpapi/server-api-v4/migrate` resolves to dist/ by self-reference);
// the root `pnpm test` builds first, a bare `vitest run` before any build skips this file.
describe.skipIf(!built)('bin/fpapi-migrate.mjs (built package)', () => {
  it('rewrites a folder with --write, then finds nothing to change', async () => {
    const dir = await materialize('v3-app')
    try {
      const bin = `${pkg}bin/fpapi-migrate.mjs`
      const first = await run(process.execPath, [bin, dir, '--write'])
      expect(first.stdout).toContain(`updated ${dir}/src/client.ts`)
      expect(await read(dir, 'src/client.ts')).toContain('new FingerprintServerApiClient({')
      const second = await run(process.execPath, [bin, dir])
      expect(second.stdout).toContain('3 file(s) scanned, 0 would change')
      await expect(run(process.execPath, [bin])).rejects.toMatchObject({ code: 2 })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
