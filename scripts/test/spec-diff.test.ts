import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { bumpFor, diffSpecs, renderMarkdown, type SpecChange } from '../lib/spec-diff/index.ts'

const fixtures = join(import.meta.dirname, 'fixtures', 'spec-diff')
const base = parse(readFileSync(join(fixtures, 'base.yaml'), 'utf8')) as Doc
type Doc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const item = (d: Doc) => d.components.schemas.Item
const getItem = (d: Doc) => d.paths['/items/{item_id}'].get
const listItems = (d: Doc) => d.paths['/items'].get

interface Case {
  name: string
  edit: (doc: Doc) => void
  want: Partial<SpecChange>[]
  bump: 'major' | 'minor' | 'patch' | 'none'
}

const cases: Case[] = [
  { name: 'no change', edit: () => {}, want: [], bump: 'none' },
  {
    name: 'key order alone is no change',
    edit: (d) => {
      const { required, type, ...rest } = item(d)
      d.components.schemas.Item = { ...rest, required, type }
      d.paths = Object.fromEntries(Object.entries(d.paths).reverse())
    },
    want: [],
    bump: 'none',
  },
  {
    name: 'x- extensions and metadata only: a patch',
    edit: (d) => {
      item(d)['x-internal'] = true
      d.info.license = { name: 'MIT' }
    },
    want: [{ kind: 'other-change', path: '$', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'operation added',
    edit: (d) =>
      (d.paths['/items/{item_id}'].delete = {
        operationId: 'deleteItem',
        responses: { '204': { description: 'gone' } },
      }),
    want: [{ kind: 'operation-added', path: 'DELETE /items/{item_id}', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'operation removed',
    edit: (d) => delete d.paths['/items'].post,
    want: [{ kind: 'operation-removed', path: 'POST /items', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'operationId renamed',
    edit: (d) => (getItem(d).operationId = 'fetchItem'),
    want: [{ kind: 'operation-id-changed', path: 'GET /items/{item_id}', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'new optional query parameter',
    edit: (d) =>
      listItems(d).parameters.push({ name: 'colour', in: 'query', schema: { type: 'string' } }),
    want: [{ kind: 'parameter-added', path: 'GET /items query colour', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'new required query parameter',
    edit: (d) =>
      listItems(d).parameters.push({
        name: 'shelf',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    want: [{ kind: 'parameter-added', path: 'GET /items query shelf', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'parameter removed',
    edit: (d) => listItems(d).parameters.splice(1, 1),
    want: [{ kind: 'parameter-removed', path: 'GET /items query start', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'parameter renamed (same location, same schema)',
    edit: (d) => (listItems(d).parameters[1].name = 'from'),
    want: [{ kind: 'parameter-renamed', path: 'GET /items query start', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'parameter removed and a different one added is not a rename',
    edit: (d) =>
      (listItems(d).parameters[1] = { name: 'from', in: 'query', schema: { type: 'string' } }),
    want: [
      { kind: 'parameter-removed', path: 'GET /items query start', class: 'breaking' },
      { kind: 'parameter-added', path: 'GET /items query from', class: 'additive' },
    ],
    bump: 'major',
  },
  {
    name: 'path parameter renamed in the template',
    edit: (d) => {
      const item = d.paths['/items/{item_id}']
      delete d.paths['/items/{item_id}']
      item.parameters[0].name = 'id'
      d.paths['/items/{id}'] = item
    },
    want: [
      { kind: 'path-template-changed', path: 'GET /items/{id}', class: 'breaking' },
      { kind: 'parameter-renamed', path: 'GET /items/{id} path item_id', class: 'breaking' },
    ],
    bump: 'major',
  },
  {
    name: 'parameter made required',
    edit: (d) => (listItems(d).parameters[0].required = true),
    want: [{ kind: 'parameter-required', path: 'GET /items query limit', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'parameter made optional',
    edit: (d) => {
      listItems(d).parameters[0].required = true
      base2 = structuredClone(d)
      listItems(d).parameters[0].required = false
    },
    want: [{ kind: 'parameter-optional', path: 'GET /items query limit', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'parameter type widened to integer | string (request: additive)',
    edit: (d) =>
      (listItems(d).parameters[1].schema = {
        oneOf: [
          { type: 'integer', format: 'int64' },
          { type: 'string', format: 'date-time' },
        ],
      }),
    want: [
      { kind: 'type-changed', path: 'GET /items query start', class: 'additive' },
      { kind: 'variant-added', class: 'additive' },
    ],
    bump: 'minor',
  },
  {
    name: 'request enum value added',
    edit: (d) => getItem(d).parameters[0].schema.enum.push('debug'),
    want: [
      { kind: 'enum-value-added', path: 'GET /items/{item_id} query view', class: 'additive' },
    ],
    bump: 'minor',
  },
  {
    name: 'request enum value removed',
    edit: (d) => getItem(d).parameters[0].schema.enum.pop(),
    want: [
      { kind: 'enum-value-removed', path: 'GET /items/{item_id} query view', class: 'breaking' },
    ],
    bump: 'major',
  },
  {
    name: 'enum value spelling fix is documentation',
    edit: (d) => {
      const p = getItem(d).parameters[0].schema
      p.enum = ['short', 'full,']
      base2 = structuredClone(d)
      p.enum = ['short', 'full']
    },
    want: [{ kind: 'enum-value-corrected', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'enum used in request and response: added value is additive both ways',
    edit: (d) => d.components.schemas.Colour.enum.push('blue'),
    want: [
      {
        kind: 'enum-value-added',
        path: 'Colour',
        class: 'additive',
        reason: expect.stringContaining('request'),
      },
      {
        kind: 'enum-value-added',
        path: 'Colour',
        class: 'additive',
        reason: expect.stringContaining('response'),
      },
    ],
    bump: 'minor',
  },
  {
    name: 'enum value removed from a schema used in responses and requests',
    edit: (d) => d.components.schemas.Colour.enum.pop(),
    want: [
      {
        kind: 'enum-value-removed',
        path: 'Colour',
        class: 'breaking',
        reason: expect.stringContaining('request'),
      },
      {
        kind: 'enum-value-removed',
        path: 'Colour',
        class: 'breaking',
        reason: expect.stringContaining('response'),
      },
    ],
    bump: 'major',
  },
  {
    name: 'response property added',
    edit: (d) => (item(d).properties.created_at = { type: 'string', format: 'date-time' }),
    want: [{ kind: 'property-added', path: 'Item.created_at', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'response property removed',
    edit: (d) => delete item(d).properties.note,
    want: [{ kind: 'property-removed', path: 'Item.note', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'response property made required',
    edit: (d) => item(d).required.push('weight'),
    want: [{ kind: 'property-required', path: 'Item.weight', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'response property made optional',
    edit: (d) => (item(d).required = ['id']),
    want: [{ kind: 'property-optional', path: 'Item.colour', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'required request property added',
    edit: (d) => {
      d.components.schemas.NewItem.properties.shelf = { type: 'string' }
      d.components.schemas.NewItem.required.push('shelf')
    },
    want: [{ kind: 'property-added', path: 'NewItem.shelf', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'optional request property added',
    edit: (d) => (d.components.schemas.NewItem.properties.weight = { type: 'number' }),
    want: [{ kind: 'property-added', path: 'NewItem.weight', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'request property made optional',
    edit: (d) => (d.components.schemas.NewItem.required = []),
    want: [{ kind: 'property-optional', path: 'NewItem.colour', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'response type changed',
    edit: (d) => (item(d).properties.note = { type: 'integer' }),
    want: [{ kind: 'type-changed', path: 'Item.note', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'integer -> number is the same TypeScript type',
    edit: (d) => (listItems(d).parameters[0].schema.type = 'number'),
    want: [{ kind: 'type-changed', path: 'GET /items query limit', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'format change does not change the generated type',
    edit: (d) => (item(d).properties.weight.format = 'float'),
    want: [{ kind: 'format-changed', path: 'Item.weight', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'response becoming nullable (3.1 type array) is breaking',
    edit: (d) => (item(d).properties.note.type = ['string', 'null']),
    want: [{ kind: 'made-nullable', path: 'Item.note', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'response becoming nullable through oneOf null is breaking',
    edit: (d) =>
      (item(d).properties.colour = {
        oneOf: [{ $ref: '#/components/schemas/Colour' }, { type: 'null' }],
      }),
    want: [{ kind: 'made-nullable', path: 'Item.colour', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'request becoming nullable is additive',
    edit: (d) =>
      (d.components.schemas.NewItem.properties.note = { type: 'string', nullable: true }),
    want: [{ kind: 'made-nullable', path: 'NewItem.note', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'description and example only',
    edit: (d) => {
      item(d).description = 'Something kept on a shelf.'
      item(d).properties.id.example = 'it_2'
      getItem(d).summary = 'Fetch one item'
    },
    want: [
      { kind: 'description-changed', path: 'GET /items/{item_id}', class: 'docs' },
      { kind: 'description-changed', path: 'Item', class: 'docs' },
      { kind: 'example-changed', path: 'Item.id', class: 'docs' },
    ],
    bump: 'patch',
  },
  // Deprecations: semver asks for a minor release when public API is deprecated (upstream ships them as minor).
  {
    name: 'deprecating a schema property is a minor change',
    edit: (d) => (item(d).properties.note.deprecated = true),
    want: [{ kind: 'deprecated', path: 'Item.note', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'lifting a deprecation is documentation',
    edit: () => {
      base2 = structuredClone(base)
      item(base2).properties.note.deprecated = true
    },
    want: [{ kind: 'undeprecated', path: 'Item.note', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'deprecating an operation is a minor change',
    edit: (d) => (getItem(d).deprecated = true),
    want: [{ kind: 'deprecated', path: 'GET /items/{item_id}', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'deprecating a parameter is a minor change',
    edit: (d) => (listItems(d).parameters[0].deprecated = true),
    want: [{ kind: 'deprecated', path: 'GET /items query limit', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'a response deprecated through x-deprecated-response (Response objects have no deprecated field)',
    edit: (d) => (getItem(d).responses['404']['x-deprecated-response'] = true),
    want: [{ kind: 'deprecated', path: 'GET /items/{item_id} response 404', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'a schema deprecated through x-deprecated',
    edit: (d) => (item(d).properties.weight['x-deprecated'] = true),
    want: [{ kind: 'deprecated', path: 'Item.weight', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'deprecated beside a $ref deprecates the property, not the shared component',
    edit: (d) =>
      (item(d).properties.colour = { $ref: '#/components/schemas/Colour', deprecated: true }),
    want: [{ kind: 'deprecated', path: 'Item.colour', class: 'additive' }],
    bump: 'minor',
  },
  // Shapes met between real consecutive upstream v4 descriptions, rebuilt in miniature.
  {
    name: 'a response enum replaced by its base type is additive, like added response values (upstream 7.4.0)',
    edit: (d) => (item(d).properties.colour = { type: 'string' }),
    want: [{ kind: 'enum-removed', path: 'Item.colour', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'an inline enum equal to the referenced enum component changes no type',
    edit: (d) => (item(d).properties.colour = { type: 'string', enum: ['red', 'green'] }),
    want: [{ kind: 'other-change', path: '$', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'oneOf alternatives in another order change no type',
    edit: (d) => {
      const alternatives = [
        { type: 'integer', format: 'int64' },
        { type: 'string', format: 'date-time' },
      ]
      base2 = structuredClone(base)
      listItems(base2).parameters[1].schema = { oneOf: alternatives }
      listItems(d).parameters[1].schema = { oneOf: [...alternatives].reverse() }
    },
    want: [{ kind: 'other-change', path: '$', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'an empty required list changes no type',
    edit: (d) => (d.components.schemas.WebhookPayload.required = []),
    want: [{ kind: 'other-change', path: '$', class: 'docs' }],
    bump: 'patch',
  },
  {
    name: 'an error code removed from a response enum stays breaking',
    edit: (d) => {
      const code = (values: string[]) => ({ type: 'string', enum: values })
      base2 = structuredClone(base)
      base2.components.schemas.Problem.properties.code = code(['not_found', 'gone'])
      d.components.schemas.Problem.properties.code = code(['not_found'])
    },
    want: [{ kind: 'enum-value-removed', path: 'Problem.code', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'constraint change',
    edit: (d) => (listItems(d).parameters[0].schema.maximum = 500),
    want: [{ kind: 'constraint-changed', path: 'GET /items query limit', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'inline response object property removed',
    edit: (d) =>
      delete listItems(d).responses['200'].content['application/json'].schema.properties.next,
    want: [
      {
        kind: 'property-removed',
        path: 'GET /items response 200 application/json.next',
        class: 'breaking',
      },
    ],
    bump: 'major',
  },
  {
    name: 'change under an array of refs',
    edit: (d) => (item(d).properties.tags = { type: 'array', items: { type: 'string' } }),
    want: [{ kind: 'property-added', path: 'Item.tags', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'success response removed',
    edit: (d) => delete d.paths['/items'].post.responses['201'],
    want: [{ kind: 'response-removed', path: 'POST /items response 201', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'error response added',
    edit: (d) =>
      (getItem(d).responses['429'] = {
        description: 'slow down',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
      }),
    want: [
      { kind: 'response-added', path: 'GET /items/{item_id} response 429', class: 'additive' },
    ],
    bump: 'minor',
  },
  {
    name: 'component schema not reached by any operation is compared as a payload',
    edit: (d) => (d.components.schemas.WebhookPayload.properties.at = { type: 'integer' }),
    want: [{ kind: 'property-added', path: 'WebhookPayload.at', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'component schema removed',
    edit: (d) => delete d.components.schemas.WebhookPayload,
    want: [{ kind: 'schema-removed', path: 'WebhookPayload', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'request body made optional',
    edit: (d) => (d.paths['/items'].post.requestBody.required = false),
    want: [{ kind: 'request-body-optional', path: 'POST /items request body', class: 'additive' }],
    bump: 'minor',
  },
  {
    name: 'security scheme changed',
    edit: (d) =>
      (d.components.securitySchemes.token = { type: 'apiKey', in: 'header', name: 'Auth-Token' }),
    want: [{ kind: 'security-scheme-changed', path: 'security scheme token', class: 'breaking' }],
    bump: 'major',
  },
  {
    name: 'a description beside a self-referencing $ref is reported once, at its location',
    edit: (d) =>
      (item(d).properties.parent = {
        $ref: '#/components/schemas/Item',
        description: 'the container',
      }),
    want: [{ kind: 'description-changed', path: 'Item.parent', class: 'docs' }],
    bump: 'patch',
  },
]

let base2: Doc | undefined

describe('diffSpecs', () => {
  it.each(cases)('$name', ({ edit, want, bump }) => {
    base2 = undefined
    const after = structuredClone(base)
    edit(after)
    const before = base2 ?? base
    const diff = diffSpecs(before, after)
    expect(diff.changes).toHaveLength(want.length)
    for (const w of want) expect(diff.changes).toContainEqual(expect.objectContaining(w))
    expect(diff.bump).toBe(bump)
    for (const c of diff.changes) expect(c.reason.length).toBeGreaterThan(5)
  })

  it('is symmetric in what it finds: removing what was added is found too', () => {
    const after = structuredClone(base)
    item(after).properties.created_at = { type: 'string' }
    expect(diffSpecs(after, base).changes).toEqual([
      expect.objectContaining({
        kind: 'property-removed',
        path: 'Item.created_at',
        class: 'breaking',
      }),
    ])
  })

  it('compares resolved schemas: inlining a $ref changes no type (only the document)', () => {
    const after = structuredClone(base)
    listItems(after).responses['200'].content['application/json'].schema.properties.items.items =
      structuredClone(base.components.schemas.Item)
    after.components.schemas.Item.properties.parent = { $ref: '#/components/schemas/Item' }
    // the inlined copy still refers to Item for its parent, so the types are identical
    expect(diffSpecs(base, after)).toEqual({
      bump: 'patch',
      changes: [expect.objectContaining({ kind: 'other-change', class: 'docs' })],
    })
  })

  describe('a $ref with sibling keywords (OpenAPI 3.1)', () => {
    const withKinds = (allow: unknown, block: unknown): Doc => {
      const d = structuredClone(base)
      d.components.schemas.Kind = { type: 'string', enum: ['allow', 'block'] }
      item(d).properties.allow_kind = allow
      item(d).properties.block_kind = block
      return d
    }
    const sibling = (value: string) => ({ $ref: '#/components/schemas/Kind', const: value })
    const allOf = (value: string) => ({
      allOf: [{ $ref: '#/components/schemas/Kind' }, { const: value }],
    })

    it('is the same type as allOf [$ref, siblings]', () => {
      const diff = diffSpecs(
        withKinds(allOf('allow'), allOf('block')),
        withKinds(sibling('allow'), sibling('block')),
      )
      expect(diff.changes.filter((c) => c.class !== 'docs')).toEqual([])
    })
    it('compares each location on its own, not as the shared component', () => {
      const diff = diffSpecs(
        withKinds(sibling('allow'), sibling('block')),
        withKinds(sibling('allow'), sibling('allow')),
      )
      expect(diff.changes).toEqual([
        expect.objectContaining({
          kind: 'enum-value-removed',
          path: 'Item.block_kind',
          class: 'breaking',
        }),
        expect.objectContaining({
          kind: 'enum-value-added',
          path: 'Item.block_kind',
          class: 'additive',
        }),
      ])
    })
  })

  it('terminates on mutually recursive schemas and finds the change inside the cycle', () => {
    const cyclic = (extra: boolean): Doc => ({
      openapi: '3.1.0',
      info: { title: 'c', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: {
            type: 'object',
            properties: {
              a: { $ref: '#/components/schemas/A' },
              ...(extra ? { x: { type: 'string' } } : {}),
            },
          },
        },
      },
    })
    expect(diffSpecs(cyclic(true), cyclic(false)).changes).toEqual([
      expect.objectContaining({ kind: 'property-removed', path: 'B.x' }),
    ])
  })

  it('throws on a dangling $ref', () => {
    const after = structuredClone(base)
    getItem(after).responses['200'].content['application/json'].schema.$ref =
      '#/components/schemas/Nope'
    expect(() => diffSpecs(base, after)).toThrow(/#\/components\/schemas\/Nope points to nothing/)
  })
})

describe('bumpFor', () => {
  const change = (cls: SpecChange['class']): SpecChange => ({
    kind: 'k',
    path: 'p',
    class: cls,
    reason: 'r',
  })
  it.each([
    { given: [], want: 'none' },
    { given: [change('docs')], want: 'patch' },
    { given: [change('docs'), change('additive')], want: 'minor' },
    { given: [change('additive'), change('breaking'), change('docs')], want: 'major' },
  ])('$want', ({ given, want }) => expect(bumpFor(given)).toBe(want))
})

describe('renderMarkdown', () => {
  it('lists changes by class with the bump', () => {
    const after = structuredClone(base)
    delete item(after).properties.note
    item(after).properties.size = { type: 'integer' }
    item(after).description = 'changed'
    const md = renderMarkdown(diffSpecs(base, after))
    expect(md).toContain('Suggested bump: **major**')
    expect(md.indexOf('### Breaking changes (1)')).toBeLessThan(md.indexOf('### Additions (1)'))
    expect(md).toContain('- `Item.note`: response property removed')
    expect(md).toContain('### Documentation (1)')
  })
  it('caps documentation lines', () => {
    const changes = Array.from({ length: 30 }, (_, i) => ({
      kind: 'description-changed',
      path: `S${i}`,
      class: 'docs' as const,
      reason: 'doc',
    }))
    const md = renderMarkdown({ bump: 'patch', changes }, { maxDocs: 5 })
    expect(md).toContain('... and 25 more documentation changes')
  })
  it('says when nothing changed', () => {
    expect(renderMarkdown({ bump: 'none', changes: [] })).toContain('Suggested bump: **none**')
  })
})

describe('pnpm spec:diff (CLI)', () => {
  const root = join(import.meta.dirname, '..', '..')
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'spec-diff.ts'), ...args],
      { cwd: root, encoding: 'utf8' },
    )
  const a = join(fixtures, 'base.yaml')
  const b = join(fixtures, 'breaking.yaml')

  it('prints JSON with bump and changes and exits 0 without --fail-on-breaking', () => {
    const out = run(a, b, '--json')
    expect(out.status).toBe(0)
    const parsed = JSON.parse(out.stdout) as { bump: string; changes: SpecChange[] }
    expect(parsed.bump).toBe('major')
    expect(
      parsed.changes.every((c) => ['kind', 'path', 'class', 'reason'].every((k) => k in c)),
    ).toBe(true)
  })
  it('exits 1 with --fail-on-breaking when something breaks, 0 when nothing does', () => {
    expect(run(a, b, '--fail-on-breaking').status).toBe(1)
    expect(run(a, a, '--fail-on-breaking').status).toBe(0)
  })
  it('prints markdown by default', () => {
    expect(run(a, b).stdout).toMatch(/^## API changes/)
  })
  it('exits 2 on bad usage or an unreadable file', () => {
    expect(run(a).status).toBe(2)
    const missing = run(a, join(fixtures, 'missing.yaml'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('missing.yaml')
  })
})
