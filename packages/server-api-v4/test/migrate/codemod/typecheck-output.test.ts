/// <reference types="node" />
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runMigrateCli } from '../../../src/migrate/codemod/cli'
import { migrateSources } from '../../../src/migrate/codemod/migrate-sources'
import { capture, fixtures, materialize, read } from './helpers'
import { typecheck } from './typecheck'

describe('fpapi-migrate output type-checks against @fpapi/server-api-v4 (test/migrate/fixtures/v3-clean)', () => {
  it('rewrites everything in a v3 module that uses only one-to-one features, with no report beyond notes', async () => {
    const text = await readFile(join(fixtures, 'v3-clean/service.ts.fixture'), 'utf8')
    const { files, notes } = await migrateSources([{ path: 'service.ts', text }])
    expect(notes.map((n) => n.line)).toEqual([13])
    expect(typecheck([{ path: 'service.ts', text: files[0]!.after }])).toEqual([])
    const again = await migrateSources([{ path: 'service.ts', text: files[0]!.after }])
    expect(again.files[0]!.changed).toBe(false)
  }, 60_000)

  it('the v3 app after --write type-checks except where the report points', async () => {
    const dir = await materialize('v3-app')
    try {
      await runMigrateCli([dir, '--write'], capture().io)
      const { notes } = await migrateSources([
        { path: 'src/events.ts', text: await read(dir, 'src/events.ts') },
      ])
      const errors = typecheck([
        { path: 'src/client.ts', text: await read(dir, 'src/client.ts') },
        { path: 'src/events.ts', text: await read(dir, 'src/events.ts') },
      ])
      const reported = new Set(notes.map((n) => `src/events.ts:${n.line}`))
      for (const error of errors) expect(reported, error).toContain(error.split(': ')[0])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
