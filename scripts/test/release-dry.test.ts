import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publishablePackages } from '../lib/release-dry/publishable-packages.ts'
import { checkTarballFiles, type PackedFile } from '../lib/release-dry/tarball-contents.ts'
import { repoRoot, tempRepo } from './helpers/temp-repo.ts'

const map = (sources: string[], inline = false) =>
  JSON.stringify({
    version: 3,
    sources,
    ...(inline ? { sourcesContent: sources.map(() => 'x') } : {}),
    mappings: '',
  })

describe('checkTarballFiles', () => {
  const clean: PackedFile[] = [
    { path: 'package.json' },
    { path: 'README.md' },
    { path: 'dist/index.js', text: 'export {}\n' },
    { path: 'dist/index.d.ts' },
  ]
  it.each<{ name: string; given: PackedFile[]; want: RegExp[] }>([
    { name: 'a clean package', given: clean, want: [] },
    {
      name: 'a test file',
      given: [...clean, { path: 'dist/client.test.js', text: '' }],
      want: [/dist\/client\.test\.js: a test file/],
    },
    {
      name: 'a test folder',
      given: [...clean, { path: 'test/a.ts' }],
      want: [/test\/a\.ts: a test or benchmark folder/],
    },
    {
      name: 'fixtures',
      given: [...clean, { path: 'dist/fixtures/event.json' }],
      want: [/fixtures/],
    },
    {
      name: 'a spec file',
      given: [...clean, { path: 'specs/server-api-v4.yaml' }],
      want: [/API description/],
    },
    {
      name: 'TypeScript sources',
      given: [...clean, { path: 'src/index.ts' }],
      want: [/TypeScript source/],
    },
    {
      name: 'build config',
      given: [...clean, { path: 'tsconfig.build.json' }],
      want: [/build configuration/],
    },
    {
      name: 'a map pointing outside the package',
      given: [...clean, { path: 'dist/index.js.map', text: map(['../../../src/index.ts'], true) }],
      want: [/points outside the package/],
    },
    {
      name: 'a map with an absolute source path',
      given: [...clean, { path: 'dist/index.js.map', text: map(['/home/ci/src/index.ts'], true) }],
      want: [/absolute path/],
    },
    {
      name: 'a map whose source is not shipped nor inlined',
      given: [...clean, { path: 'dist/index.js.map', text: map(['../src/index.ts']) }],
      want: [/neither inlined nor in the tarball/],
    },
    {
      name: 'a map with inlined sources inside the package',
      given: [...clean, { path: 'dist/index.js.map', text: map(['../src/index.ts'], true) }],
      want: [],
    },
    {
      name: 'a broken map',
      given: [...clean, { path: 'dist/index.js.map', text: '{' }],
      want: [/not a valid source map/],
    },
    {
      name: 'a sourceMappingURL to a missing map',
      given: [
        ...clean.slice(0, 2),
        { path: 'dist/index.js', text: 'x\n//# sourceMappingURL=index.js.map\n' },
      ],
      want: [/names a file that is not in the tarball/],
    },
    {
      name: 'an inline data: source map',
      given: [
        ...clean.slice(0, 2),
        {
          path: 'dist/index.js',
          text: 'x\n//# sourceMappingURL=data:application/json;base64,e30=\n',
        },
      ],
      want: [],
    },
  ])('$name', ({ given, want }) => {
    const problems = checkTarballFiles(given)
    expect(problems).toHaveLength(want.length)
    want.forEach((w, i) => expect(problems[i]).toMatch(w))
  })
})

describe('publishablePackages', () => {
  it('skips private packages and orders dependencies first', () => {
    const repo = tempRepo([], 'fpapi-publishable-')
    try {
      const add = (dir: string, pkg: object) => {
        mkdirSync(join(repo.root, 'packages', dir), { recursive: true })
        writeFileSync(join(repo.root, 'packages', dir, 'package.json'), JSON.stringify(pkg))
      }
      add('a-client', {
        name: '@x/client',
        version: '1.0.0',
        exports: { '.': './i.js', './sub': './s.js', './package.json': './package.json' },
        dependencies: { '@x/core': 'workspace:*' },
      })
      add('b-core', { name: '@x/core', version: '1.0.0', exports: { '.': './i.js' } })
      add('c-private', { name: '@x/internal', version: '1.0.0', private: true })
      const found = publishablePackages(repo.root)
      expect(found.map((p) => p.name)).toEqual(['@x/core', '@x/client'])
      expect(found[1]).toMatchObject({
        dir: 'packages/a-client',
        entryPoints: ['.', './sub'],
        workspaceDependencies: ['@x/core'],
      })
    } finally {
      repo.cleanup()
    }
  })

  it('finds this repository’s publishable packages', () => {
    const names = publishablePackages(repoRoot).map((p) => p.name)
    expect(names).toContain('@fpapi/client-core')
    expect(names.indexOf('@fpapi/client-core')).toBeLessThan(names.indexOf('@fpapi/server-api-v4'))
  })
})

describe('pnpm release:dry', () => {
  it('builds, packs and installs every publishable package; ESM, CJS and TypeScript consumers work', () => {
    const out = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts', 'release-dry.ts')],
      { cwd: repoRoot, encoding: 'utf8', timeout: 900_000 },
    )
    const report = `${out.stdout}${out.stderr}`
    expect(report, report).toMatch(/release:dry: \d+ checks passed, 0 failed/)
    expect(out.status).toBe(0)
    for (const name of publishablePackages(repoRoot).map((p) => p.name)) {
      expect(report).toContain(`ok   contents ${name}`)
      expect(report).toContain(`ok   esm import ${name}`)
      expect(report).toContain(`ok   cjs require ${name}`)
    }
    expect(report).toContain('ok   typescript moduleResolution node16')
    expect(report).toContain('ok   typescript moduleResolution bundler')
  }, 900_000)
})
