import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as prettier from 'prettier'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { parseBlockYaml } from '../lib/fast-yaml.ts'
import { random } from './helpers/random.ts'
import { repoRoot } from './helpers/temp-repo.ts'

const viaYaml = (text: string) => parse(text, { uniqueKeys: true, maxAliasCount: 1000 }) as unknown

/** The fast parser either gives up or agrees with `yaml` exactly (key order and -0 included). */
function expectAgrees(text: string, label = text): boolean {
  const fast = parseBlockYaml(text)
  if (fast === undefined) return false
  expect(fast, label).toStrictEqual(viaYaml(text))
  expect(JSON.stringify(fast), label).toBe(JSON.stringify(viaYaml(text)))
  return true
}

const WORDS = [
  'word',
  'Fingerprint',
  'event_id',
  '`code`',
  "it's",
  '"quoted"',
  'a: b',
  'x:y',
  '#hash',
  'a #b',
  '- dash',
  '-1',
  '[x]',
  '{y}',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '%',
  '@',
  'é±—',
  '42',
  '3.5',
  '1e3',
  'true',
  'null',
  '~',
  'yes',
  '0x1F',
  '.inf',
  '',
  ' ',
  '\n',
  '\n\n',
  '  indented',
  'https://example.com/a?b=c#d',
]

function randomString(r: ReturnType<typeof random>): string {
  const n = r.pick([1, 1, 2, 3, 8, 20])
  return Array.from({ length: n }, () => r.pick(WORDS)).join(r.pick([' ', ' ', '', '\n']))
}

function randomValue(r: ReturnType<typeof random>, depth: number): unknown {
  const roll = r.next()
  if (depth <= 0 || roll < 0.45)
    return r.pick([
      () => randomString(r),
      () => randomString(r),
      () => r.pick([0, -0, 1, -7, 3.25, 1731234567890, 1e21, 0.1]),
      () => r.next() < 0.5,
      () => null,
    ])()
  if (roll < 0.7) return Array.from({ length: r.int(4) }, () => randomValue(r, depth - 1))
  const out: Record<string, unknown> = {}
  for (let i = r.int(5); i > 0; i--) out[r.pick(WORDS.filter(Boolean))] = randomValue(r, depth - 1)
  return out
}

describe('parseBlockYaml', () => {
  it.each(['server-api-v3', 'server-api-v4'])('parses specs/%s.yaml as yaml does', (api) => {
    const text = readFileSync(join(repoRoot, 'specs', `${api}.yaml`), 'utf8')
    expect(expectAgrees(text, api)).toBe(true)
  })

  it.each([
    [
      'plain scalars (core schema)',
      'a: 1\nb: -0\nc: 3.5\nd: 1e3\ne: .5\nf: 007\ng: 1_000\nh: yes\ni: ~\nj: Null\nk: TRUE\nl: 2.\n',
    ],
    ['keys', "200: a\n'4XX': b\n/x/{id}: c\n'it''s': d\n$ref: e\nx-y: f\na:b: g\nkey  : h\n"],
    [
      'strings',
      'a: \'it\'\'s\'\nb: "say \\"hi\\" \\u00e9\\n\\t\\\\"\nc: 1731234567890.aB3dEf\nd: http://x:80/y\n',
    ],
    ['empty values', 'a:\nb: []\nc: {}\nd:\n  - \ne: ""\n'],
    ['comments and blank lines', '# top\na: 1 \n\n  # indented comment\nb:\n  # before\n  c: 2\n'],
    [
      'literal block scalars',
      'a: |\n  one\n\n    two\n  three\nb: |-\n  x\nc: |+\n  y\n\n\nd: 1\n',
    ],
    ['folded block scalars', 'a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: >\n  x\n  y\n'],
    [
      'block scalar with # lines and deeper content',
      'a: |-\n  # not a comment\n  x\n# a comment\nb: 1\n',
    ],
    [
      'sequences',
      'a:\n  - 1\n  - x\n  - - n1\n    - n2\n  - k: v\n    l:\n      - z\n  -\n    m: 1\n  - |-\n    s\n',
    ],
    [
      'multi-line plain scalars',
      'a:\n  one two\n  three\nb: start\n  more\nc:\n  - item starts\n    and ends\n',
    ],
    ['folded with more-indented lines', 'a: >\n  x\n    y\n  z\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow collections', 'a: [1, 2]\nb: {c: 1}\n'],
    ['compact sequence under a key', 'a:\n- 1\n- 2\n'],
    ['multi-line quoted', "a: 'one\n  two'\n"],
    ['tabs', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['inline comment', 'a: 1 # one\n'],
    ['document markers', '---\na: 1\n...\n'],
    ['top-level sequence', '- a\n- b\n'],
    ['scalar document', 'just text\n'],
    ['keep chomping at the end', 'a: |+\n  x\n\n'],
    ['octal, hex, infinity', 'a: 0o17\nb: 0x1F\nc: .inf\nd: -.Inf\ne: .nan\n'],
    ['non-string keys', 'true: a\n1.0: b\nnull: c\n'],
    ['__proto__ key', '__proto__: 1\n'],
    ['unusual escapes', 'a: "\\x41\\e"\n'],
    ['whitespace-only line in a block scalar', 'a: |\n  x\n   \n  y\n'],
  ])('%s: agrees with yaml or leaves it to yaml', (_name, text) => {
    expectAgrees(text)
  })

  it.each([
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['unclosed flow', 'a: [1\n'],
    ['nested mapping on one line', 'a: b: c\n'],
    ['unclosed quote', "a: 'x\n"],
    ['less-indented content', 'a:\n  - 1\n - 2\n'],
  ])('%s (invalid YAML): gives up, so yaml reports it', (_name, text) => {
    expect(parseBlockYaml(text)).toBeUndefined()
  })

  it('agrees with yaml on 400 generated documents, as yaml and as prettier write them', async () => {
    let parsed = 0
    let total = 0
    for (let seed = 1; seed <= 400; seed++) {
      const r = random(seed)
      const data = { openapi: '3.1.0', root: randomValue(r, 5), paths: randomValue(r, 4) }
      const written = stringify(data, {
        lineWidth: r.pick([0, 40, 80]),
        blockQuote: r.pick([true, 'folded', 'literal'] as const),
      })
      const prettified = await prettier.format(written, { parser: 'yaml', proseWrap: 'preserve' })
      for (const text of [written, prettified]) {
        total++
        if (expectAgrees(text, `seed ${seed}:\n${text}`)) parsed++
      }
    }
    // many stay on the fast path; the generator also writes what the parser leaves to yaml (flow
    // collections, quoted multi-line strings, comments after values)
    expect(parsed / total).toBeGreaterThan(0.3)
  })
})
