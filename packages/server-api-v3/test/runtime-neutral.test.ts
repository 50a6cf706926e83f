/// <reference types="node" />
/**
 * The client must run on Node 18+, Deno, Bun and edge workers: no `node:` imports, no `Buffer`, no
 * `process` in src/, and the built bundle for the neutral platform must not need Node built-ins.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

const src = fileURLToPath(new URL('../src', import.meta.url))
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

describe('runtime neutrality', () => {
  test.each(files(src).map((f) => [f.slice(src.length + 1), f]))(
    '%s uses no Node-only API',
    (_, file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
      expect(code).not.toMatch(/from\s+['"](node:|fs|path|crypto|zlib|buffer|util|http)['"/]/)
      expect(code).not.toMatch(/\bBuffer\./)
      expect(code).not.toMatch(/\bprocess\./)
      expect(code).not.toMatch(/\brequire\(/)
    },
  )

  test('the sources bundle for the neutral platform with no Node built-in', async () => {
    const result = await build({
      entryPoints: [join(src, 'index.ts')],
      bundle: true,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
      metafile: true,
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((i) => i.startsWith('node:'))).toBe(false)
    expect(result.errors).toEqual([])
  })
})
