import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { compareStructure } from '../lib/structure.ts'

const fixtures = join(import.meta.dirname, 'fixtures', 'conformance')
const referenceFile = join(fixtures, 'reference.yaml')
const reference = parse(readFileSync(referenceFile, 'utf8')) as Doc
type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const lamp = (d: Doc) => d.components.schemas.Lamp
const getLamp = (d: Doc) => d.paths['/lamps/{lamp_id}'].get

const cases: { name: string; edit: (d: Doc) => void; want: { path: string; message: RegExp }[] }[] =
  [
    {
      name: 'changed type',
      edit: (d) => (lamp(d).properties.brightness.type = 'number'),
      want: [
        {
          path: '$.components.schemas.Lamp.properties.brightness.type',
          message: /reference "integer", spec "number"/,
        },
      ],
    },
    {
      name: 'missing path',
      edit: (d) => delete d.paths['/lamps/{lamp_id}'],
      want: [{ path: '$.paths["/lamps/{lamp_id}"]', message: /missing in spec/ }],
    },
    {
      name: 'extra path',
      edit: (d) => (d.paths['/bulbs'] = { get: { responses: {} } }),
      want: [{ path: '$.paths["/bulbs"]', message: /not in reference/ }],
    },
    {
      name: 'extra enum value',
      edit: (d) => lamp(d).properties.state.enum.push('dimmed'),
      want: [
        {
          path: '$.components.schemas.Lamp.properties.state.enum',
          message: /unexpected value "dimmed"/,
        },
      ],
    },
    {
      name: 'changed required list',
      edit: (d) => (lamp(d).required = ['id']),
      want: [{ path: '$.components.schemas.Lamp.required', message: /missing value "state"/ }],
    },
    {
      name: 'changed parameter style',
      edit: (d) => (getLamp(d).parameters[1].explode = true),
      want: [
        {
          path: '$.paths["/lamps/{lamp_id}"].get.parameters["query:fields"].explode',
          message: /reference false, spec true/,
        },
      ],
    },
    {
      name: 'missing constraint',
      edit: (d) => delete lamp(d).properties.brightness.maximum,
      want: [
        {
          path: '$.components.schemas.Lamp.properties.brightness.maximum',
          message: /missing in spec/,
        },
      ],
    },
    {
      name: 'a property named like a doc key is structure',
      edit: (d) => (lamp(d).properties.description = { type: 'string' }),
      want: [
        { path: '$.components.schemas.Lamp.properties.description', message: /not in reference/ },
      ],
    },
    {
      name: 'descriptions, summaries and examples differ',
      edit: (d) => (
        (lamp(d).description = 'mine'),
        (getLamp(d).summary = 'mine'),
        (lamp(d).properties.id.example = 'x')
      ),
      want: [],
    },
    {
      name: 'x- extensions added',
      edit: (d) => ((d['x-a'] = 1), (lamp(d)['x-b'] = { c: 1 })),
      want: [],
    },
    { name: 'info differs', edit: (d) => (d.info = { title: 'other', version: '9' }), want: [] },
  ]

describe('compareStructure', () => {
  it.each(cases)('$name', ({ edit, want }) => {
    const spec = structuredClone(reference)
    edit(spec)
    const found = compareStructure(reference, spec)
    expect(found).toHaveLength(want.length)
    for (const w of want)
      expect(found).toContainEqual({ path: w.path, message: expect.stringMatching(w.message) })
  })

  it('ignores key order, parameter order, set order, prose, examples and x- extensions', () => {
    const ours = parse(readFileSync(join(fixtures, 'equal-with-own-words.yaml'), 'utf8'))
    expect(compareStructure(reference, ours)).toEqual([])
  })
})

describe('pnpm spec:conformance (CLI)', () => {
  const root = join(import.meta.dirname, '..', '..')
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'spec-conformance.ts'), ...args],
      { cwd: root, encoding: 'utf8' },
    )

  it('exits 0 and says so when the structure is equal', () => {
    const out = run(referenceFile, join(fixtures, 'equal-with-own-words.yaml'))
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('structurally equal')
  })
  it('exits 1 with one line per difference, each with its JSON path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
    const spec = structuredClone(reference)
    lamp(spec).properties.state.enum.push('dimmed')
    delete lamp(spec).properties.brightness
    writeFileSync(join(dir, 'spec.yaml'), stringify(spec))
    const out = run(referenceFile, join(dir, 'spec.yaml'))
    expect(out.status).toBe(1)
    const lines = out.stdout.trim().split('\n')
    expect(lines).toContain(
      '$.components.schemas.Lamp.properties.brightness: missing in spec (reference has {"type":"integer","minimum":0,"maximum":100})',
    )
    expect(lines).toContain(
      '$.components.schemas.Lamp.properties.state.enum: unexpected value "dimmed"',
    )
    expect(lines.at(-1)).toMatch(/2 structural difference\(s\)/)
  })
  it('exits 2 on bad usage and on an unreadable or non-OpenAPI file, naming it', () => {
    expect(run(referenceFile).status).toBe(2)
    const missing = run(referenceFile, join(fixtures, 'nope.yaml'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('nope.yaml')
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
    writeFileSync(join(dir, 'bad.yaml'), 'swagger: "2.0"\npaths: {}\n')
    const bad = run(referenceFile, join(dir, 'bad.yaml'))
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/bad\.yaml:1:1: missing or unsupported `openapi` version/)
  })
})
