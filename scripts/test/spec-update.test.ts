import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { runGenerate } from '../generate.ts'
import { assertSameApi, statedVersion } from '../lib/spec-update/api-identity.ts'
import { readSource, type FetchLike } from '../lib/spec-update/read-source.ts'
import { tscTypecheck, updateSpec } from '../lib/spec-update/update-spec.ts'
import { tempRepo } from './helpers/temp-repo.ts'

type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const PATHS = [
  'specs/manifest.json',
  'specs/server-api-v3.yaml',
  'specs/server-api-v4.yaml',
  'packages/server-api-v3/package.json',
  'packages/server-api-v4/package.json',
  'packages/mock-server/package.json',
  '.prettierrc.json',
  '.changeset/config.json',
]

/** Every file under `dir` with a hash of its bytes: equal snapshots mean `git status` could not tell a difference. */
function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir)
  return out
}

const okTypecheck = () => {}
const quietFetch: FetchLike = async () => {
  throw new Error('no network in tests')
}

describe('spec:update', () => {
  let repo: ReturnType<typeof tempRepo>
  let v4: Doc
  let v3Text: string
  const write = (name: string, text: string) => {
    const file = join(repo.root, 'incoming', name)
    writeFileSync(file, text)
    return file
  }

  beforeAll(async () => {
    repo = tempRepo(PATHS, 'fpapi-spec-update-')
    mkdirSync(join(repo.root, 'incoming'))
    expect((await runGenerate({ root: repo.root, log: () => {}, error: () => {} })).exitCode).toBe(
      0,
    )
    v4 = parse(readFileSync(join(repo.root, 'specs/server-api-v4.yaml'), 'utf8'))
    v3Text = readFileSync(join(repo.root, 'specs/server-api-v3.yaml'), 'utf8')
  }, 120_000)
  afterAll(() => repo.cleanup())

  const withNewField = () => {
    const doc = structuredClone(v4)
    const event = doc.components.schemas.Event
    event.properties.spec_update_probe = {
      type: 'string',
      description: 'added by the spec:update test',
    }
    return doc
  }

  describe('bad input leaves every file as it was', () => {
    const cases: {
      name: string
      source: () => string
      fetch?: FetchLike
      typecheck?: () => void
      api?: string
      error: RegExp
    }[] = [
      {
        name: 'unknown api',
        api: 'server-api-v9',
        source: () => write('x.yaml', stringify(v4)),
        error: /unknown api "server-api-v9"; expected one of: server-api-v3, server-api-v4/,
      },
      {
        name: 'missing file',
        source: () => join(repo.root, 'incoming', 'nope.yaml'),
        error: /cannot read .*nope\.yaml: no such file/,
      },
      {
        name: 'malformed YAML',
        source: () => write('bad.yaml', 'openapi: 3.1.0\npaths: [unclosed\n'),
        error: /bad\.yaml:\d+:\d+: /,
      },
      {
        name: 'not OpenAPI',
        source: () => write('swagger.yaml', 'swagger: "2.0"\npaths: {}\n'),
        error: /missing or unsupported `openapi` version/,
      },
      {
        name: 'the other API version (v3 description for v4)',
        source: () => write('v3.yaml', v3Text),
        error: /this description is for API v3 .*but server-api-v4 is v4/,
      },
      {
        name: 'download fails with HTTP 404',
        source: () => 'https://specs.example.test/missing.yaml',
        fetch: async () => ({
          ok: false,
          status: 404,
          statusText: 'Not Found',
          text: async () => '',
        }),
        error:
          /download of https:\/\/specs\.example\.test\/missing\.yaml failed: HTTP 404 Not Found/,
      },
      {
        name: 'download fails on the network',
        source: () => 'https://specs.example.test/down.yaml',
        fetch: async () => {
          throw new TypeError('fetch failed', {
            cause: new Error('getaddrinfo ENOTFOUND specs.example.test'),
          })
        },
        error:
          /download of https:\/\/specs\.example\.test\/down\.yaml failed: getaddrinfo ENOTFOUND/,
      },
      {
        name: 'generation fails (dangling $ref)',
        source: () => {
          const doc = withNewField()
          doc.components.schemas.Event.properties.spec_update_probe = {
            $ref: '#/components/schemas/DoesNotExist',
          }
          return write('dangling.yaml', stringify(doc))
        },
        error: /Can't resolve \$ref/,
      },
      {
        name: 'typecheck fails after regeneration',
        source: () => write('new-field.yaml', stringify(withNewField())),
        typecheck: () => {
          throw new Error('typecheck of packages/server-api-v4 failed: TS2339')
        },
        error: /typecheck of packages\/server-api-v4 failed/,
      },
    ]
    it.each(cases)('$name', async ({ source, fetch, typecheck, api, error }) => {
      const src = source()
      const before = snapshotTree(repo.root)
      await expect(
        updateSpec({
          root: repo.root,
          api: api ?? 'server-api-v4',
          source: src,
          fetch: fetch ?? quietFetch,
          typecheck: typecheck ?? okTypecheck,
        }),
      ).rejects.toThrow(error)
      expect(snapshotTree(repo.root)).toEqual(before)
    })
  })

  it('applies a changed description: spec, generated files, changeset; a second run changes nothing', async () => {
    const source = write('update.yaml', stringify(withNewField(), { indent: 4 }))
    const before = snapshotTree(repo.root)
    let checked: string | undefined
    const result = await updateSpec({
      root: repo.root,
      api: 'server-api-v4',
      source,
      typecheck: (dir) => void (checked = dir),
    })
    expect(checked).toBe('packages/server-api-v4')
    expect(result.changed).toBe(true)
    expect(result.diff.bump).toBe('minor')
    expect(result.diff.changes).toContainEqual(
      expect.objectContaining({
        kind: 'property-added',
        path: 'Event.spec_update_probe',
        class: 'additive',
      }),
    )
    expect(result.changeset).toMatch(/^\.changeset\/spec-server-api-v4-[0-9a-f]{8}\.md$/)
    // The new property arrives without upstream's words and is listed for us to describe.
    expect(result.undescribed).toEqual([expect.stringContaining('spec_update_probe')])

    const after = snapshotTree(repo.root)
    const changedFiles = Object.keys(after)
      .filter((f) => after[f] !== before[f])
      .sort()
    expect(changedFiles).toEqual(
      [
        'specs/server-api-v4.yaml',
        'packages/server-api-v4/src/generated/openapi.ts',
        'packages/mock-server/src/generated/server-api-v4.spec.ts',
        result.changeset!,
      ].sort(),
    )
    expect(
      readFileSync(join(repo.root, 'packages/server-api-v4/src/generated/openapi.ts'), 'utf8'),
    ).toContain('spec_update_probe?: string')
    const spec = readFileSync(join(repo.root, 'specs/server-api-v4.yaml'), 'utf8')
    expect(spec).toMatch(/^openapi: /)
    expect(spec).toMatch(/^paths:\n  \//m) // normalized to two-space indentation
    const changeset = readFileSync(join(repo.root, result.changeset!), 'utf8')
    expect(changeset).toMatch(
      /^---\n'@fpapi\/server-api-v4': minor\n'@fpapi\/mock-server': patch\n---\n/,
    )
    expect(changeset).toContain('`Event.spec_update_probe`: new optional response property')

    const again = await updateSpec({
      root: repo.root,
      api: 'server-api-v4',
      source,
      typecheck: okTypecheck,
    })
    expect(again.changed).toBe(false)
    expect(snapshotTree(repo.root)).toEqual(after)
  })

  it('downloads from a URL through the injected fetch; upstream rewording alone changes nothing', async () => {
    const doc = withNewField()
    doc.components.schemas.Event.properties.spec_update_probe.description =
      'reworded for the URL test'
    const urls: string[] = []
    const fetch: FetchLike = async (url) => {
      urls.push(url)
      return { ok: true, status: 200, statusText: 'OK', text: async () => stringify(doc) }
    }
    const before = snapshotTree(repo.root)
    const result = await updateSpec({
      root: repo.root,
      api: 'server-api-v4',
      source: 'https://specs.example.test/v4.yaml',
      fetch,
      typecheck: okTypecheck,
    })
    expect(urls).toEqual(['https://specs.example.test/v4.yaml'])
    // Our spec keeps its own words, so a description changed upstream is not a change here.
    expect(result.changed).toBe(false)
    expect(result.diff.bump).toBe('none')
    expect(result.changeset).toBeUndefined()
    expect(snapshotTree(repo.root)).toEqual(before)
  })

  it('writes no changeset when only formatting differs', async () => {
    const current = parse(readFileSync(join(repo.root, 'specs/server-api-v4.yaml'), 'utf8'))
    const source = write('same.json', JSON.stringify(current))
    const before = snapshotTree(repo.root)
    const result = await updateSpec({
      root: repo.root,
      api: 'server-api-v4',
      source,
      typecheck: okTypecheck,
    })
    expect(result.changed).toBe(false)
    expect(result.diff.bump).toBe('none')
    expect(snapshotTree(repo.root)).toEqual(before)
  })
})

describe('api identity', () => {
  const v4 = {
    info: { version: '4' },
    servers: [{ url: 'https://api.fpjs.io/v4' }],
    paths: { '/events/{event_id}': { get: {} }, '/events': { get: {} } },
  }
  const v3 = {
    info: { version: '3' },
    servers: [{ url: 'https://api.fpjs.io' }],
    paths: { '/events/{request_id}': { get: {} }, '/visitors/{visitor_id}': { get: {} } },
  }
  it.each([
    { given: { info: { version: '4.2.0' } }, want: { fromInfo: 4 } },
    {
      given: { info: { version: 'v3' }, servers: [{ url: 'https://eu.api.fpjs.io' }] },
      want: { fromInfo: 3 },
    },
    {
      given: { info: { version: 'draft' }, servers: [{ url: 'https://x.test/v4/' }] },
      want: { fromServers: 4 },
    },
  ])('statedVersion($given)', ({ given, want }) => expect(statedVersion(given)).toEqual(want))

  it('accepts a description stating the same version', () => {
    expect(() =>
      assertSameApi('server-api-v4', { ...v4, info: { version: '4.1' } }, v4, {
        'server-api-v3': v3,
      }),
    ).not.toThrow()
  })
  it('trusts server URLs over info.version', () => {
    expect(() =>
      assertSameApi('server-api-v4', { ...v4, info: { version: '3.0.0' } }, v4, {}),
    ).not.toThrow()
    expect(() =>
      assertSameApi('server-api-v4', { ...v3, servers: [{ url: 'https://api.test/v3' }] }, v4, {}),
    ).toThrow(/API v3 \(from its server URLs\)/)
  })
  it('falls back on the operations when no version is stated', () => {
    const unstated = (doc: Doc) => ({ paths: doc.paths })
    expect(() =>
      assertSameApi('server-api-v4', unstated(v4), v4, { 'server-api-v3': v3 }),
    ).not.toThrow()
    expect(() => assertSameApi('server-api-v4', unstated(v3), v4, { 'server-api-v3': v3 })).toThrow(
      /match server-api-v3 better/,
    )
  })
})

describe('readSource', () => {
  it('rejects an empty download body', async () => {
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      statusText: 'OK',
      text: async () => '  ',
    })
    await expect(readSource('https://x.test/a.yaml', { fetch })).rejects.toThrow(
      /returned an empty body/,
    )
  })
  it('names a directory passed as a file', async () => {
    await expect(readSource(import.meta.dirname)).rejects.toThrow(/it is a directory/)
  })
  it('rejects a missing source argument with a TypeError', async () => {
    await expect(readSource('')).rejects.toThrow(TypeError)
  })
})

describe('tscTypecheck (default typecheck step)', () => {
  it('throws with the compiler output when a package does not type-check', () => {
    const repo = tempRepo([], 'fpapi-tsc-')
    try {
      mkdirSync(join(repo.root, 'packages/broken/src'), { recursive: true })
      writeFileSync(
        join(repo.root, 'packages/broken/tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, noEmit: true, types: [] },
          include: ['src'],
        }),
      )
      writeFileSync(
        join(repo.root, 'packages/broken/src/index.ts'),
        'export const n: number = "not a number"\n',
      )
      expect(() => tscTypecheck('packages/broken', repo.root)).toThrow(
        /typecheck of packages\/broken failed:\n.*TS2322/,
      )
      writeFileSync(join(repo.root, 'packages/broken/src/index.ts'), 'export const n: number = 1\n')
      expect(() => tscTypecheck('packages/broken', repo.root)).not.toThrow()
    } finally {
      repo.cleanup()
    }
  })
})
