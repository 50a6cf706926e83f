import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { parseSpecText } from '../lib/load-spec.ts'
import { printSpecConstant } from '../lib/print-spec-constant.ts'
import { prettierOptions, renderDocument } from '../lib/render.ts'
import { random } from './helpers/random.ts'
import { repoRoot } from './helpers/temp-repo.ts'

/** What the generator wrote before the printer existed: prettier on the JSON spelling. */
const viaPrettier = (value: unknown) =>
  prettier.format(
    `export const spec = ${JSON.stringify(value)} as const\n\nexport default spec\n`,
    prettierOptions,
  )

const KEYS = [
  'a',
  'in',
  'url',
  'name',
  'type',
  'items',
  'description',
  'operationId',
  'x-fpapi-note',
  '$ref',
  '_private',
  'a1',
  '1a',
  '200',
  '4XX',
  '/events/{event_id}',
  'application/json',
  "it's",
  'say "hi"',
  'both \' and "',
  '',
  ' padded ',
  'back\\slash',
  'tab\there',
  'constructor',
  'default',
  'aVeryLongPropertyNameThatKeepsGoingOnAndOnToPushTheValueTowardsTheEdgeOfTheLine',
]
const PIECES = [
  'word',
  ' ',
  ' ',
  'Fingerprint',
  "'",
  '"',
  '\\',
  '\n',
  '\t',
  '`code`',
  'é',
  '±',
  '—',
  '’',
  '…',
  '\u0001',
  '\u00a0',
  'Ω',
  'ж',
  '{x}',
  '0',
]

function randomString(r: ReturnType<typeof random>): string {
  const target = r.pick([0, 1, 5, 20, 40, 60, 70, 75, 80, 85, 90, 95, 110])
  let s = ''
  while (s.length < target) s += r.pick(PIECES)
  return s
}

function randomNumber(r: ReturnType<typeof random>): number {
  return r.pick([
    0,
    -0,
    1,
    -1,
    7,
    42,
    -273,
    100,
    4096,
    1731234567890,
    0.5,
    -0.25,
    3.14159,
    1e21,
    -1.5e-7,
    2 ** 53,
    r.int(1000),
    -r.int(100000),
  ])
}

function randomValue(r: ReturnType<typeof random>, depth: number): unknown {
  const roll = r.next()
  if (depth <= 0 || roll < 0.35) {
    return r.pick([
      () => randomString(r),
      () => randomString(r),
      () => randomNumber(r),
      () => r.next() < 0.5,
      () => null,
    ])()
  }
  if (roll < 0.5) {
    // numbers only: prettier fills lines with them
    return Array.from({ length: r.int(40) }, () => randomNumber(r))
  }
  if (roll < 0.62) {
    // two or more multi-key objects: prettier always breaks these arrays
    return Array.from({ length: 1 + r.int(3) }, () => randomObject(r, depth - 1, 1 + r.int(3)))
  }
  if (roll < 0.72) {
    return Array.from({ length: r.int(5) }, () => randomValue(r, depth - 1))
  }
  return randomObject(r, depth - 1, r.int(6))
}

function randomObject(r: ReturnType<typeof random>, depth: number, size: number) {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < size; i++) out[r.pick(KEYS)] = randomValue(r, depth)
  return out
}

describe('printSpecConstant', () => {
  it.each(['server-api-v3', 'server-api-v4'])(
    'prints specs/%s.yaml byte for byte as prettier does',
    async (api) => {
      const file = `specs/${api}.yaml`
      const spec = parseSpecText(readFileSync(join(repoRoot, file), 'utf8'), file)
      const printed = printSpecConstant(spec)
      expect(printed).toBeDefined()
      expect(printed).toBe(await viaPrettier(spec))
    },
  )

  it.each([
    { name: 'empty object', value: {} },
    { name: 'fits on one line', value: { openapi: '3.1.0', paths: {} } },
    { name: 'empty values', value: { a: {}, b: [], c: '', d: [{}], e: [[]] } },
    { name: 'quotes', value: { a: "it's", b: 'say "hi"', c: `'"'`, d: `''"`, e: `""'` } },
    { name: 'escapes', value: { a: 'back\\slash \\" \\\'', b: 'line\nbreak\ttab\r\u0000\u001f' } },
    { name: 'keys needing quotes', value: { 'a-b': 1, '200': 2, '': 3, 'a b': 4, $ok: 5, _ok: 6 } },
    {
      name: 'lone surrogate (escaped by JSON.stringify)',
      value: { a: 'x\ud800y', b: '\udfff' },
    },
    {
      name: 'long string after a short key stays on the line',
      value: { wrapper: { url: 'https://example.com/'.repeat(6), name: 'n'.repeat(120) } },
    },
    {
      name: 'long string after a longer key moves to the next line',
      value: { wrapper: { description: 'word '.repeat(30) } },
    },
    {
      name: 'numbers: fill, negatives, exponents, non-finite',
      value: {
        list: Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? -i * 1001 : i ** 3)),
        exp: [1e21, 1e-7, -2.5e30, 0.000001],
        odd: [Number.NaN, Number.POSITIVE_INFINITY, -0],
        negative: -12,
      },
    },
    {
      name: 'arrays of objects and arrays break when every item has two entries',
      value: {
        pairs: [
          { a: 1, b: 2 },
          { a: 3, b: 4 },
        ],
        mixed: [{ a: 1, b: 2 }, { a: 3 }],
        grid: [
          [1, 2],
          [3, 4],
        ],
        single: [{ a: 1, b: 2 }],
      },
    },
    {
      name: 'key so long that the value moves below it',
      value: { ['k'.repeat(97)]: { a: 1 }, ['j'.repeat(97)]: [1, 2], ['n'.repeat(96)]: null },
    },
    {
      name: 'undefined and functions are dropped as JSON.stringify does',
      value: { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 },
    },
  ])('$name', async ({ value }) => {
    expect(printSpecConstant(value)).toBe(await viaPrettier(value))
  })

  it('matches prettier on 300 generated values around the line width', async () => {
    for (let seed = 1; seed <= Number(process.env.SEEDS ?? 300); seed++) {
      const r = random(seed)
      const value = randomObject(r, 5, 1 + r.int(6))
      const printed = printSpecConstant(value)
      const expected = await viaPrettier(value)
      if (printed !== undefined) expect(printed, `seed ${seed}`).toBe(expected)
    }
  })

  it.each([
    { name: 'emoji', value: { a: 'launch 🚀' } },
    { name: 'wide characters', value: { a: '指纹识别' } },
    { name: 'combining marks', value: { a: 'e\u0301' } },
    { name: 'a line separator', value: { a: 'x\u2028y' } },
    { name: 'a non-ASCII key', value: { ключ: 1 } },
    { name: 'DEL (prettier counts it only in ASCII-only strings)', value: { a: 'x\u007fé' } },
    { name: 'a Date', value: { a: new Date(0) } },
  ])(
    'leaves $name to prettier (undefined), and renderDocument still matches prettier',
    async ({ value }) => {
      expect(printSpecConstant(value)).toBeUndefined()
      const spec = { info: { version: '1' }, ...value }
      const rendered = await renderDocument('specs/x.yaml', 'text', spec)
      const body = rendered.slice(rendered.indexOf('export const spec'))
      expect(body).toBe(await viaPrettier(spec))
    },
  )

  it('returns undefined for a value that is not an object', () => {
    expect(printSpecConstant([1, 2])).toBeUndefined()
    expect(printSpecConstant('spec')).toBeUndefined()
    expect(printSpecConstant(null)).toBeUndefined()
  })
})
