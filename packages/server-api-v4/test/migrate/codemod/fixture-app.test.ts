/// <reference types="node" />
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMigrateCli } from '../../../src/migrate/codemod/cli'
import { capture, materialize, read } from './helpers'

describe('fpapi-migrate on a v3 code base (test/migrate/fixtures/v3-app)', () => {
  let dir: string
  beforeAll(async () => {
    dir = await materialize('v3-app')
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('dry run prints a unified diff and the report, and writes nothing', async () => {
    const before = await read(dir, 'src/client.ts')
    const { io, out } = capture()
    expect(await runMigrateCli([dir], io)).toBe(0)
    const text = out.join('')
    expect(text).toContain(`--- a/${dir}/src/client.ts`)
    expect(text).toContain(`+++ b/${dir}/src/client.ts`)
    expect(text).toMatch(/^-export const client = new FingerprintJsServerApiClient\(\{$/m)
    expect(text).toMatch(/^\+export const client = new FingerprintServerApiClient\(\{$/m)
    expect(text).toContain('3 file(s) scanned, 3 would change (dry run: pass --write to apply)')
    expect(await read(dir, 'src/client.ts')).toBe(before)
  })

  it('skips node_modules and dist', async () => {
    const { io, out } = capture()
    await runMigrateCli([dir], io)
    expect(out.join('')).not.toMatch(/node_modules|dist\//)
  })

  it('lists every skipped place as path:line: what to do', async () => {
    const { io, out } = capture()
    await runMigrateCli([dir], io)
    const report = out
      .join('')
      .split('\n')
      .filter((l) => l.startsWith(dir))
      .map((l) => l.slice(dir.length + 1))
    const where = report.map((l) => l.split(': ')[0])
    expect(where).toEqual(
      expect.arrayContaining([
        'src/client.ts:10', // authenticationMode removed
        'src/events.ts:1', // VisitorsResponse kept on v3
        'src/events.ts:17', // products.identification.data as a whole
        'src/events.ts:22', // bot.result enum
        'src/events.ts:46', // updateEvent(body, id) with a variable
        'src/events.ts:50', // getVisits
        'src/events.ts:54', // getRelatedVisitors
        'src/events.ts:58', // datacenter filter, inclusive start
        'src/lib/legacy.js:5', // authenticationMode removed
      ]),
    )
    for (const line of report) expect(line).toMatch(/^[\w/.-]+:\d+: \S.+/)
  })

  it('--write applies the changes, and a second run changes nothing', async () => {
    const first = capture()
    expect(await runMigrateCli([dir, '--write'], first.io)).toBe(0)
    expect(first.out.join('')).toContain(`updated ${dir}/src/events.ts`)
    const events = await read(dir, 'src/events.ts')
    expect(events).toContain(`import { RequestError, type Event } from '@fpapi/server-api-v4'`)
    expect(events).toContain('visitorId: event.identification?.visitor_id,')
    expect(events).toContain(
      'await client.updateEvent(requestId, { linked_id: orderId, tags: extra, suspect: false })',
    )
    expect(events).toContain('next: page.pagination_key')
    expect(await read(dir, 'src/lib/legacy.js')).toContain("case 'too_many_requests':")
    expect(await read(dir, 'node_modules/some-dep/index.ts')).toContain(
      'FingerprintJsServerApiClient',
    )
    expect(await read(dir, 'dist/out.js')).toContain('@fpapi/server-api-v3')

    const second = capture()
    expect(await runMigrateCli([dir], second.io)).toBe(0)
    expect(second.out.join('')).toContain('3 file(s) scanned, 0 would change')
    expect(second.out.join('')).not.toContain('+++')
  })

  it('rejects bad usage with exit code 2', async () => {
    const { io, err } = capture()
    expect(await runMigrateCli([], io)).toBe(2)
    expect(await runMigrateCli([dir, '--force'], io)).toBe(2)
    expect(err.join('')).toContain('unknown option --force')
  })
})
