import { describe, expect, test } from 'vitest'
import { keepOurProse, UNDESCRIBED } from '../lib/spec-update/keep-our-prose.ts'

const ours = {
  openapi: '3.1.0',
  info: { title: 'Our title', description: 'Our words about the API.', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        summary: 'Our summary',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'Our id text.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'Our OK.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        description: 'Our thing.',
        properties: {
          description: {
            type: 'string',
            description: 'Our text for a property named description.',
          },
        },
      },
    },
  },
}

const upstream = {
  openapi: '3.1.0',
  info: { title: 'Their title', description: 'Their words.', version: '2' },
  paths: {
    '/things/{id}': {
      get: {
        summary: 'Their summary',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'Their id text.',
            schema: { type: 'string' },
          },
          {
            name: 'fields',
            in: 'query',
            description: 'Their new parameter text.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'Their OK.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { description: 'Their not found.' },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        description: 'Their thing.',
        properties: {
          description: { type: 'string', description: 'Their property text.' },
          size: { type: 'integer', description: 'Their new property text.', example: 3 },
        },
      },
    },
  },
}

describe('keepOurProse', () => {
  const { doc, undescribed } = keepOurProse(upstream, ours)
  const text = JSON.stringify(doc)

  test('keeps no upstream sentence', () => {
    for (const theirs of [
      'Their words.',
      'Their summary',
      'Their id text.',
      'Their OK.',
      'Their thing.',
      'Their property text.',
      'Their new parameter text.',
      'Their new property text.',
      'Their not found.',
    ]) {
      expect(text).not.toContain(theirs)
    }
  })

  test('carries our prose to nodes that still exist, and our info with the new version', () => {
    expect(doc.info).toEqual({
      title: 'Our title',
      description: 'Our words about the API.',
      version: '2',
    })
    expect(text).toContain('Our summary')
    expect(text).toContain('Our id text.')
    expect(text).toContain('Our text for a property named description.')
  })

  test('takes the structure from upstream', () => {
    const op = (doc.paths as any)['/things/{id}'].get
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'fields'])
    expect((doc.components as any).schemas.Thing.properties.size).toEqual({ type: 'integer' })
    expect(op.responses['404']).toEqual({ description: UNDESCRIBED })
  })

  test('lists the new nodes that need our words', () => {
    expect(undescribed).toEqual(
      expect.arrayContaining([
        expect.stringContaining('query:fields'),
        expect.stringContaining('responses.404'),
        expect.stringContaining('properties.size'),
      ]),
    )
  })

  test('is idempotent: merging the result again changes nothing', () => {
    expect(keepOurProse(upstream, doc as any).doc).toEqual(doc)
  })
})
